import { useEffect, useState } from 'react';
import type { RecentContactsResult } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { errorMessage } from '../shared/errorMessage';

/** Rows per page: what fits a few scrolls of the CCP window. */
export const RECENT_PAGE = 50;

export type RecentLoad =
  | { kind: 'loading' }
  | { kind: 'loaded'; result: RecentContactsResult }
  | { kind: 'error'; message: string };

/**
 * The recent contacts for `query`, searched in main. `reloadKey` changes when the history may
 * have grown (a contact left the desk), so the list reloads without the agent asking. Only
 * the answer to the latest question is shown: typing fast never leaves an older list behind.
 */
export function useRecentContacts(open: boolean, query: string, reloadKey: string): RecentLoad {
  const ccp = useCcp();
  const [load, setLoad] = useState<RecentLoad>({ kind: 'loading' });
  useEffect(() => {
    if (!open) return;
    let current = true;
    ccp.history.recent({ query: query.slice(0, 128), limit: RECENT_PAGE }).then(
      (result) => current && setLoad({ kind: 'loaded', result }),
      (error: unknown) => current && setLoad({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [ccp, open, query, reloadKey]);
  return load;
}

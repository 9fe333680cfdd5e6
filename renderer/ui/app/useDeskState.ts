import { useEffect, useState } from 'react';
import type { CcpApi, DeskState } from '../../../common/contract';
import { errorMessage } from '../shared/errorMessage';

export type DeskStateResult =
  | { status: 'loading' }
  | { status: 'ready'; state: DeskState }
  | { status: 'error'; message: string };

/**
 * The latest DeskState: fetched once, then followed through the subscription. Snapshots can
 * arrive out of order (the initial fetch races the first push), so a lower revision is dropped.
 */
export function useDeskState(api: CcpApi): DeskStateResult {
  const [result, setResult] = useState<DeskStateResult>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    let latestRevision = -1;
    const accept = (state: DeskState): void => {
      if (!active || state.revision < latestRevision) return;
      latestRevision = state.revision;
      setResult({ status: 'ready', state });
    };
    // Subscribe first so no push between the fetch and the subscription is lost.
    const unsubscribe = api.state.subscribe(accept);
    api.state.get().then(accept, (error: unknown) => {
      if (active && latestRevision < 0)
        setResult({ status: 'error', message: errorMessage(error) });
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return result;
}

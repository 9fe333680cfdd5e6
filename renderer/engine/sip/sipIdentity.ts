/** A SIP party as the contract describes it: user part, URI and the display name they sent. */
import type { NameAddrHeader } from 'jssip/lib/NameAddrHeader';
import { bounded } from './describeFailure';

export interface PartyIdentity {
  readonly user: string;
  readonly uri: string;
  readonly displayName: string;
}

export function identityOf(header: NameAddrHeader): PartyIdentity {
  return {
    user: bounded(header.uri.user ?? ''),
    uri: bounded(header.uri.toString()),
    displayName: bounded(header.display_name ?? ''),
  };
}

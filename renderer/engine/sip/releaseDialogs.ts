/**
 * Ends, with a BYE each, the dialogs a previous engine page left behind when it reloaded or
 * crashed (main keeps them: DialogLedger). The new page has no session for them, so the BYE is
 * built from the dialog's identifiers and sent through JsSIP's request machinery, once the
 * new connection is up. Best effort: a far end that already gave up answers 481, which is fine.
 */
import type * as JsSIP from 'jssip';
import type { SipDialog } from '../../../common/contract';
import { sendRequestOutsideSession } from './jssipRequests';

/**
 * CSeq gap over the last one the old engine reported: re-INVITEs it sent after its report
 * (hold, resume) used numbers we never heard of, and RFC 3261 12.2.2 has the far end accept
 * any higher number but refuse a lower one (500).
 */
const CSEQ_GAP = 100;

export function releaseDialogs(
  ua: JsSIP.UA,
  dialogs: readonly SipDialog[],
  failed: (message: string) => void,
): void {
  const send = () => {
    for (const dialog of dialogs) {
      sendRequestOutsideSession(ua, 'BYE', dialog.remoteTarget, {
        call_id: dialog.callId,
        from_uri: dialog.localUri,
        from_tag: dialog.localTag,
        to_uri: dialog.remoteUri,
        to_tag: dialog.remoteTag,
        route_set: dialog.routeSet,
        cseq: dialog.localSeq + CSEQ_GAP,
      }).catch((error: unknown) => failed(`BYE for a previous engine's call: ${String(error)}`));
    }
  };
  if (ua.isConnected()) send();
  else ua.once('connected', send);
}

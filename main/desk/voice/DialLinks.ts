/**
 * tel:, sip: and callto: links from the OS (D4). A link fills the number pad for the agent to
 * check and press Call; a callto: link dials at once only where the profile says so, and falls
 * back to the pad when the desk cannot dial now. A link the dialing rules or the link policy
 * refuse is not put on the pad: the agent reads why. The URL is untrusted input: only what
 * parseDialLink accepts gets anywhere, and judgeDialLink decides what it may do.
 */
import type { DeskState, IntentResult, Notice, NoticeCode } from '../../../common/contract';
import { parseDialLink } from '../../dialing/dialLink';
import { judgeDialLink, type DialLinkPolicy } from '../../dialing/dialLinkPolicy';

export interface DialLinksHost {
  dial(target: string): IntentResult;
  notice(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void;
  /** The policy in force now (profile, dialing rules, the signed-in agent's domain). */
  policy(): DialLinkPolicy;
}

export class DialLinks {
  private latest: DeskState['dialDraft'];

  constructor(private readonly host: DialLinksHost) {}

  /** The number for the number pad; `seq` changes with each link, so the same one refills it. */
  get draft(): DeskState['dialDraft'] {
    return this.latest;
  }

  open(url: string): IntentResult {
    const link = parseDialLink(url);
    if (!link) {
      this.host.notice('warning', 'dialLinkInvalid');
      return { ok: false, reason: 'invalid' };
    }
    const judged = judgeDialLink(link, this.host.policy());
    if (judged.action === 'refuse') {
      this.host.notice('warning', 'dialLinkRefused', { reason: judged.reason });
      return { ok: false, reason: judged.reason };
    }
    if (judged.action === 'dial') {
      const result = this.host.dial(judged.target);
      if (result.ok) return result;
      this.host.notice('warning', 'dialLinkRefused', { reason: result.reason });
    }
    this.latest = { target: judged.target, seq: (this.latest?.seq ?? 0) + 1 };
    return { ok: true };
  }
}

/**
 * tel:, sip: and callto: links from the OS (D4). callto: dials at once; the others, and a
 * callto: the desk refuses, fill the number pad for the agent to check and press Call. The URL
 * is untrusted input: only what parseDialLink accepts gets anywhere.
 */
import type { DeskState, IntentResult, Notice, NoticeCode } from '../../../common/contract';
import { parseDialLink } from '../../dialing/dialLink';

export interface DialLinksHost {
  dial(target: string): IntentResult;
  notice(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void;
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
    if (link.autoDial) {
      const result = this.host.dial(link.target);
      if (result.ok) return result;
      this.host.notice('warning', 'dialLinkRefused', { reason: result.reason });
    }
    this.latest = { target: link.target, seq: (this.latest?.seq ?? 0) + 1 };
    return { ok: true };
  }
}

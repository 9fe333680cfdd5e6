import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../common/contract';
import { byTestId, renderMarkup } from '../shared/renderMarkup.testkit';
import { NoticeBar } from './NoticeBar';

const shown = (notice: Notice) =>
  byTestId(renderMarkup(createElement(NoticeBar, { notice })), 'notice');

describe('NoticeBar', () => {
  it('words a notice by its code, with the SIP text it carries', () => {
    const bar = shown({
      id: 1,
      level: 'error',
      code: 'registrationFailed',
      values: { cause: '403 Forbidden' },
    });
    expect(bar?.text).toContain('Your phone line could not register (403 Forbidden).');
    expect(bar?.tag).toContain('data-code="registrationFailed"');
  });

  it("words a refused dial link's reason as the number pad would, not as its code", () => {
    const bar = shown({
      id: 2,
      level: 'warning',
      code: 'dialLinkRefused',
      values: { reason: 'offlineCannotDial' },
    });
    expect(bar?.text).toContain(
      "The link's number was not dialled: Change your status from Offline to place a call.",
    );
    expect(bar?.text).not.toContain('offlineCannotDial');
  });

  it('falls back to a generic message for a code this build does not know', () => {
    const bar = shown({ id: 3, level: 'info', code: 'fromTheFuture' as Notice['code'] });
    expect(bar?.text).toContain('Something needs your attention.');
  });
});

/** Notices: the latest one, each with a new id so the UI tells a repeat from a dismissed one. */
import { describe, expect, it } from 'vitest';
import { Notices } from './Notices';

describe('Notices', () => {
  it('gives each notice a larger id than the last, even a repeat of the same code', () => {
    const notices = new Notices();
    notices.post('error', 'connectionLost');
    const first = notices.current!.id;
    notices.post('error', 'connectionLost');
    expect(notices.current!.id).toBeGreaterThan(first);
  });

  it('keeps values only when given, and clear removes the notice', () => {
    const notices = new Notices();
    notices.post('warning', 'transferFailed', { reason: '486 Busy Here' });
    expect(notices.current).toMatchObject({ values: { reason: '486 Busy Here' } });
    notices.post('info', 'reconnected');
    expect(notices.current).not.toHaveProperty('values');
    notices.clear();
    expect(notices.current).toBeUndefined();
  });
});

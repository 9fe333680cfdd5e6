/** The defaults a desk has before a profile sets anything, and what the profile's options show. */
import { describe, expect, it } from 'vitest';
import { availableDesk, newDesk } from './desk.testkit';

describe('desk settings before a profile', () => {
  it('reads a national number as a North American one until a profile sets the country', async () => {
    const { desk, engine } = await availableDesk();
    expect(desk.snapshot().dialing).toEqual({ defaultCountry: 'US' });
    expect(desk.dial('(734) 764-4357')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: '+17347644357' });
  });

  it('reads national numbers by the country a profile sets', async () => {
    const { desk, engine } = await availableDesk({ dialingRules: { defaultCountry: 'GB' } });
    expect(desk.dial('020 7946 0000')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: '+442079460000' });
  });
});

describe('desk settings: listening in (F1)', () => {
  it('offers Listen in only to a user the profile lets listen in', () => {
    expect(newDesk().desk.snapshot().contactOptions.monitor).toBeUndefined();
    const { desk } = newDesk({ monitor: { allowed: true } });
    expect(desk.snapshot().contactOptions.monitor).toBe(true);
    desk.applyProfile({ monitor: { allowed: false } });
    expect(desk.snapshot().contactOptions.monitor).toBeUndefined();
  });
});

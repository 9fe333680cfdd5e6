/** Calls the agent places through AgentDesk (D4): refusals, dialing rules and dial links. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DialingRulesConfig } from '../../dialing/DialingRules';
import type { AgentDesk } from '../AgentDesk';
import { availableDesk, deskSteps, newDesk, type RecordingEngine } from '../desk.testkit';

describe('AgentDesk', () => {
  let engine: RecordingEngine;
  let desk: AgentDesk;
  const { emit, signedIn, available } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, desk } = newDesk());
  });

  describe('outbound calls', () => {
    it('refuses to dial while Offline', async () => {
      await signedIn();
      expect(desk.dial('customer1')).toEqual({ ok: false, reason: 'offlineCannotDial' });
    });

    it('dials, connects, and goes to ACW when the customer hangs up', async () => {
      await available();
      expect(desk.dial('customer1')).toEqual({ ok: true });
      const call = engine.last();
      expect(call).toMatchObject({ type: 'call', target: 'customer1' });
      const id = (call as { callId: string }).callId;
      expect(desk.snapshot().contacts[0]).toMatchObject({
        id,
        direction: 'outbound',
        state: 'dialing',
      });
      expect(desk.dial('customer2')).toEqual({ ok: false, reason: 'contactActive' });
      emit({ type: 'confirmed', callId: id });
      emit({ type: 'ended', callId: id, originator: 'remote', cause: 'BYE', failed: false });
      expect(desk.snapshot().contacts[0]!.state).toBe('acw');
    });

    it('shows a failed call with its SIP reason until cleared', async () => {
      await available();
      desk.dial('nobody');
      const id = (engine.last() as { callId: string }).callId;
      emit({
        type: 'ended',
        callId: id,
        originator: 'remote',
        cause: 'Not Found',
        failed: true,
        statusCode: 404,
      });
      expect(desk.snapshot().contacts[0]).toMatchObject({
        state: 'failed',
        endReason: '404 Not Found',
      });
      desk.contactIntents.clear(id);
      expect(desk.snapshot().agent.routable).toBe(true);
    });
  });
});

describe('AgentDesk dialing rules', () => {
  it('dials a US number as typed in E.164 and shows it formatted', async () => {
    const { engine, desk } = await availableDesk();
    expect(desk.dial('734-764-4357')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: '+17347644357' });
    expect(desk.snapshot().contacts[0]!.peer.number).toBe('+1 734 764 4357');
  });

  it('reads a London number with the GB default country', async () => {
    const { engine, desk } = await availableDesk({
      dialingRules: DialingRulesConfig.parse({ defaultCountry: 'GB' }),
    });
    desk.dial('020 7183 8750');
    expect(engine.last()).toMatchObject({ type: 'call', target: '+442071838750' });
  });

  it('refuses an emergency number with its own reason and places nothing', async () => {
    const { engine, desk } = await availableDesk();
    const before = engine.commands.length;
    expect(desk.dial('9 1 1')).toEqual({ ok: false, reason: 'emergency' });
    expect(desk.dial('112')).toEqual({ ok: false, reason: 'emergency' });
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().contacts).toEqual([]);
  });
});

describe('AgentDesk dial links', () => {
  it('puts a tel: link in the number pad, a new one each time', async () => {
    const { engine, desk } = await availableDesk();
    const before = engine.commands.length;
    desk.openDialLink('tel:+1-734-764-4357');
    expect(desk.snapshot().dialDraft).toEqual({ target: '+17347644357', seq: 1 });
    desk.openDialLink('tel:+1-734-764-4357');
    expect(desk.snapshot().dialDraft?.seq).toBe(2);
    expect(engine.commands.length).toBe(before);
  });

  it('refuses junk with a notice', async () => {
    const { desk } = await availableDesk();
    expect(desk.openDialLink('javascript:alert(1)')).toEqual({ ok: false, reason: 'invalid' });
    expect(desk.snapshot().notice?.code).toBe('dialLinkInvalid');
  });
});

describe('AgentDesk dial links: what a link may do (Reliability item 7)', () => {
  it('puts a callto: link in the number pad without dialling, by default', async () => {
    const { engine, desk } = await availableDesk();
    const before = engine.commands.length;
    expect(desk.openDialLink('callto:+17347644357')).toEqual({ ok: true });
    expect(desk.snapshot().dialDraft).toEqual({ target: '+17347644357', seq: 1 });
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('dials a callto: link at once when the profile sets dialLinks.autoDial', async () => {
    const { engine, desk } = await availableDesk({ dialLinks: { autoDial: true } });
    expect(desk.openDialLink('callto:+17347644357')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: '+17347644357' });
  });

  it('never dials a tel: link at once, even with dialLinks.autoDial', async () => {
    const { engine, desk } = await availableDesk({ dialLinks: { autoDial: true } });
    const before = engine.commands.length;
    desk.openDialLink('tel:+17347644357');
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().dialDraft?.target).toBe('+17347644357');
  });

  it('refuses callto:+19005550123 as premium-rate with allowedCountries US: no call, no draft, a notice with the reason', async () => {
    const { engine, desk } = await availableDesk({
      dialingRules: { defaultCountry: 'US', allowedCountries: ['US'] },
      dialLinks: { autoDial: true },
    });
    const before = engine.commands.length;
    expect(desk.openDialLink('callto:+19005550123')).toEqual({ ok: false, reason: 'premiumRate' });
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().dialDraft).toBeUndefined();
    expect(desk.snapshot().notice).toMatchObject({
      code: 'dialLinkRefused',
      values: { reason: 'premiumRate' },
    });
  });

  it('refuses callto:someone@other.example as off-domain (the agent is sip:agent1@example.com)', async () => {
    const { engine, desk } = await availableDesk({ dialLinks: { autoDial: true } });
    const before = engine.commands.length;
    expect(desk.openDialLink('callto:someone@other.example')).toEqual({
      ok: false,
      reason: 'offDomainLink',
    });
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().dialDraft).toBeUndefined();
    expect(desk.snapshot().notice?.values).toEqual({ reason: 'offDomainLink' });
  });

  it("accepts a sip: link in the agent's own domain, whatever its case", async () => {
    const { desk } = await availableDesk();
    expect(desk.openDialLink('sip:queue1@EXAMPLE.com')).toEqual({ ok: true });
    expect(desk.snapshot().dialDraft?.target).toBe('sip:queue1@example.com');
  });

  it('still lets the agent dial a typed off-domain SIP address', async () => {
    const { engine, desk } = await availableDesk();
    expect(desk.dial('sip:someone@other.example')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: 'sip:someone@other.example' });
  });
});

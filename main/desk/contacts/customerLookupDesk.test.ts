/** The desk's customer lookup (D8): the profile's template, the contact's number, refusals. */
import { describe, expect, it } from 'vitest';
import { DeskCommands } from '../../commands/DeskCommands';
import { DialingRulesConfig } from '../../dialing/DialingRules';
import { availableDesk, deskSteps } from '../desk.testkit';
import type { AgentDesk } from '../AgentDesk';

const LOOKUP = { urlTemplate: 'https://crm.example/search?phone={e164}', open: 'panel' } as const;

async function deskWithCaller(user: string, options: Parameters<typeof availableDesk>[0] = {}) {
  const made = await availableDesk(options);
  const { offer } = deskSteps(() => made.desk as AgentDesk);
  offer('call-1', user);
  const contactId = made.desk.snapshot().contacts[0]!.id;
  return { ...made, contactId };
}

describe('AgentDesk customer lookup', () => {
  it('fills the template with the caller in E.164 per the default country, and says where', async () => {
    const { desk, contactId } = await deskWithCaller('02071838750', {
      customerLookup: LOOKUP,
      dialingRules: DialingRulesConfig.parse({ defaultCountry: 'GB' }),
    });
    expect(desk.customerLookup(contactId)).toEqual({
      ok: true,
      url: 'https://crm.example/search?phone=%2B442071838750',
      open: 'panel',
    });
    expect(desk.snapshot().contactOptions.customerLookup).toBe('panel');
  });

  it('is refused without a lookup in the profile, and the UI is not offered one', async () => {
    const { desk, contactId } = await deskWithCaller('+442071838750');
    expect(desk.customerLookup(contactId)).toEqual({ ok: false, reason: 'lookupNotConfigured' });
    expect(desk.snapshot().contactOptions.customerLookup).toBeUndefined();
  });

  it('is refused for a caller id that is no phone number, and for an unknown contact', async () => {
    const { desk, contactId } = await deskWithCaller('customer1', { customerLookup: LOOKUP });
    expect(desk.customerLookup(contactId)).toEqual({ ok: false, reason: 'lookupNoNumber' });
    expect(desk.customerLookup('gone')).toEqual({ ok: false, reason: 'contactNotFound' });
  });

  it('DeskCommands opens the URL where the profile says, and nothing when refused', async () => {
    const { desk, contactId } = await deskWithCaller('+17347644357', {
      customerLookup: { ...LOOKUP, open: 'browser' },
    });
    const commands = new DeskCommands(desk);
    const opened: Array<[string, string]> = [];
    expect(commands.customerLookup(contactId, (url, where) => opened.push([url, where]))).toEqual({
      ok: true,
    });
    expect(commands.customerLookup('gone', (url, where) => opened.push([url, where]))).toEqual({
      ok: false,
      reason: 'contactNotFound',
    });
    expect(opened).toEqual([['https://crm.example/search?phone=%2B17347644357', 'browser']]);
  });
});

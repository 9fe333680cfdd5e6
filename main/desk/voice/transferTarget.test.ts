import { describe, expect, it } from 'vitest';
import { DialingRulesConfig } from '../../dialing/DialingRules';
import { resolveTransferTarget } from './transferTarget';

const RULES = DialingRulesConfig.parse({ defaultCountry: 'GB', emergencyNumbers: ['999'] });
const QUICK = [
  { id: 'sales', kind: 'queue' as const, name: 'Sales queue', target: 'sip:sales@pbx.example.com' },
  { id: 'it', kind: 'external' as const, name: 'IT help desk', target: '+442079460000' },
  { id: 'sos', kind: 'external' as const, name: 'Trap', target: 'sip:999@pbx.example.com' },
];

describe('transfer targets', () => {
  it('dials a typed number in E.164 and shows it formatted', () => {
    expect(resolveTransferTarget({ via: 'number', number: '020 7183 8750' }, RULES, QUICK)).toEqual(
      {
        ok: true,
        target: '+442071838750',
        peer: { number: '+44 20 7183 8750', displayName: '' },
      },
    );
  });

  it('refuses an emergency number with the dialer reason, typed or inside a quick connect URI', () => {
    expect(resolveTransferTarget({ via: 'number', number: '112' }, RULES, QUICK)).toEqual({
      ok: false,
      reason: 'emergency',
    });
    expect(
      resolveTransferTarget({ via: 'quickConnect', quickConnectId: 'sos' }, RULES, QUICK),
    ).toEqual({ ok: false, reason: 'emergency' });
  });

  it('takes a quick connect of any kind with its name as label', () => {
    expect(
      resolveTransferTarget({ via: 'quickConnect', quickConnectId: 'sales' }, RULES, QUICK),
    ).toEqual({
      ok: true,
      target: 'sip:sales@pbx.example.com',
      peer: { number: 'sip:sales@pbx.example.com', displayName: '' },
      label: 'Sales queue',
    });
    expect(
      resolveTransferTarget({ via: 'quickConnect', quickConnectId: 'it' }, RULES, QUICK),
    ).toMatchObject({ ok: true, target: '+442079460000', label: 'IT help desk' });
  });

  it('refuses a quick connect the profile does not have', () => {
    expect(
      resolveTransferTarget({ via: 'quickConnect', quickConnectId: 'gone' }, RULES, QUICK),
    ).toEqual({ ok: false, reason: 'unknownQuickConnect' });
  });
});

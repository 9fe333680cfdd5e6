/**
 * The intents that name their contact reach the desk unchanged, with the desk's own answer
 * returned; sign-in goes through the machine policy first. A fake desk records each call.
 */
import { describe, expect, it } from 'vitest';
import type { IntentResult, ValidSignInRequest } from '../../common/contract';
import type { DesktopPreferencesPort } from '../desktop/DesktopPreferences';
import type { DeskPhonePort } from '../deskPhone/DeskPhoneSetting';
import { DeskCommands, type CommandedDesk } from './DeskCommands';

interface Recorded {
  readonly method: string;
  readonly args: unknown[];
}

/**
 * Records every method called, `calls.<name>` for the in-call intents on `desk.calls`,
 * `chats.<name>` for the chat intents on `desk.chats` and `contactIntents.<name>` for the
 * intents every contact has.
 */
function recordingDesk(): { desk: CommandedDesk; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const recorder = (prefix: string): object =>
    new Proxy(
      {},
      {
        get: (_target, name: string) =>
          prefix === '' && (name === 'calls' || name === 'chats' || name === 'contactIntents')
            ? recorder(`${name}.`)
            : (...args: unknown[]) => {
                const method = `${prefix}${name}`;
                calls.push({ method, args });
                // Each method answers with something of its own, to see it handed back unchanged.
                return method === 'signIn'
                  ? Promise.resolve({ ok: true })
                  : { ok: false, reason: `from-${method}` };
              },
      },
    );
  return { desk: recorder('') as CommandedDesk, calls };
}

/** The intents DeskCommands forwards to `desk.calls` rather than to the desk itself. */
const IN_CALL = new Set([
  'hold',
  'mute',
  'sendDtmf',
  'consult',
  'transfer',
  'join',
  'swap',
  'leave',
  'endLeg',
  'record',
]);

/** The intents DeskCommands forwards to `desk.contactIntents`, whatever the channel. */
const ANY_CHANNEL = new Set(['accept', 'reject', 'end', 'clear', 'saveDetails']);

/** The chat intents, each with the `desk.chats` method it reaches. */
const CHAT: Readonly<Record<string, string>> = {
  sendChat: 'chats.send',
  attachChat: 'chats.attach',
  chatTyping: 'chats.typing',
  chatRead: 'chats.read',
};

const TARGET = { via: 'quickConnect', quickConnectId: 'billing' } as const;
const DETAILS = { notes: 'asked about a refund' };
const ATTACHMENT = { name: 'receipt.pdf', type: 'application/pdf', size: 3, data: 'AAAA' };

describe('DeskCommands, intents that name their contact', () => {
  it.each([
    ['accept', ['c1'], ['c1']],
    ['reject', ['c1'], ['c1']],
    ['end', ['c1', { voicemail: true }], ['c1', { voicemail: true }]],
    ['end', ['c1'], ['c1', {}]],
    ['clear', ['c1'], ['c1']],
    ['hold', ['c1', 'all', true], ['c1', 'all', true]],
    ['mute', ['c1', false], ['c1', false]],
    ['sendDtmf', ['c1', '12#'], ['c1', '12#']],
    ['consult', ['c1', TARGET], ['c1', TARGET]],
    ['transfer', ['c1', TARGET], ['c1', TARGET]],
    ['join', ['c1'], ['c1']],
    ['swap', ['c1'], ['c1']],
    ['leave', ['c1'], ['c1']],
    ['endLeg', ['c1', 'thirdParty'], ['c1', 'thirdParty']],
    ['saveDetails', ['c1', DETAILS], ['c1', DETAILS]],
    ['dial', ['+17347644357'], ['+17347644357']],
    ['setStatus', ['lunch'], ['lunch']],
    ['forgetPassword', [], []],
    ['monitor', ['agent-7'], ['agent-7']],
    ['record', ['c1', true], ['c1', true]],
    ['sendChat', ['c1', 'hello'], ['c1', 'hello']],
    ['attachChat', ['c1', ATTACHMENT], ['c1', ATTACHMENT]],
    ['chatTyping', ['c1', true], ['c1', true]],
    ['chatRead', ['c1'], ['c1']],
  ] as const)(
    '%s reaches the desk with its arguments and returns its answer',
    (method, args, expected) => {
      const { desk, calls } = recordingDesk();
      const commands = new DeskCommands(desk) as unknown as Record<
        string,
        (...a: readonly unknown[]) => unknown
      >;
      const result = commands[method]!(...args);
      const reached = IN_CALL.has(method)
        ? `calls.${method}`
        : ANY_CHANNEL.has(method)
          ? `contactIntents.${method}`
          : (CHAT[method] ?? method);
      expect(calls).toEqual([{ method: reached, args: expected }]);
      expect(result).toEqual({ ok: false, reason: `from-${reached}` });
    },
  );

  it('signOut, openDialLink and a wake from sleep reach the desk', () => {
    const { desk, calls } = recordingDesk();
    const commands = new DeskCommands(desk);
    expect(commands.signOut()).toEqual({ ok: false, reason: 'from-signOut' });
    commands.openDialLink('tel:+17347644357');
    commands.systemResumed();
    expect(calls).toEqual([
      { method: 'signOut', args: [] },
      { method: 'openDialLink', args: ['tel:+17347644357'] },
      { method: 'systemResumed', args: [] },
    ]);
  });
});

describe('DeskCommands, desktop preferences and the desk phone switch', () => {
  /** A port answering each setting with its own refusal, recording what it was asked. */
  function recordingPorts() {
    const asked: Recorded[] = [];
    // Each answers with a reason of its own (not a real one), to see it handed back unchanged.
    const answer = (method: string, args: unknown[]): IntentResult => {
      asked.push({ method, args });
      return { ok: false, reason: `from-${method}` } as unknown as IntentResult;
    };
    const desktop: DesktopPreferencesPort = {
      setShortcut: (...args) => answer('setShortcut', args),
      setStartAtLogin: (...args) => answer('setStartAtLogin', args),
      setWidgetAlwaysOnTop: (...args) => answer('setWidgetAlwaysOnTop', args),
    };
    const deskPhone: DeskPhonePort = { set: (...args) => answer('deskPhone.set', args) };
    return { desktop, deskPhone, asked };
  }

  it("hands each setting to its port and returns the port's answer, never the desk's", () => {
    const { desk, calls } = recordingDesk();
    const { desktop, deskPhone, asked } = recordingPorts();
    const commands = new DeskCommands(desk, undefined, desktop, deskPhone);
    const request = { mode: 'deskPhone', number: '+493012345' } as const;
    expect(commands.setShortcut('answer', 'CommandOrControl+Shift+A')).toEqual({
      ok: false,
      reason: 'from-setShortcut',
    });
    expect(commands.setStartAtLogin(true)).toEqual({ ok: false, reason: 'from-setStartAtLogin' });
    expect(commands.setWidgetAlwaysOnTop(false)).toEqual({
      ok: false,
      reason: 'from-setWidgetAlwaysOnTop',
    });
    expect(commands.setDeskPhone(request)).toEqual({ ok: false, reason: 'from-deskPhone.set' });
    expect(asked).toEqual([
      { method: 'setShortcut', args: ['answer', 'CommandOrControl+Shift+A'] },
      { method: 'setStartAtLogin', args: [true] },
      { method: 'setWidgetAlwaysOnTop', args: [false] },
      { method: 'deskPhone.set', args: [request] },
    ]);
    expect(calls).toEqual([]);
  });

  it('without a desktop or a desk phone setting refuses every setting as not permitted', () => {
    const commands = new DeskCommands(recordingDesk().desk);
    const notPermitted = { ok: false, reason: 'notPermitted' };
    expect(commands.setShortcut('hangUp', 'F9')).toEqual(notPermitted);
    expect(commands.setStartAtLogin(true)).toEqual(notPermitted);
    expect(commands.setWidgetAlwaysOnTop(true)).toEqual(notPermitted);
    expect(commands.setDeskPhone({ mode: 'softphone', number: '' })).toEqual(notPermitted);
  });
});

describe('DeskCommands.signIn', () => {
  const REQUEST = {
    serverUrl: 'wss://a.example.net/ws',
    sipUri: 'sip:agent@example.net',
    authUser: '',
    password: 'secret',
    displayName: 'Agent',
  } as ValidSignInRequest;

  it('signs in on the servers the policy lists, in its order', async () => {
    const { desk, calls } = recordingDesk();
    const commands = new DeskCommands(desk, {
      refusal: () => undefined,
      servers: () => ['wss://a.example.net/ws', 'wss://b.example.net/ws'],
    });
    expect(await commands.signIn(REQUEST)).toEqual({ ok: true });
    expect(calls).toEqual([
      { method: 'signIn', args: [REQUEST, ['wss://a.example.net/ws', 'wss://b.example.net/ws']] },
    ]);
  });

  it('without a policy signs in on the server typed', async () => {
    const { desk, calls } = recordingDesk();
    await new DeskCommands(desk).signIn(REQUEST);
    expect(calls[0]?.args[1]).toEqual(['wss://a.example.net/ws']);
  });

  it('refuses what the policy refuses without touching the desk', async () => {
    const { desk, calls } = recordingDesk();
    const commands = new DeskCommands(desk, {
      refusal: () => ({ code: 'lockedByPolicy', field: 'serverUrl' }),
      servers: () => [],
    });
    expect(await commands.signIn(REQUEST)).toEqual({
      ok: false,
      error: { code: 'lockedByPolicy', field: 'serverUrl' },
    });
    expect(calls).toEqual([]);
  });
});

describe('DeskCommands, the customer lookup and restart to update', () => {
  it("opens the lookup URL where the desk's plan says and answers ok", () => {
    const opened: [string, string][] = [];
    const desk = {
      customerLookup: (contactId: string) => ({
        ok: true,
        url: `https://crm.example.net/find?contact=${contactId}`,
        open: 'panel',
      }),
    } as unknown as CommandedDesk;
    const result = new DeskCommands(desk).customerLookup('c1', (url, where) =>
      opened.push([url, where]),
    );
    expect(result).toEqual({ ok: true });
    expect(opened).toEqual([['https://crm.example.net/find?contact=c1', 'panel']]);
  });

  it("returns the desk's refusal of a lookup and opens nothing", () => {
    const { desk, calls } = recordingDesk();
    const opened: string[] = [];
    const result = new DeskCommands(desk).customerLookup('c1', (url) => opened.push(url));
    expect(result).toEqual({ ok: false, reason: 'from-customerLookup' });
    expect(calls).toEqual([{ method: 'customerLookup', args: ['c1'] }]);
    expect(opened).toEqual([]);
  });

  it("restart to update returns the updater's answer, and without an updater that none is ready", () => {
    const { desk } = recordingDesk();
    const updates = { restartToUpdate: (): IntentResult => ({ ok: true }) };
    expect(
      new DeskCommands(desk, undefined, undefined, undefined, updates).restartToUpdate(),
    ).toEqual({ ok: true });
    expect(new DeskCommands(desk).restartToUpdate()).toEqual({
      ok: false,
      reason: 'noUpdateReady',
    });
  });
});

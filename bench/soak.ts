/**
 * `BENCH_ONLY=soak npm run bench`: an agent's shift through the whole app against Kamailio
 * (issue 18). BENCH_SOAK_CALLS calls (default 300: plain, hold and resume, consult then leave,
 * three-way conference, blind transfer, in turn) and BENCH_SOAK_CHATS chats (default 100:
 * accepted, replied, ended, cleared) spread evenly among them. At the start (signed in, one
 * warm-up call), the middle and the end: heap of the engine page, the UI page and main after a
 * forced collection, each page's DOM counters (listeners, documents, nodes), its live timers and
 * RTCPeerConnections, main's live handles by kind, and the history file's size. Growth per call
 * is read from the middle to the end: past the warm-up and JsSIP's 32 s transaction window.
 * The last call must be answered with audio both ways: a dead app at the end of a shift is a
 * failure, not a number.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Browser } from '@playwright/test';
import type { EngineAccount } from '../common/contract';
import { expectHears } from '../e2e/audioAssertions';
import { measureOn } from '../e2e/harness/audioProbe';
import { startHarnessApp } from '../e2e/harness/HarnessApp';
import { TestPhone } from '../e2e/harness/TestPhone';
import { SIP_DOMAIN, type SipTestUserName } from '../e2e/support/kamailio';
import { signInAvailable } from './benchAgent';
import { FreezeTolerantClock } from './freezeTolerantClock';
import { forgetRunnerRecords, readMainCounters } from './mainCounters';
import { installTimerCount, readPageCounters } from './pageCounters';
import { SoakCensus } from './soakCensus';
import { answerCall, callKind, finishCall, oneChat, type SoakParties } from './soakContacts';

export const SOAK_CALLS = Number(process.env['BENCH_SOAK_CALLS'] ?? 300);
export const SOAK_CHATS = Number(process.env['BENCH_SOAK_CHATS'] ?? 100);
/**
 * `BENCH_SOAK_CENSUS=1`: heap snapshots of the UI page and of main at the middle and the end,
 * each taken at a quiet point (the call cleared, the agent Available again), and what grew
 * between them printed (heapCensus.ts, heapDiff.ts). Main's snapshots are files in
 * test-results/bench, kept for a closer look. Off by default: a snapshot of main stops this
 * process for seconds (main's timers wait it out: FreezeTolerantClock). The engine page is
 * left out: a snapshot pauses it past the 3 s the app waits for its heartbeat, and the app
 * (rightly) restarts it.
 */
const CENSUS = process.env['BENCH_SOAK_CENSUS'] === '1';

const TONES = { agent: 660, customer: 1020, third: 1480 } as const;
const SAMPLES = ['start', 'middle', 'end'] as const;
type SampleName = (typeof SAMPLES)[number];

export async function soakRows(
  browser: Browser,
  origin: string,
  engineUrl: string,
  account: (user: SipTestUserName) => EngineAccount,
  log: (message: string) => void,
): Promise<Record<string, number | string>> {
  if (SOAK_CALLS < 2) throw new Error('BENCH_SOAK_CALLS: at least 2, for a middle sample');
  const clock = new FreezeTolerantClock();
  const app = await startHarnessApp({
    browser,
    origin,
    toneHz: TONES.agent,
    clock,
    settings: {
      profile: {
        schemaVersion: 1,
        servers: [account('agent1').serverUrls[0]],
        quickConnects: [
          {
            id: 'billing',
            kind: 'agent',
            name: 'Billing desk',
            target: `sip:customer3@${SIP_DOMAIN}`,
          },
        ],
        routing: { chatSlots: 1 },
      },
    },
    beforeLoad: async ({ engine, ui }) => {
      await engine.addInitScript(installTimerCount);
      await ui.addInitScript(installTimerCount);
    },
  });
  const phones = await browser.newContext();
  const customer = await TestPhone.open(phones, engineUrl, TONES.customer);
  const third = await TestPhone.open(phones, engineUrl, TONES.third);
  await customer.signIn(account('customer1'));
  await third.signIn(account('customer3'));
  await customer.setAcceptRefers(true);
  await customer.setAutoAnswerChats(true);
  await third.setAutoAnswer(true);
  await signInAvailable(app.ui, account, 'agent1');
  const parties: SoakParties = { app, customer, third, agentUri: `sip:agent1@${SIP_DOMAIN}` };

  const samples = new Map<SampleName, Record<string, number | string>>();
  const started = performance.now();
  const sample = async (name: SampleName, calls: number, chats: number) => {
    const taken: Record<string, number | string> = { calls, chats };
    for (const [page, counters] of [
      ['engine', await readPageCounters(app.engine)],
      ['ui', await readPageCounters(app.ui)],
    ] as const) {
      for (const [counter, value] of Object.entries(counters)) taken[`${page}.${counter}`] = value;
    }
    const runnerForgotten = forgetRunnerRecords(test.info());
    const main = readMainCounters();
    taken['main.heapMB'] = main.heapMB;
    taken['main.codeMB'] = main.codeMB;
    taken['main.runnerRecords'] = runnerForgotten ? 'forgotten' : 'included';
    taken['main.timeouts'] = main.resources['Timeout'] ?? 0;
    taken['main.handles'] = Object.entries(main.resources)
      .map(([kind, count]) => `${kind}:${count}`)
      .join(' ');
    taken['historyBytes'] = historyBytes(app.dataDir);
    taken['minutes'] = Math.round((performance.now() - started) / 600) / 100;
    samples.set(name, taken);
    if (census && name !== 'start') await census.take(name);
    log(`soak ${name}: ${calls} calls, ${chats} chats`);
  };

  const census = CENSUS
    ? new SoakCensus(() => app.ui, clock, test.info().outputDir, log)
    : undefined;

  // Warm-up: code compiled, caches filled, before the first sample. Its audio is measured as
  // the last call's is: the first measurement loads the runner's source maps of the probe's
  // files (some 190 KB, kept for the process's life), which landed in the last half's growth.
  const warmUp = await answerCall(parties, 'soak-warmup');
  await expectBothWays(parties, 'the warm-up call');
  await finishCall(parties, warmUp, 'plain');
  await sample('start', 0, 0);
  const middle = Math.floor(SOAK_CALLS / 2);
  let lastCallAudio = 'not measured';
  const kinds = new Map<string, number>();
  let chats = 0;
  for (let call = 1; call <= SOAK_CALLS; call += 1) {
    const callId = await answerCall(parties, `soak-${call}`);
    if (call === SOAK_CALLS) {
      // The last call of the shift: both ends must still hear each other.
      await expectBothWays(parties, 'the last call');
      lastCallAudio = 'both ways';
    }
    const kind = call === SOAK_CALLS ? 'plain' : callKind(call);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    await finishCall(parties, callId, kind);
    // Chats spread evenly: after call n, n * CHATS / CALLS of them are done.
    while (chats < Math.floor((call * SOAK_CHATS) / SOAK_CALLS)) {
      chats += 1;
      await oneChat(parties, chats);
    }
    if (call % 25 === 0) log(`soak: ${call} calls, ${chats} chats`);
    if (call === middle) await sample('middle', call, chats);
  }
  await sample('end', SOAK_CALLS, chats);

  // One row per figure and sample, the three samples of a figure side by side.
  const rows: Record<string, number | string> = {};
  for (const figure of Object.keys(samples.get('start')!)) {
    for (const name of SAMPLES) rows[`${figure}.${name}`] = samples.get(name)![figure]!;
  }
  const callsBetween = SOAK_CALLS - middle;
  const perCall = (figure: string): number => {
    const grownMB = (rows[`${figure}.end`] as number) - (rows[`${figure}.middle`] as number);
    return Math.round(((grownMB * 1024) / callsBetween) * 100) / 100;
  };
  for (const page of ['engine', 'ui', 'main']) {
    rows[`heapKBPerCall.${page}`] = perCall(`${page}.heapMB`);
  }
  // Main's growth without compiled code (see MainCounters.codeMB): what it keeps, not what V8
  // has compiled so far.
  rows['heapKBPerCall.mainWithoutCode'] =
    Math.round((perCall('main.heapMB') - perCall('main.codeMB')) * 100) / 100;
  Object.assign(rows, await census?.report(callsBetween, rows['heapKBPerCall.main'] as number));
  rows['callsByKind'] = [...kinds].map(([kind, count]) => `${kind}:${count}`).join(' ');
  rows['engineRestarts'] = app.shell.engineRestarts;
  rows['lastCallAudio'] = lastCallAudio;
  await phones.close();
  await app.ui.getByTestId('signout').click();
  await app.close();
  return rows;
}

async function expectBothWays(parties: SoakParties, call: string): Promise<void> {
  expectHears(
    await measureOn(parties.app.engine, [TONES.customer]),
    TONES.customer,
    `agent, ${call}`,
  );
  expectHears(await parties.customer.measure([TONES.agent]), TONES.agent, `customer, ${call}`);
}

function historyBytes(dataDir: string): number {
  try {
    return statSync(join(dataDir, 'history', 'contacts.jsonl')).size;
  } catch {
    return 0;
  }
}

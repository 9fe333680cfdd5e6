/**
 * The bench rows of an agent with a long history (issue 18): 10,000 calls in the history file,
 * as a year of shifts leaves it. The app starts on that file each time, so the rows say:
 * - start-up to the sign-in form (main boots and reads the settings, both pages load, the
 *   history is read in the background meanwhile), beside the same start with no history, and
 *   main's own share of it (the rest is Chromium making the browser context and loading the
 *   two pages);
 * - sign-in to Available with the line registered;
 * - the UI's frame time (p95 and worst) while the agent searches the recent contacts list,
 *   one keystroke every 100 ms for 3 s, with the Today panel counting the day's calls.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { EngineAccount } from '../common/contract';
import { startHarnessApp } from '../e2e/harness/HarnessApp';
import type { SipTestUserName } from '../e2e/support/kamailio';
import type { VoiceContactRecord } from '../main/history/HistoryRecord';
import { encodeLine } from '../main/history/lineCodec';
import { signInAvailable } from './benchAgent';
import { frameGaps, frameRows } from './frameGaps';
import { summarize, type Summary } from './stats';

const HISTORY_CALLS = 10_000;
const STARTS = Number(process.env['BENCH_STARTS'] ?? 5);
const MINUTE_MS = 60_000;

/** 10,000 calls, the newest 200 today, one a minute back from now. */
export function historyFile(calls: number): string {
  const now = Date.now();
  const lines: string[] = [];
  for (let i = calls - 1; i >= 0; i -= 1) {
    const at = now - (i < 200 ? i : i * 60) * MINUTE_MS;
    const record: VoiceContactRecord = {
      type: 'contact',
      at,
      contactId: `bench-${i}`,
      channel: 'voice',
      direction: i % 3 === 0 ? 'outbound' : 'inbound',
      peer: { number: `+4420718${String(i).padStart(5, '0')}`, displayName: `Customer ${i}` },
      queue: i % 2 === 0 ? 'Billing' : 'Sales',
      outcome: i % 7 === 0 ? 'missed' : 'handled',
      offeredAt: at - 30_000,
      ...(i % 7 === 0 ? {} : { connectedAt: at - 25_000, endedAt: at - 5_000, handleMs: 20_000 }),
    };
    lines.push(encodeLine(record));
  }
  return lines.join('');
}

export async function historyRows(
  browser: Browser,
  origin: string,
  account: (user: SipTestUserName) => EngineAccount,
): Promise<Record<string, Summary | number>> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'openccp-bench-history-'));
  mkdirSync(join(userDataDir, 'history'), { recursive: true });
  writeFileSync(join(userDataDir, 'history', 'contacts.jsonl'), historyFile(HISTORY_CALLS));
  const startups: number[] = [];
  const emptyStartups: number[] = [];
  const mainBoots: number[] = [];
  const emptyMainBoots: number[] = [];
  const signIns: number[] = [];
  let gaps: number[] = [];
  try {
    // The same start with no history at all: what the history adds to it.
    for (let start = 1; start <= STARTS; start += 1) {
      const emptyDir = mkdtempSync(join(tmpdir(), 'openccp-bench-empty-'));
      const begun = performance.now();
      const app = await startHarnessApp({ browser, origin, toneHz: 660, userDataDir: emptyDir });
      await app.ui.getByTestId('signin-submit').waitFor();
      emptyStartups.push(performance.now() - begun);
      emptyMainBoots.push(app.startup.mainMs);
      await app.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
    for (let start = 1; start <= STARTS; start += 1) {
      const begun = performance.now();
      const app = await startHarnessApp({ browser, origin, toneHz: 660, userDataDir });
      await app.ui.getByTestId('signin-submit').waitFor();
      startups.push(performance.now() - begun);
      mainBoots.push(app.startup.mainMs);
      const signingIn = performance.now();
      await signInAvailable(app.ui, account, 'agent1');
      signIns.push(performance.now() - signingIn);
      if (start === STARTS) gaps = await searchFrames(app.ui);
      await app.ui.getByTestId('status-select').selectOption('offline');
      await app.close();
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return {
    'mainStartMs.emptyHistory': summarize(emptyMainBoots),
    [`mainStartMs.history${HISTORY_CALLS}`]: summarize(mainBoots),
    'startupToSignInMs.emptyHistory': summarize(emptyStartups),
    [`startupToSignInMs.history${HISTORY_CALLS}`]: summarize(startups),
    signInToAvailableMs: summarize(signIns),
    ...frameRows(`recentSearch.history${HISTORY_CALLS}`, gaps),
  };
}

/** Frame gaps while the agent types a number into the recent contacts search. */
async function searchFrames(ui: Page): Promise<number[]> {
  await ui.getByTestId('today-handled').waitFor();
  await ui.getByTestId('recent-toggle').click();
  const search = ui.getByTestId('recent-search');
  await search.waitFor();
  const measuring = frameGaps(ui, 3000);
  // "+44207180" then digits: every keystroke is a search over the whole history in main.
  for (const key of '+4420718049'.split('')) {
    await search.press(key === '+' ? 'Shift+Equal' : key);
    await ui.waitForTimeout(100);
  }
  await search.fill('');
  for (const key of 'Customer 1'.split('')) {
    await search.press(key === ' ' ? 'Space' : key);
    await ui.waitForTimeout(100);
  }
  return measuring;
}

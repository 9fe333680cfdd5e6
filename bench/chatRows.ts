/**
 * The chat rows of the bench (E1-E3), through the whole app against Kamailio, a JsSIP customer
 * page on the other side that answers every MESSAGE at once:
 * - MESSAGE on the agent engine's socket to the chat offer in the UI (Accept showing);
 * - the agent's Send click to the customer's 200 reaching the agent's engine (delivered);
 * - the UI's frame time (p95 and worst) while a 500-line transcript scrolls and grows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { EngineAccount } from '../common/contract';
import { startHarnessApp } from '../e2e/harness/HarnessApp';
import { TestPhone } from '../e2e/harness/TestPhone';
import { SIP_DOMAIN, type SipTestUserName } from '../e2e/support/kamailio';
import {
  installChatSipTimer,
  installChatUiTimer,
  type ChatSipTimes,
  type ChatUiTimes,
} from './chatProbes';
import { signInAvailable } from './benchAgent';
import { frameGaps, frameRows } from './frameGaps';
import { summarize, type Summary } from './stats';

const CHATS = Number(process.env['BENCH_CHATS'] ?? 20);
const TRANSCRIPT_LINES = 500;

export async function chatRows(
  browser: Browser,
  origin: string,
  engineUrl: string,
  account: (user: SipTestUserName) => EngineAccount,
): Promise<Record<string, Summary | number>> {
  const profile = join(mkdtempSync(join(tmpdir(), 'openccp-bench-chat-')), 'profile.json');
  writeFileSync(
    profile,
    JSON.stringify({
      schemaVersion: 1,
      servers: [account('agent1').serverUrls[0]],
      routing: { chatSlots: 2 },
    }),
  );
  const app = await startHarnessApp({
    browser,
    origin,
    toneHz: 660,
    beforeLoad: async ({ engine, ui }) => {
      await engine.addInitScript(installChatSipTimer);
      await ui.addInitScript(installChatUiTimer);
    },
  });
  const customerContext = await browser.newContext();
  const customer = await TestPhone.open(customerContext, engineUrl, 1020);
  await customer.signIn(account('customer3'));
  await customer.setAutoAnswerChats(true);
  const { ui } = app;
  await ui.getByTestId('profile-location').fill(profile);
  await ui.getByTestId('profile-load').click();
  await ui.locator('[data-testid="profile-result"][data-ok="true"]').waitFor();
  await signInAvailable(ui, account, 'agent1');

  const agentUri = `sip:agent1@${SIP_DOMAIN}`;
  const open = async (conversation: string) => {
    await customer.command({
      type: 'chat-send',
      sendId: `${conversation}-open`,
      target: agentUri,
      text: 'Hello, my parcel has not arrived',
      headers: { 'X-Conversation-Id': conversation },
    });
    await ui.getByTestId('chat-accept').click();
    await ui.locator('[data-testid="chat-panel"][data-state="connected"]').waitFor();
  };
  const close = async () => {
    await ui.getByTestId('chat-end').click();
    await ui.getByTestId('clear-contact').click();
    await ui.getByTestId('contact-tabs').waitFor({ state: 'detached' });
  };

  for (let chat = 1; chat <= CHATS; chat += 1) {
    await open(`bench-${chat}`);
    // Typed in one go (no keystrokes), so the reply is the only text MESSAGE the agent sends.
    await ui.getByTestId('chat-input').fill(`Reply ${chat}`);
    await ui.getByTestId('chat-send').click();
    await ui.locator('[data-testid="chat-line"][data-delivery="delivered"]').waitFor();
    await close();
  }

  // A long conversation: the customer's 500 lines, then the agent scrolls it while it grows.
  await open('bench-long');
  for (let line = 1; line <= TRANSCRIPT_LINES; line += 1) {
    await customer.command({
      type: 'chat-send',
      sendId: `long-${line}`,
      target: agentUri,
      text: `Line ${line}: **order** _A${line}_ and a [link](https://shop.example/${line})`,
      headers: { 'X-Conversation-Id': 'bench-long' },
    });
  }
  await ui.locator('[data-testid="chat-line"]').nth(TRANSCRIPT_LINES).waitFor();
  const gaps = await frameGaps(ui, 3000, 'chat-transcript');
  const lines = (await ui.locator('[data-testid="chat-line"]').count()) || TRANSCRIPT_LINES;
  await close();

  const sip = await app.engine.evaluate(
    () => (window as unknown as { __chatSipTimes: ChatSipTimes }).__chatSipTimes,
  );
  const shown = await ui.evaluate(
    () => (window as unknown as { __chatUiTimes: ChatUiTimes }).__chatUiTimes,
  );
  const pairs = (from: number[], to: number[]) =>
    from.map((start, index) => (to[index] ?? NaN) - start).filter(Number.isFinite);
  await customerContext.close();
  await app.close();
  return {
    messageToOfferMs: summarize(pairs(sip.offers.slice(0, CHATS), shown.offers.slice(0, CHATS))),
    sendToDeliveredMs: summarize(pairs(shown.sends.slice(0, CHATS), sip.delivered.slice(0, CHATS))),
    ...frameRows(`transcript${lines}`, gaps),
  };
}

/**
 * The contacts of the soak's shift, each driven through the agent's UI as an agent would:
 * a customer TestPhone calls in (or writes), the agent answers, and the contact ends and is
 * cleared. The call kinds take turns by index so every run is the same shift.
 */
import { expect, type Page } from '@playwright/test';
import type { HarnessApp } from '../e2e/harness/HarnessApp';
import type { TestPhone } from '../e2e/harness/TestPhone';
import { button, expectPartyStatus, party } from '../e2e/support/partyRows';

export const CALL_KINDS = ['plain', 'hold', 'consultLeave', 'conference', 'blindTransfer'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export interface SoakParties {
  app: HarnessApp;
  /** Calls the agent; follows a transfer (accepts REFERs). */
  customer: TestPhone;
  /** The quick connect "Billing desk": answers every call at once. */
  third: TestPhone;
  agentUri: string;
}

export function callKind(index: number): CallKind {
  return CALL_KINDS[index % CALL_KINDS.length]!;
}

/** The customer calls, the agent accepts, both ends see the call up. */
export async function answerCall(parties: SoakParties, name: string): Promise<string> {
  const { app, customer, third } = parties;
  await customer.clearEvents();
  await third.clearEvents();
  const callId = await customer.call(parties.agentUri, name);
  await app.ui.getByTestId('accept').click();
  await app.ui.locator('[data-testid="contact-view"][data-state="connected"]').waitFor();
  await customer.waitFor('confirmed', (event) => event.callId === callId);
  return callId;
}

/** From a call answered by `answerCall` to Available again, by way of `kind`. */
export async function finishCall(
  parties: SoakParties,
  callId: string,
  kind: CallKind,
): Promise<void> {
  const { app, customer, third } = parties;
  const ui = app.ui;
  switch (kind) {
    case 'plain':
      await ui.getByTestId('end-call').click();
      await customer.waitFor('ended', (event) => event.callId === callId);
      break;
    case 'hold':
      await button(ui, 'Hold').click();
      await expectPartyStatus(ui, 'Customer', 'onHold');
      await button(ui, 'Resume').click();
      await expectPartyStatus(ui, 'Customer', 'connected');
      await ui.getByTestId('end-call').click();
      await customer.waitFor('ended', (event) => event.callId === callId);
      break;
    case 'consultLeave':
      // Attended transfer: the agent leaves, customer and billing desk go on together.
      await consult(parties);
      await button(ui, 'Leave call').click();
      await transferredAway(parties, callId);
      break;
    case 'conference':
      await consult(parties);
      await button(ui, 'Join').click();
      await expect(ui.getByTestId('contact-view')).toContainText('Conference');
      await expectPartyStatus(ui, 'Customer', 'connected');
      await expectPartyStatus(ui, 'Third party', 'connected');
      // Each party's own End: the customer first, then the billing desk, which ends the call.
      await party(ui, 'Customer').getByRole('button', { name: 'End', exact: true }).click();
      await customer.waitFor('ended', (event) => event.callId === callId);
      await expectPartyStatus(ui, 'Customer', 'left');
      await party(ui, 'Third party').getByRole('button', { name: 'End', exact: true }).click();
      await third.waitFor('ended');
      break;
    case 'blindTransfer':
      await ui.getByTestId('transfer-search').fill('Billing');
      await ui
        .getByTestId('quick-connect-billing')
        .getByRole('button', { name: 'Transfer now' })
        .click();
      await transferredAway(parties, callId);
      break;
  }
  await clearToAvailable(app);
}

/** The agent calls the billing desk from the quick connects; the customer waits on hold. */
async function consult(parties: SoakParties): Promise<void> {
  const { app, third } = parties;
  await app.ui.getByTestId('transfer-search').fill('Billing');
  await app.ui
    .getByTestId('quick-connect-billing')
    .getByRole('button', { name: 'Call', exact: true })
    .click();
  await third.waitFor('confirmed');
  await expectPartyStatus(app.ui, 'Third party', 'connected');
  await expectPartyStatus(app.ui, 'Customer', 'onHold');
}

/**
 * After a transfer the agent is in ACW and the customer talks to the billing desk on the same
 * call (replaced): the customer hangs up and the desk's phone sees its call end.
 */
async function transferredAway(parties: SoakParties, callId: string): Promise<void> {
  const { app, customer, third } = parties;
  await app.ui.getByTestId('acw-view').waitFor();
  await customer.waitFor('replaced', (event) => event.callId === callId);
  await customer.command({ type: 'hangup', callId });
  await customer.waitFor('ended', (event) => event.callId === callId);
  await third.waitFor('ended');
}

/** ACW cleared, the line registered and the agent routable again: ready for the next one. */
async function clearToAvailable(app: HarnessApp): Promise<void> {
  await app.ui.getByTestId('clear-contact').click();
  for (const view of ['contact-tabs', 'contact-view', 'acw-view', 'chat-panel']) {
    await expect(app.ui.getByTestId(view)).toHaveCount(0);
  }
  await app.ui.locator('[data-testid="registration-state"][data-state="registered"]').waitFor();
  while (!app.main.desk.snapshot().agent.routable) await app.ui.waitForTimeout(10);
}

/** A customer writes, the agent accepts, replies (delivered), ends and clears the chat. */
export async function oneChat(parties: SoakParties, index: number): Promise<void> {
  const { app, customer } = parties;
  const ui: Page = app.ui;
  const conversation = `soak-chat-${index}`;
  await customer.command({
    type: 'chat-send',
    sendId: `${conversation}-open`,
    target: parties.agentUri,
    text: `Hello, this is chat ${index} about my order`,
    headers: { 'X-Conversation-Id': conversation },
  });
  await ui.getByTestId('chat-accept').click();
  await ui.locator('[data-testid="chat-panel"][data-state="connected"]').waitFor();
  await ui.getByTestId('chat-input').fill(`Reply to chat ${index}`);
  await ui.getByTestId('chat-send').click();
  await ui.locator('[data-testid="chat-line"][data-delivery="delivered"]').waitFor();
  await ui.getByTestId('chat-end').click();
  await clearToAvailable(app);
}

/**
 * The CCP window as an agent spends a shift in it (issue 14), in the 360x620 window, in
 * English, Italian and Japanese: every primary control of each state is on screen without
 * scrolling and not covered, stays put when hold changes or a refusal appears, the status strip says hold and
 * conference, a refusal goes with its moment, and axe finds nothing serious on any screen.
 */
import type { Locator, Page } from '@playwright/test';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { captureScreen, expectAccessible } from './support/accessibility';
import { QUEUE_SALES_URI, SIP_DOMAIN } from './support/kamailio';

const WINDOW = { width: 360, height: 620 };

/** On screen without scrolling, and the control itself is what a click at its centre hits. */
async function expectInView(ui: Page, control: Locator, name: string): Promise<void> {
  await expect(control, name).toBeVisible();
  const box = await control.boundingBox();
  expect(box, name).not.toBeNull();
  const { x, y, width, height } = box!;
  expect({ name, left: x >= 0, top: y >= 0 }).toEqual({ name, left: true, top: true });
  expect({ name, right: x + width <= WINDOW.width, bottom: y + height <= WINDOW.height }).toEqual({
    name,
    right: true,
    bottom: true,
  });
  const hit = await control.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return top !== null && element.contains(top);
  });
  expect({ name, uncovered: hit }).toEqual({ name, uncovered: true });
}

async function expectAllInView(ui: Page, testIds: readonly string[]): Promise<void> {
  for (const testId of testIds) await expectInView(ui, ui.getByTestId(testId), testId);
}

async function top(control: Locator): Promise<number> {
  const box = await control.boundingBox();
  if (!box) throw new Error('not laid out');
  return box.y;
}

/** A team profile: a quick connect to consult, wrap-up codes, not required. */
function teamProfile(network: TestNetwork) {
  return {
    schemaVersion: 1,
    servers: [network.wsUrl],
    quickConnects: [
      { id: 'billing', kind: 'agent', name: 'Billing desk', target: `sip:customer3@${SIP_DOMAIN}` },
      { id: 'helpdesk', kind: 'external', name: 'Help desk', target: '+17347644357' },
    ],
    wrapUp: {
      codes: [
        { id: 'resolved', label: 'Resolved' },
        { id: 'escalated', label: 'Escalated' },
      ],
    },
  };
}

const LANGUAGES = [
  { locale: 'en-US', suffix: 'en', onHold: 'Customer on hold', conference: 'Conference' },
  { locale: 'it-IT', suffix: 'it', onHold: 'Cliente in attesa', conference: 'In conferenza' },
  // Real CJK glyphs: .ci/run installs fonts-noto-cjk.
  { locale: 'ja-JP', suffix: 'ja', onHold: 'お客様を保留中', conference: '電話会議中' },
] as const;

test.describe('CCP window at 360x620', () => {
  for (const language of LANGUAGES) {
    test(`${language.suffix}: every primary control in view and in place through a call, a consult, a conference and ACW; axe on every screen`, async ({
      browser,
      network,
    }) => {
      const agent = await availableAgent(browser, network, 'agent1', {
        settings: { profile: teamProfile(network) },
        locale: language.locale,
      });
      const { ui } = agent;
      const context = await browser.newContext();
      const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
      const third = await TestPhone.open(context, network.engineUrl, TONES.third);
      await customer.signIn(network.account('customer1'));
      await third.signIn(network.account('customer3'));
      await third.setAutoAnswer(true);

      // Idle: the number pad and the always-available quick connects.
      await expectAllInView(ui, ['numpad-input', 'numpad-call', 'status-select', 'signout']);
      await expectAccessible(ui, `idle-${language.suffix}`);

      // An offer: Accept and Reject.
      const callId = await customer.call(QUEUE_SALES_URI);
      await expect(ui.getByTestId('incoming-banner')).toBeVisible();
      await expectAllInView(ui, ['accept', 'reject']);
      await expectAccessible(ui, `incoming-${language.suffix}`);

      await ui.getByTestId('accept').click();
      await customer.waitFor('confirmed', (event) => event.callId === callId);
      await expect(ui.getByTestId('end-call')).not.toHaveAttribute('aria-disabled', 'true');
      await expectAllInView(ui, ['hold', 'mute', 'end-call', 'party-customer']);
      await expectAccessible(ui, `in-call-${language.suffix}`);

      // Hold, mute and a refusal leave End call where it was.
      const endCall = ui.getByTestId('end-call');
      const endTop = await top(endCall);
      await ui.getByTestId('hold').click();
      await expect(ui.getByTestId('hold')).toHaveAttribute('data-hold', 'held');
      await expect(ui.getByTestId('status-bar')).toHaveText(language.onHold);
      await expect(ui.getByTestId('status-bar')).toHaveAttribute('data-tone', 'hold');
      expect(await top(endCall)).toBe(endTop);
      await ui.getByTestId('mute').click();
      await expect(ui.getByTestId('muted-indicator')).toBeVisible();
      expect(await top(endCall)).toBe(endTop);
      await expectAccessible(ui, `on-hold-${language.suffix}`);
      await ui.getByTestId('mute').click();
      await ui.getByTestId('hold').click();
      await expect(ui.getByTestId('hold')).toHaveAttribute('data-hold', 'none');
      expect(await top(endCall)).toBe(endTop);

      // A refusal floats: End call stays where it was, and the refusal goes by itself.
      await ui.getByTestId('signout').click();
      await expect(ui.getByTestId('signout-error')).toBeVisible();
      expect(await top(endCall)).toBe(endTop);
      await expectInView(ui, endCall, 'end-call under a refusal');
      await expect(ui.getByTestId('signout-error')).toHaveCount(0, { timeout: 10_000 });

      // Consult the billing desk from the Transfer panel, further down the view.
      await ui.getByTestId('transfer-search').fill('Billing');
      await ui.getByTestId('quick-connect-billing').getByRole('button').first().click();
      await third.waitFor('confirmed');
      await expect(ui.getByTestId('party-thirdParty')).toHaveAttribute('data-status', 'connected');
      await expect(ui.getByTestId('party-customer')).toHaveAttribute('data-status', 'onHold');
      await expect(ui.getByTestId('leave')).not.toHaveAttribute('aria-disabled', 'true');
      await expect(ui.getByTestId('status-bar')).toHaveText(language.onHold);
      await expectAllInView(ui, [
        'party-customer',
        'party-customer-hold',
        'party-customer-end',
        'party-thirdParty',
        'party-thirdParty-hold',
        'party-thirdParty-end',
        'join',
        'swap',
        'mute',
        'leave',
      ]);
      await captureScreen(ui, `50-window-consult-${language.suffix}`);

      await ui.getByTestId('join').click();
      await expect(ui.getByTestId('multi-party')).toHaveAttribute('data-conference', 'true');
      await expect(ui.getByTestId('status-bar')).toHaveText(language.conference);
      await expectAllInView(ui, [
        'party-customer',
        'party-customer-end',
        'party-thirdParty',
        'party-thirdParty-end',
        'hold-all',
        'mute',
        'leave',
      ]);
      await captureScreen(ui, `51-window-conference-${language.suffix}`);

      // Sign out is refused on a call; the refusal is about the call and goes with it.
      await ui.getByTestId('signout').click();
      await expect(ui.getByTestId('signout-error')).toBeVisible();
      // The third party hangs up, then the agent ends the call: ACW.
      await ui.getByTestId('party-thirdParty-end').click();
      await expect(ui.getByTestId('multi-party')).toHaveCount(0);
      await expect(ui.getByTestId('end-call')).not.toHaveAttribute('aria-disabled', 'true');
      await ui.getByTestId('end-call').click();
      await expect(ui.getByTestId('acw-view')).toBeVisible();
      await expect(ui.getByTestId('signout-error')).toHaveCount(0);
      await ui.getByTestId('acw-notes').fill('Asked about the invoice; billing desk joined.');
      await expectAllInView(ui, ['clear-contact']);
      await captureScreen(ui, `52-window-acw-${language.suffix}`);

      await ui.getByTestId('clear-contact').click();
      await expect(ui.getByTestId('contact-view')).toHaveCount(0);
      await expectAccessible(ui, `after-clear-${language.suffix}`);
      await context.close();
      await signOutAndClose(agent);
    });
  }
});

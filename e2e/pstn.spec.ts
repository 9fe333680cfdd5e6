/**
 * Calls with the telephone network (issue: Interop). The customer is a plain SIP phone
 * (baresip: UDP, RTP/AVP, no ICE, no DTLS, no BUNDLE, separate RTCP) behind rtpengine, the
 * media relay a contact center puts between WebRTC agents and its PSTN gateway. The agent is
 * the whole app in its harness. Every step is proven by what each side hears: the agent's tone
 * in baresip's decoded audio, baresip's tone on the agent's engine page.
 */
import type { Page } from '@playwright/test';
import { expectHears } from './audioAssertions';
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test, TONES } from './fixtures';
import { measureAll } from './listening';
import { expectPhoneHears } from './plainPhoneAssertions';
import { QUEUE_SALES_URI } from './support/kamailio';

function button(ui: Page, name: string) {
  return ui.getByRole('button', { name, exact: true });
}

test.describe('calls with a plain SIP phone through the media relay', () => {
  test('inbound: a PSTN customer calls the queue, the agent accepts, both hear each other', async ({
    browser,
    network,
    plainPhones,
  }) => {
    const agent = await availableAgent(browser, network, 'agent1');
    const customer = await plainPhones('12025550143', TONES.customer);
    await customer.dial(QUEUE_SALES_URI);
    await expect(agent.ui.getByTestId('incoming-banner')).toBeVisible();
    await agent.ui.getByTestId('accept').click();
    await expect(agent.ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
    await customer.waitForEvent('CALL_ESTABLISHED');

    expectHears(await measureAll(agent.engine), TONES.customer, 'agent');
    expectPhoneHears(
      await customer.measure([TONES.agent, TONES.customer]),
      TONES.agent,
      'customer',
    );

    await button(agent.ui, 'End call').click();
    await customer.waitForEvent('CALL_CLOSED');
    await expect(agent.ui.getByTestId('acw-view')).toBeVisible();
    await signOutAndClose(agent);
  });
});

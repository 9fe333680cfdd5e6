/**
 * Offers no real phone would send, from a caller written by hand (issue: Reliability): the
 * agent still sees them ring, and what the caller controls cannot deceive the agent.
 */
import { availableAgent, signOutAndClose } from './agentSession';
import { expect, test } from './fixtures';
import { sendRawInvite } from './support/rawSipCaller';

test('an offer with Expires past the timer limit rings the agent, and a bidi-override name is shown cleaned', async ({
  browser,
  network,
}) => {
  const agent = await availableAgent(browser, network, 'agent1');
  const caller = await sendRawInvite({
    sipPort: network.sipPort,
    to: 'sip:agent1@openccp.test',
    // U+202E turns what follows around: "knab" would read as "bank", a spoofed caller ID.
    displayName: 'Support \u202Eknab',
    fromUri: 'sip:+15550001@pstn.example',
    extraHeaders: ['Expires: 2147484'],
  });
  try {
    const banner = agent.ui.getByTestId('incoming-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Support knab');
    expect(await banner.textContent()).not.toContain('\u202E');
    // JsSIP's overflowing Expires timer used to answer 487 at once: the offer must keep ringing.
    await agent.ui.waitForTimeout(1_500);
    await expect(banner).toBeVisible();
    expect(caller.responses.some((line) => line.startsWith('SIP/2.0 487'))).toBe(false);
    expect(caller.responses).toContain('SIP/2.0 180 Ringing');

    await agent.ui.getByTestId('reject').click();
    await expect.poll(() => caller.responses.at(-1)).toMatch(/^SIP\/2\.0 486/);
  } finally {
    caller.close();
  }
  await signOutAndClose(agent);
});

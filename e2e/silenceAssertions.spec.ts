/**
 * "Does not hear" must not pass vacuously: after the call has dropped, every party measures
 * silence, so the assertions refuse to judge silence without a live call (issue: Test strength).
 */
import { expectDoesNotHear } from './audioAssertions';
import { expect, test, TONES } from './fixtures';
import { TestPhone } from './harness/TestPhone';
import { ALL_TONES } from './listening';
import { expectPhoneDoesNotHear } from './plainPhoneAssertions';

test('expectDoesNotHear fails on a browser call that has dropped, instead of passing on silence', async ({
  browser,
  network,
}) => {
  const context = await browser.newContext();
  const caller = await TestPhone.open(context, network.engineUrl, TONES.agent);
  const callee = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await caller.signIn(network.account('agent3'));
  await callee.signIn(network.account('customer2'));
  await callee.setAutoAnswer(true);
  const callId = await caller.call(network.uri('customer2'));
  await caller.waitFor('confirmed', (event) => event.callId === callId);

  await caller.command({ type: 'hangup', callId });
  await callee.waitFor('ended');
  const afterDrop = await callee.measure(ALL_TONES);
  expect(afterDrop.levels[String(TONES.agent)]).toBe(-Infinity);
  expect(() => expectDoesNotHear(afterDrop, TONES.agent, 'callee after the drop')).toThrow(
    /a live stream from the far end must be playing/,
  );
  await context.close();
});

test('expectPhoneDoesNotHear fails on a plain phone whose call has dropped', async ({
  plainPhones,
}) => {
  const phone = await plainPhones('12025550143', TONES.customer);
  const peer = await plainPhones('12025550177', TONES.third, { answerMode: 'auto' });
  await phone.dial(peer.uri);
  await phone.waitForEvent('CALL_ESTABLISHED');
  await phone.hangup();
  await phone.waitForEvent('CALL_CLOSED');
  const afterDrop = await phone.measure(ALL_TONES);
  expect(() => expectPhoneDoesNotHear(afterDrop, TONES.third, 'phone after the drop')).toThrow(
    /still has a call up/,
  );
});

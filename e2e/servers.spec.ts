/**
 * The test servers themselves: the Kamailio config must load in both of its forms, with the
 * media relay (the e2e run) and without one (the bench, which measures browser-to-browser).
 */
import { expect, test } from './fixtures';
import { startKamailio } from './support/kamailio';

test('the test Kamailio starts and answers without a media relay beside it', async () => {
  const kamailio = await startKamailio();
  try {
    expect(kamailio.sipPort).toBeGreaterThan(0);
    expect(kamailio.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
  } finally {
    await kamailio.stop();
  }
});

/**
 * Builds the bundles once, serves the renderer pages and starts rtpengine and Kamailio for the
 * whole run. Workers read where everything is from the environment.
 */
import { mkdirSync } from 'node:fs';
import { buildBundles, RENDERER_OUT, ARTIFACTS } from './harness/bundles';
import { serveDirectory } from './harness/StaticServer';
import { startKamailio } from './support/kamailio';
import { startRtpengine } from './support/rtpengine';

export default async function globalSetup(): Promise<() => Promise<void>> {
  await buildBundles();
  const site = await serveDirectory(RENDERER_OUT);
  mkdirSync(`${ARTIFACTS}/kamailio`, { recursive: true });
  const rtpengine = await startRtpengine({ logDir: `${ARTIFACTS}/rtpengine` });
  const kamailio = await startKamailio({
    logDir: `${ARTIFACTS}/kamailio`,
    rtpenginePort: rtpengine.ngPort,
  });
  process.env['OPENCCP_TEST_ORIGIN'] = site.origin;
  process.env['OPENCCP_TEST_WS'] = kamailio.wsUrl;
  process.env['OPENCCP_TEST_SIP_PORT'] = String(kamailio.sipPort);
  process.env['OPENCCP_TEST_KAMAILIO_CTL'] = kamailio.controlSocket;
  return async () => {
    await site.close();
    // Keep the servers' logs when a test failed, for the CI artifacts.
    await kamailio.stop({ keepLog: process.exitCode !== undefined && process.exitCode !== 0 });
    await rtpengine.stop();
  };
}

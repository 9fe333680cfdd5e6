/**
 * Builds the bundles once, serves the renderer pages and starts Kamailio for the whole run.
 * Workers read where everything is from the environment.
 */
import { mkdirSync } from 'node:fs';
import { buildBundles, RENDERER_OUT, ARTIFACTS } from './harness/bundles';
import { serveDirectory } from './harness/StaticServer';
import { startKamailio } from './support/kamailio';

export default async function globalSetup(): Promise<() => Promise<void>> {
  await buildBundles();
  const site = await serveDirectory(RENDERER_OUT);
  mkdirSync(`${ARTIFACTS}/kamailio`, { recursive: true });
  const kamailio = await startKamailio({ logDir: `${ARTIFACTS}/kamailio` });
  process.env['OPENCCP_TEST_ORIGIN'] = site.origin;
  process.env['OPENCCP_TEST_WS'] = kamailio.wsUrl;
  return async () => {
    await site.close();
    // Keep Kamailio's log when a test failed, for the CI artifacts.
    await kamailio.stop({ keepLog: process.exitCode !== undefined && process.exitCode !== 0 });
  };
}

/**
 * Test fixtures: where the served pages and Kamailio are, and the test users' accounts.
 */
import { test as base } from '@playwright/test';
import type { EngineAccount } from '../common/contract';
import { Baresip, type BaresipOptions } from './support/baresip';
import { SIP_DOMAIN, SIP_TEST_PASSWORDS, type SipTestUserName } from './support/kamailio';

export interface TestNetwork {
  readonly origin: string;
  readonly wsUrl: string;
  /** Kamailio's plain SIP port (UDP and TCP) on 127.0.0.1, where plain phones register. */
  readonly sipPort: number;
  readonly engineUrl: string;
  account(user: SipTestUserName, overrides?: Partial<EngineAccount>): EngineAccount;
  uri(user: SipTestUserName): string;
}

/** Starts plain SIP phones (baresip) registered on the test server; all stop after the test. */
export type PlainPhones = (
  user: SipTestUserName,
  toneHz: number,
  options?: Pick<BaresipOptions, 'codecs' | 'answerMode'>,
) => Promise<Baresip>;

export const test = base.extend<{ network: TestNetwork; plainPhones: PlainPhones }>({
  // eslint-disable-next-line no-empty-pattern
  network: async ({}, use) => {
    const origin = process.env['OPENCCP_TEST_ORIGIN'];
    const wsUrl = process.env['OPENCCP_TEST_WS'];
    const sipPort = Number(process.env['OPENCCP_TEST_SIP_PORT']);
    if (!origin || !wsUrl || !sipPort)
      throw new Error('globalSetup did not run: OPENCCP_TEST_ORIGIN/WS/SIP_PORT missing');
    await use({
      origin,
      wsUrl,
      sipPort,
      engineUrl: `${origin}/engine/index.html`,
      uri: (user) => `sip:${user}@${SIP_DOMAIN}`,
      account: (user, overrides = {}) => ({
        serverUrls: [wsUrl],
        sipUri: `sip:${user}@${SIP_DOMAIN}`,
        authUser: user,
        password: SIP_TEST_PASSWORDS[user],
        displayName: user,
        ...overrides,
      }),
    });
  },
  plainPhones: async ({ network }, use, testInfo) => {
    const started: Baresip[] = [];
    await use(async (user, toneHz, options = {}) => {
      const phone = await Baresip.start({
        user,
        toneHz,
        sipPort: network.sipPort,
        logDir: 'e2e/.artifacts/baresip',
        ...options,
      });
      started.push(phone);
      return phone;
    });
    for (const phone of started) {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach(`baresip ${phone.user}`, { path: phone.logPath });
      }
      await phone.stop();
    }
  },
});

export { expect } from '@playwright/test';

/** Distinct tones per party, far from each other's harmonics. */
export const TONES = { agent: 660, customer: 1020, third: 1480 } as const;

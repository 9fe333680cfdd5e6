/**
 * Test fixtures: where the served pages and Kamailio are, and the test users' accounts.
 */
import { test as base } from '@playwright/test';
import type { EngineAccount } from '../preload/contract';
import { SIP_DOMAIN, SIP_TEST_PASSWORDS, type SipTestUserName } from './support/kamailio';

export interface TestNetwork {
  readonly origin: string;
  readonly wsUrl: string;
  readonly engineUrl: string;
  account(user: SipTestUserName, overrides?: Partial<EngineAccount>): EngineAccount;
  uri(user: SipTestUserName): string;
}

export const test = base.extend<{ network: TestNetwork }>({
  // eslint-disable-next-line no-empty-pattern
  network: async ({}, use) => {
    const origin = process.env['OPENCCP_TEST_ORIGIN'];
    const wsUrl = process.env['OPENCCP_TEST_WS'];
    if (!origin || !wsUrl)
      throw new Error('globalSetup did not run: OPENCCP_TEST_ORIGIN/WS missing');
    await use({
      origin,
      wsUrl,
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
});

export { expect } from '@playwright/test';

/** Distinct tones per party, far from each other's harmonics. */
export const TONES = { agent: 660, customer: 1020, third: 1480 } as const;

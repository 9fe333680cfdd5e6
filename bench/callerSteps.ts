/**
 * Where a dialled call's setup goes, from the caller's own page (installSipTimer's stamps on its
 * WebSocket): the call started to its INVITE sent (the microphone, the offer, ICE gathering as
 * far as the caller waits for it), the INVITE to its 200 OK received (Kamailio both ways and the
 * callee's answer), and that 200 OK to `confirmed` (the answer applied, the ACK sent). Given for
 * OpenCCP and plain JsSIP alike, it shows which share a caller can cut.
 */
import type { Page } from '@playwright/test';
import type { SipTimes } from './probes';
import { summarize, type Summary } from './stats';

export interface CallerSteps {
  readonly toInvite: number;
  readonly inviteToOk: number;
  readonly okToConfirmed: number;
}

/** The caller's INVITE and 200 OK stamps since the last take; the record is emptied. */
export function takeCallerStamps(
  page: Page,
): Promise<Pick<SipTimes, 'invitesSent' | 'inviteOksReceived'>> {
  return page.evaluate(() => {
    const times = (window as unknown as { __sipTimes: SipTimes }).__sipTimes;
    const taken = {
      invitesSent: times.invitesSent.splice(0),
      inviteOksReceived: times.inviteOksReceived.splice(0),
    };
    return taken;
  });
}

/**
 * One call's steps; its first INVITE counts (one challenged for credentials is sent again),
 * and the first 200 OK. Undefined when a stamp is missing.
 */
export function callerSteps(
  startedAt: number,
  confirmedAt: number,
  stamps: Pick<SipTimes, 'invitesSent' | 'inviteOksReceived'>,
): CallerSteps | undefined {
  const invite = stamps.invitesSent[0];
  const ok = stamps.inviteOksReceived[0];
  if (invite === undefined || ok === undefined) return undefined;
  return { toInvite: invite - startedAt, inviteToOk: ok - invite, okToConfirmed: confirmedAt - ok };
}

export function callerStepRows(
  prefix: string,
  steps: readonly (CallerSteps | undefined)[],
): Record<string, Summary> {
  const known = steps.filter((step): step is CallerSteps => step !== undefined);
  return {
    [`${prefix}.toInvite`]: summarize(known.map((step) => step.toInvite)),
    [`${prefix}.inviteToOk`]: summarize(known.map((step) => step.inviteToOk)),
    [`${prefix}.okToConfirmed`]: summarize(known.map((step) => step.okToConfirmed)),
  };
}

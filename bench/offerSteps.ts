/**
 * Where offer to banner goes (issue 18): the INVITE on the engine page's socket, the engine's
 * `incoming` event reaching main, main handling it and pushing the new DeskState, that state
 * reaching the UI page, React putting the banner in the DOM, and the frame that paints it.
 * Main's side is stamped by wrapping the harness transport's prototype (Electron's ipcMain in
 * the product), the UI's by an init script; all stamps are epoch ms, comparable across pages
 * and this process.
 */
import type { Page } from '@playwright/test';
import { UI_STATE_CHANNEL } from '../common/contract';
import { summarize, type Summary } from './stats';
import { tapTransport } from './transportTap';

const epochNow = () => performance.timeOrigin + performance.now();

/** Main's side of each offer. */
export interface MainOfferTimes {
  /** The engine's `incoming` event reaching main's handler. */
  readonly arrivals: number[];
  /** Main's handler returning. */
  readonly handled: number[];
  /** The first DeskState pushed to the UI after each arrival. */
  readonly statesSent: number[];
}

export function timeMainOffers(): { times: MainOfferTimes; restore: () => void } {
  const times: MainOfferTimes = { arrivals: [], handled: [], statesSent: [] };
  const restore = tapTransport({
    invoke: (channel, payload, handle) => {
      const incoming =
        channel === 'engine:event' && (payload as { type?: unknown } | null)?.type === 'incoming';
      if (incoming) times.arrivals.push(epochNow());
      const result = handle();
      if (incoming) times.handled.push(epochNow());
      return result;
    },
    send: (channel) => {
      if (channel === UI_STATE_CHANNEL && times.statesSent.length < times.arrivals.length) {
        times.statesSent.push(epochNow());
      }
    },
  });
  return { times, restore };
}

/** The UI page's side: each DeskState delivered, and each banner's first frame. */
export interface UiOfferTimes {
  statesDelivered: number[];
  bannerFrames: number[];
}

/** Runs in the UI page before its scripts. */
export function installOfferStepTimer(): void {
  const now = () => performance.timeOrigin + performance.now();
  const times: UiOfferTimes = { statesDelivered: [], bannerFrames: [] };
  (window as unknown as { __offerTimes: UiOfferTimes }).__offerTimes = times;
  let deliver: ((channel: string, payload: unknown) => void) | undefined;
  Object.defineProperty(window, '__openccpIpcDeliver', {
    configurable: true,
    get: () => deliver,
    set: (next: (channel: string, payload: unknown) => void) => {
      deliver = (channel, payload) => {
        if (channel === 'ui:state') times.statesDelivered.push(now());
        next(channel, payload);
      };
    },
  });
  let shown = false;
  new MutationObserver(() => {
    const present = document.querySelector('[data-testid="incoming-banner"]') !== null;
    // The frame that paints it starts at the next animation frame.
    if (present && !shown) requestAnimationFrame(() => times.bannerFrames.push(now()));
    shown = present;
  }).observe(document, { subtree: true, childList: true });
}

/**
 * The rows, one span per step. `invites` and `banners` are the bench's own probes (probes.ts),
 * one per call in order; the UI's deliveries are matched to main's pushes by time.
 */
export async function offerStepRows(
  ui: Page,
  invites: readonly number[],
  banners: readonly number[],
  main: MainOfferTimes,
): Promise<Record<string, Summary>> {
  const page = await ui.evaluate(
    () => (window as unknown as { __offerTimes: UiOfferTimes }).__offerTimes,
  );
  const spans: Record<string, number[]> = {
    inviteToMainEvent: [],
    mainHandling: [],
    mainEventToStateSent: [],
    stateSentToUi: [],
    uiStateToBanner: [],
    bannerToFrame: [],
  };
  const firstAfter = (list: readonly number[], from: number) =>
    list.find((at) => at >= from) ?? NaN;
  invites.forEach((invite, call) => {
    const add = (name: string, from: number, to: number) => {
      if (Number.isFinite(to - from)) spans[name]!.push(to - from);
    };
    const arrival = main.arrivals[call] ?? NaN;
    const sent = main.statesSent[call] ?? NaN;
    const delivered = firstAfter(page.statesDelivered, sent);
    const banner = banners[call] ?? NaN;
    add('inviteToMainEvent', invite, arrival);
    add('mainHandling', arrival, main.handled[call] ?? NaN);
    add('mainEventToStateSent', arrival, sent);
    add('stateSentToUi', sent, delivered);
    add('uiStateToBanner', delivered, banner);
    add('bannerToFrame', banner, firstAfter(page.bannerFrames, banner));
  });
  return Object.fromEntries(
    Object.entries(spans).map(([name, values]) => [`offerStepsMs.${name}`, summarize(values)]),
  );
}

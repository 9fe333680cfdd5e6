/**
 * What the soak reads from a page at each sample: heap after a forced collection, Chromium's
 * DOM counters (documents, nodes, JS event listeners: the whole page, not only window and
 * document as DOMDebugger.getEventListeners would see), the timers still alive (counted by an
 * init script, installTimerCount), and the RTCPeerConnections still reachable (each JsSIP
 * session owns one; a session the engine never let go keeps its connection).
 */
import type { Page } from '@playwright/test';

export interface PageCounters {
  heapMB: number;
  documents: number;
  nodes: number;
  jsEventListeners: number;
  timeouts: number;
  intervals: number;
  peerConnections: number;
  /** Of those, the ones not closed: a call's media still held open. */
  openPeerConnections: number;
  /** Elements in the document; `nodes` less this is what detached nodes still alive hold. */
  attachedElements: number;
}

interface TimerCount {
  timeouts: number;
  intervals: number;
}

/**
 * Init script (self-contained): wraps setTimeout/setInterval and their clears and keeps the
 * ids still pending, so `window.__liveTimers()` says how many are armed. A timeout leaves the
 * set when it fires or is cleared, an interval only when cleared. String handlers (none in
 * the app) pass through uncounted.
 */
export function installTimerCount(): void {
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeSetInterval = window.setInterval.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  const patched = window as unknown as {
    setTimeout: (handler: unknown, ms?: number, ...args: unknown[]) => number;
    setInterval: (handler: unknown, ms?: number, ...args: unknown[]) => number;
    clearTimeout: (id?: number) => void;
    clearInterval: (id?: number) => void;
    __liveTimers: () => TimerCount;
  };
  patched.setTimeout = (handler, ms, ...args) => {
    if (typeof handler !== 'function') return nativeSetTimeout(handler as string, ms);
    const id = nativeSetTimeout(() => {
      timeouts.delete(id);
      (handler as (...values: unknown[]) => void)(...args);
    }, ms);
    timeouts.add(id);
    return id;
  };
  patched.setInterval = (handler, ms, ...args) => {
    if (typeof handler !== 'function') return nativeSetInterval(handler as string, ms);
    const id = nativeSetInterval(handler as TimerHandler, ms, ...args);
    intervals.add(id);
    return id;
  };
  // The two clears are interchangeable in browsers (one id pool): either forgets either kind.
  const forget = (id?: number) => {
    if (id === undefined) return;
    timeouts.delete(id);
    intervals.delete(id);
  };
  patched.clearTimeout = (id) => {
    forget(id);
    nativeClearTimeout(id);
  };
  patched.clearInterval = (id) => {
    forget(id);
    nativeClearInterval(id);
  };
  patched.__liveTimers = () => ({ timeouts: timeouts.size, intervals: intervals.size });
}

export async function readPageCounters(page: Page): Promise<PageCounters> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const prototype = await cdp.send('Runtime.evaluate', {
      expression: 'RTCPeerConnection.prototype',
      objectGroup: 'soak',
    });
    const found = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.result.objectId!,
      objectGroup: 'soak',
    });
    const counted = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId!,
      functionDeclaration:
        "function () { return [this.length, this.filter((pc) => pc.signalingState !== 'closed').length]; }",
      returnByValue: true,
    });
    // The handles above would keep the connections alive for the next sample.
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'soak' });
    const timers = await page.evaluate(
      () => (window as unknown as { __liveTimers?: () => TimerCount }).__liveTimers?.() ?? null,
    );
    const attachedElements = await page.evaluate(() => document.querySelectorAll('*').length);
    if (!timers) throw new Error('soak: the timer count was not installed in this page');
    return {
      // Three decimals: a few KB per call must show over a few hundred calls.
      heapMB: Math.round((usage.usedSize / 1024 / 1024) * 1000) / 1000,
      documents: dom.documents,
      nodes: dom.nodes,
      jsEventListeners: dom.jsEventListeners,
      ...timers,
      peerConnections: (counted.result.value as [number, number])[0],
      openPeerConnections: (counted.result.value as [number, number])[1],
      attachedElements,
    };
  } finally {
    await cdp.detach();
  }
}

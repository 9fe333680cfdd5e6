/**
 * The harness's own share of every path through the app (issue 18): one IPC hop as the bench
 * runs it. In the app, a renderer's invoke and main's push are Electron IPC; in the harness both
 * are Playwright calls over the DevTools protocol (PlaywrightTransport), so each hop costs what a
 * CDP round trip costs on this machine. Accept to 200 OK crosses two hops (the UI's intent to
 * main, main's command to the engine) and offer to banner two (the engine's event to main, the
 * new DeskState to the UI): these rows say how much of those figures is the stand-in for
 * Electron, not the product. Times are epoch ms (performance.timeOrigin + now()) on both sides.
 */
import type { Browser } from '@playwright/test';
import { PlaywrightTransport } from '../e2e/harness/PlaywrightTransport';
import { summarize, type Summary } from './stats';

declare global {
  interface Window {
    __openccpIpcInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
    __openccpIpcDeliver?: (channel: string, payload: unknown) => void;
    __ipcHopArrivals?: number[];
  }
}

const epochNow = () => performance.timeOrigin + performance.now();

export async function ipcHopRows(
  browser: Browser,
  origin: string,
  hops: number,
): Promise<Record<string, Summary>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageUrl = `${origin}/ipc-hop`;
  await page.route(pageUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>ipc hop</title>' }),
  );
  const transport = new PlaywrightTransport();
  const invokeArrivals: number[] = [];
  transport.handle('bench.hop', () => {
    invokeArrivals.push(epochNow());
    return Promise.resolve(null);
  });
  await transport.attach('ui', page, pageUrl);
  await page.addInitScript(() => {
    window.__ipcHopArrivals = [];
    window.__openccpIpcDeliver = () =>
      window.__ipcHopArrivals!.push(performance.timeOrigin + performance.now());
  });
  await page.goto(pageUrl);

  // Renderer to main: the page's invoke until main's handler runs (one way).
  const invokeSent = await page.evaluate(async (count) => {
    const sent: number[] = [];
    for (let hop = 0; hop < count; hop += 1) {
      sent.push(performance.timeOrigin + performance.now());
      await window.__openccpIpcInvoke!('bench.hop', hop);
    }
    return sent;
  }, hops);

  // Main to renderer: main's send until the page's listener runs (one way), one at a time. The
  // evaluate after it runs after the delivery (one protocol session keeps its order): it only
  // spaces the sends, the arrival is stamped by the listener.
  const sendSent: number[] = [];
  for (let hop = 0; hop < hops; hop += 1) {
    sendSent.push(epochNow());
    transport.send('ui', 'bench.hop', hop);
    await page.evaluate(() => window.__ipcHopArrivals!.length);
  }
  const sendArrivals = await page.evaluate(() => window.__ipcHopArrivals!);
  await context.close();
  const oneWay = (sent: number[], arrived: number[]) =>
    sent.map((at, index) => (arrived[index] ?? NaN) - at).filter(Number.isFinite);
  return {
    'harnessIpcHopMs.rendererToMain': summarize(oneWay(invokeSent, invokeArrivals)),
    'harnessIpcHopMs.mainToRenderer': summarize(oneWay(sendSent, sendArrivals)),
  };
}

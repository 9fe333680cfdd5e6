/**
 * The microphone's share of a dialled call (issue 18), with Chromium's own getUserMedia over its
 * fake capture device (--use-fake-device-for-media-stream) in place of the harness's tone:
 * - `microphoneOpenMs.*`: a call's microphone opened in the engine page, by getUserMedia with
 *   the engine's constraints (echo cancellation, noise suppression, gain control), against a
 *   copy of a microphone already open (what WarmMicrophone gives a call);
 * - `callSetupMs.openccp.deviceMicrophone.*`: the engine's call setup (no STUN) with the
 *   microphone cold, then warm (`microphone-warm`), in the same page against the same callee.
 * The core section's other call-setup rows keep the harness's tone, whose getUserMedia is a copy
 * already, so they stay comparable with earlier runs.
 */
import type { TestPhone } from '../e2e/harness/TestPhone';
import { engineCallSetup } from './engineCallSetup';
import { summarize, type Summary } from './stats';

const OPENS = 20;

export async function microphoneRows(
  caller: TestPhone,
  callee: TestPhone,
  target: string,
  runs: number,
): Promise<Record<string, Summary>> {
  await caller.useBrowserMicrophone();
  const opens = await caller.page.evaluate(async (count) => {
    const constraints: MediaStreamConstraints = {
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: false,
    };
    const stopAll = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());
    const getUserMedia: number[] = [];
    const warmCopy: number[] = [];
    for (let run = 0; run < count; run += 1) {
      const started = performance.now();
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      getUserMedia.push(performance.now() - started);
      stopAll(stream);
      // As between two calls: the device is closed before the next one opens it.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const open = await navigator.mediaDevices.getUserMedia(constraints);
    for (let run = 0; run < count; run += 1) {
      const started = performance.now();
      const copy = open.clone();
      warmCopy.push(performance.now() - started);
      stopAll(copy);
    }
    stopAll(open);
    return { getUserMedia, warmCopy };
  }, OPENS);

  const { times: cold } = await engineCallSetup(caller, callee, target, runs);
  await caller.command({ type: 'microphone-warm', on: true });
  // Warmed while the agent is Available, long before a call: not inside the first one.
  await caller.page.waitForTimeout(500);
  const { times: warm } = await engineCallSetup(caller, callee, target, runs);
  await caller.command({ type: 'microphone-warm', on: false });
  return {
    'microphoneOpenMs.getUserMedia': summarize(opens.getUserMedia),
    'microphoneOpenMs.warmCopy': summarize(opens.warmCopy),
    'callSetupMs.openccp.deviceMicrophone.cold': summarize(cold),
    'callSetupMs.openccp.deviceMicrophone.warm': summarize(warm),
  };
}

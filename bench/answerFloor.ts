/**
 * Chromium's own floor under Accept to 200 OK (issue 18): the WebRTC work an answer needs,
 * timed in a bare page with no app, no JsSIP and no SIP. Measured through the app, Accept to
 * 200 OK splits into click to the engine's `answer` command (~11 ms, the IPC hops), the
 * microphone (~2 ms, already open while ringing) and the answer itself up to its first ICE
 * candidate (~37 ms), after which the 200 OK leaves within 0.3 ms. This row times exactly that
 * last part, the same steps JsSIP takes (a new RTCPeerConnection, the microphone's track,
 * setRemoteDescription of a browser's offer, createAnswer, setLocalDescription, the first
 * candidate), so the note can tell what the code costs from what Chromium does.
 */
import type { Page } from '@playwright/test';
import { summarize, type Summary } from './stats';

export interface AnswerFloor {
  /** New peer connection to the first ICE candidate: the whole answer. */
  total: number[];
  /** setRemoteDescription of the offer. */
  remote: number[];
  /** createAnswer plus setLocalDescription. */
  local: number[];
  /** setLocalDescription done to the first candidate. */
  candidate: number[];
}

/** Runs in the page: `calls` answers to a fresh browser offer each, one at a time. */
async function measureInPage(calls: number): Promise<AnswerFloor> {
  // A microphone from getUserMedia, as the engine's: a page granted it may gather candidates on
  // every network interface, where one without it is held to the default route.
  const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
  const [track] = microphone.getAudioTracks();
  if (!track) throw new Error('no audio track');
  const floor: AnswerFloor = { total: [], remote: [], local: [], candidate: [] };
  for (let call = 0; call < calls; call += 1) {
    // The caller's offer, complete with its candidates, as it arrives in an INVITE.
    const caller = new RTCPeerConnection();
    caller.addTrack(track.clone());
    await caller.setLocalDescription(await caller.createOffer());
    await new Promise<void>((resolve) => {
      if (caller.iceGatheringState === 'complete') resolve();
      caller.addEventListener('icegatheringstatechange', () => {
        if (caller.iceGatheringState === 'complete') resolve();
      });
    });
    const offer = caller.localDescription!;

    const start = performance.now();
    const answerer = new RTCPeerConnection({ bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    const firstCandidate = new Promise<number>((resolve) => {
      answerer.addEventListener('icecandidate', (event) => {
        if (event.candidate) resolve(performance.now());
      });
    });
    answerer.addTrack(track.clone());
    await answerer.setRemoteDescription(offer);
    const remoteSet = performance.now();
    await answerer.setLocalDescription(await answerer.createAnswer());
    const localSet = performance.now();
    const candidateAt = await firstCandidate;
    floor.total.push(candidateAt - start);
    floor.remote.push(remoteSet - start);
    floor.local.push(localSet - remoteSet);
    floor.candidate.push(Math.max(0, candidateAt - localSet));
    answerer.close();
    caller.close();
  }
  track.stop();
  return floor;
}

export async function answerFloorRows(page: Page, calls: number): Promise<Record<string, Summary>> {
  const floor = await page.evaluate(measureInPage, calls);
  return {
    'chromiumAnswerFloorMs.total': summarize(floor.total),
    'chromiumAnswerFloorMs.setRemote': summarize(floor.remote),
    'chromiumAnswerFloorMs.createAndSetLocal': summarize(floor.local),
    'chromiumAnswerFloorMs.toFirstCandidate': summarize(floor.candidate),
  };
}

/**
 * WarmMicrophone over a stand-in device (MicrophoneSource is the engine's boundary with
 * navigator.mediaDevices): how many times the device is opened, and which tracks stay live.
 * The real getUserMedia and MediaStream.clone are exercised by the e2e calls.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MICROPHONE_CONSTRAINTS, type MicrophoneSource } from './microphone';
import { WarmMicrophone } from './WarmMicrophone';

class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = 'live';
  constructor(readonly device: number) {
    super();
  }
  clone(): FakeTrack {
    return new FakeTrack(this.device);
  }
  /** As in the browser: stop() ends the track without firing 'ended'. */
  stop(): void {
    this.readyState = 'ended';
  }
  /** The device went away (unplugged): 'ended' fires. */
  unplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getAudioTracks(): FakeTrack[] {
    return this.tracks;
  }
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
  clone(): FakeStream {
    return new FakeStream(this.tracks.map((track) => track.clone()));
  }
}

/** The device: each open is a new track, numbered; it may refuse, or answer when released. */
class FakeDevice implements MicrophoneSource {
  readonly opened: FakeTrack[] = [];
  readonly asked: MediaStreamConstraints[] = [];
  refuse = false;
  /** The device gives a track that has already ended (unplugged while it opened). */
  deadTracks = false;
  private held: { answer: () => void; refuse: () => void }[] = [];
  hold = false;

  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.asked.push(constraints);
    if (this.refuse) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
    const track = new FakeTrack(this.opened.length + 1);
    if (this.deadTracks) track.readyState = 'ended';
    this.opened.push(track);
    const stream = new FakeStream([track]) as unknown as MediaStream;
    if (!this.hold) return Promise.resolve(stream);
    return new Promise((resolve, reject) =>
      this.held.push({
        answer: () => resolve(stream),
        refuse: () => reject(new DOMException('denied', 'NotAllowedError')),
      }),
    );
  }

  release(): void {
    for (const { answer } of this.held.splice(0)) answer();
  }

  /** One open under way (in the order asked) succeeds, or fails. */
  answerAt(index: number): void {
    this.held[index]?.answer();
  }

  refuseAt(index: number): void {
    this.held[index]?.refuse();
  }

  /** The opens under way fail (access refused while the OS asked). */
  refuseHeld(): void {
    for (const { refuse } of this.held.splice(0)) refuse();
  }
}

function trackOf(stream: MediaStream): FakeTrack {
  return stream.getAudioTracks()[0] as unknown as FakeTrack;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WarmMicrophone', () => {
  let device: FakeDevice;
  let warm: WarmMicrophone;

  beforeEach(() => {
    device = new FakeDevice();
    warm = new WarmMicrophone(device);
  });

  it('while cold, opens the device for every call, as without it', async () => {
    await warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    await warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    expect(device.opened).toHaveLength(2);
    expect(warm.warmth).toBe('cold');
  });

  it('once warm, gives each call its own live copy and opens the device only once', async () => {
    warm.set(true);
    await settle();
    const first = trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS));
    const second = trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS));
    expect(device.opened).toHaveLength(1);
    expect(first).not.toBe(second);
    expect(first).not.toBe(device.opened[0]);
    expect([first.readyState, second.readyState]).toEqual(['live', 'live']);
  });

  it('keeps the open track live when a call stops its copy', async () => {
    warm.set(true);
    await settle();
    trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS)).stop();
    expect(device.opened[0]?.readyState).toBe('live');
    expect(warm.warmth).toBe('open');
  });

  it('has a call made while the device is still opening wait for it and copy it', async () => {
    device.hold = true;
    warm.set(true);
    const call = warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    device.release();
    const track = trackOf(await call);
    expect(device.opened).toHaveLength(1);
    expect(track).not.toBe(device.opened[0]);
    expect(track.device).toBe(1);
  });

  it('lets a call open the device itself when the warm-up was refused, so the call reports why', async () => {
    device.refuse = true;
    warm.set(true);
    await settle();
    await expect(warm.getUserMedia(MICROPHONE_CONSTRAINTS)).rejects.toThrow('denied');
    expect(device.asked).toHaveLength(2);
    expect(warm.warmth).toBe('cold');
  });

  it('stops the open track when main lets it go, and the next call opens the device', async () => {
    warm.set(true);
    await settle();
    warm.set(false);
    expect(device.opened[0]?.readyState).toBe('ended');
    await warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    expect(device.opened).toHaveLength(2);
  });

  it('stops a track that lands after main let it go, instead of keeping it open', async () => {
    device.hold = true;
    warm.set(true);
    warm.set(false);
    device.release();
    await settle();
    expect(device.opened[0]?.readyState).toBe('ended');
    expect(warm.warmth).toBe('cold');
  });

  it('asks the device once when told to warm twice', async () => {
    warm.set(true);
    warm.set(true);
    await settle();
    expect(device.opened).toHaveLength(1);
  });

  it('reopens on another chosen microphone, stopping the old one, and copies the new one', async () => {
    warm.set(true);
    await settle();
    warm.rerouted();
    await settle();
    expect(device.opened.map((track) => track.readyState)).toEqual(['ended', 'live']);
    expect(trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS)).device).toBe(2);
  });

  it('does not open anything on a reroute while cold', async () => {
    warm.rerouted();
    await settle();
    expect(device.opened).toHaveLength(0);
  });

  it('opens the device again when the open one is unplugged', async () => {
    warm.set(true);
    await settle();
    device.opened[0]?.unplug();
    await settle();
    expect(device.opened).toHaveLength(2);
    expect(trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS)).device).toBe(2);
  });

  it('does not reopen after an unplug once main has let it go', async () => {
    warm.set(true);
    await settle();
    const first = device.opened[0];
    warm.set(false);
    first?.unplug();
    await settle();
    expect(device.opened).toHaveLength(1);
  });

  it('sends other requests than a call microphone to the device as they are', async () => {
    warm.set(true);
    await settle();
    const probe = { audio: true, video: false };
    await warm.getUserMedia(probe);
    expect(device.asked.at(-1)).toBe(probe);
    expect(device.opened).toHaveLength(2);
  });

  it('opens the device for a call waiting on an open that main let go before it landed', async () => {
    device.hold = true;
    warm.set(true);
    const call = warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    warm.set(false);
    device.release();
    await settle();
    device.release();
    const track = trackOf(await call);
    expect(device.opened).toHaveLength(2);
    expect(track).toBe(device.opened[1]);
    expect(device.opened[0]?.readyState).toBe('ended');
  });

  it('opens the device for a call waiting on an open that failed, so the call reports why', async () => {
    device.hold = true;
    warm.set(true);
    const call = warm.getUserMedia(MICROPHONE_CONSTRAINTS);
    device.refuse = true;
    device.refuseHeld();
    await expect(call).rejects.toThrow('denied');
    expect(device.asked).toHaveLength(2);
  });

  it('stays cold when the device gives a track that already ended, and calls open their own', async () => {
    device.deadTracks = true;
    warm.set(true);
    await settle();
    expect(warm.warmth).toBe('cold');
    expect(device.opened[0]?.readyState).toBe('ended');
    device.deadTracks = false;
    const track = trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS));
    expect(track).toBe(device.opened[1]);
  });

  it('is cold after a refused warm-up, and opening while the device opens', async () => {
    device.hold = true;
    warm.set(true);
    expect(warm.warmth).toBe('opening');
    device.refuseHeld();
    await settle();
    expect(warm.warmth).toBe('cold');
  });

  it('keeps only the last of two opens under way when another microphone is chosen meanwhile', async () => {
    device.hold = true;
    warm.set(true);
    warm.rerouted();
    device.release();
    await settle();
    expect(device.opened.map((track) => track.readyState)).toEqual(['ended', 'live']);
    expect(trackOf(await warm.getUserMedia(MICROPHONE_CONSTRAINTS)).device).toBe(2);
  });

  it('keeps only the last open when main lets go and asks again before the first landed', async () => {
    device.hold = true;
    warm.set(true);
    warm.set(false);
    warm.set(true);
    device.release();
    await settle();
    expect(device.opened.map((track) => track.readyState)).toEqual(['ended', 'live']);
  });

  it('ignores the loss of a track it no longer holds (the one before a reroute)', async () => {
    warm.set(true);
    await settle();
    warm.rerouted();
    await settle();
    device.opened[0]?.unplug();
    await settle();
    expect(device.opened).toHaveLength(2);
    expect(warm.warmth).toBe('open');
  });

  it('stays open when an older open, replaced by a reroute, fails after the new one landed', async () => {
    device.hold = true;
    warm.set(true);
    warm.rerouted();
    device.answerAt(1);
    await settle();
    device.refuseAt(0);
    await settle();
    expect(warm.warmth).toBe('open');
  });

  it('tries the newly chosen microphone after a refused warm-up', async () => {
    device.refuse = true;
    warm.set(true);
    await settle();
    device.refuse = false;
    warm.rerouted();
    await settle();
    expect(warm.warmth).toBe('open');
    expect(device.asked).toHaveLength(2);
  });
});

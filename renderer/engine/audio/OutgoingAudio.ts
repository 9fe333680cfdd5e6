/**
 * What one call sends the far end, decided in one place so hold, mute and the conference mix
 * compose: nothing while held, the conference mix while joined, otherwise the microphone.
 * Mute disables the microphone track itself, which also silences it inside every mix.
 */
export class OutgoingAudio {
  private microphone: MediaStreamTrack | undefined;
  private connection: RTCPeerConnection | undefined;
  private mix: MediaStreamTrack | undefined;
  private held = false;
  private muted = false;

  /** The microphone opened (it opens while the call rings or dials). */
  setMicrophone(track: MediaStreamTrack | undefined): void {
    this.microphone = track;
    if (track) track.enabled = !this.muted;
    this.sync();
  }

  get microphoneTrack(): MediaStreamTrack | undefined {
    return this.microphone;
  }

  /** The call's (new) peer connection; a replaced session starts not held. */
  attach(connection: RTCPeerConnection): void {
    this.connection = connection;
    this.held = false;
    this.sync();
  }

  setHeld(held: boolean): void {
    this.held = held;
    this.useRestingDirection();
    this.sync();
  }

  /**
   * The direction answers to the far end's offers must carry: sendonly while held, so WebRTC
   * answers a far-end re-INVITE without taking audio from them and our hold survives it.
   */
  useRestingDirection(): void {
    this.setDirection(this.held ? 'sendonly' : 'sendrecv');
  }

  /** The direction our own offers are built with (JsSIP rewrites what it sends for hold). */
  useOfferDirection(): void {
    this.setDirection('sendrecv');
  }

  private setDirection(direction: RTCRtpTransceiverDirection): void {
    const transceiver = this.audioTransceiver();
    if (transceiver && transceiver.direction !== 'stopped') transceiver.direction = direction;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.microphone) this.microphone.enabled = !muted;
  }

  /** The conference mix for this call, or undefined to send the microphone again. */
  setMix(track: MediaStreamTrack | undefined): void {
    this.mix = track;
    this.sync();
  }

  /** The RTP sender of the call's audio (also the RFC 4733 DTMF sender). */
  audioSender(): RTCRtpSender | undefined {
    return this.audioTransceiver()?.sender;
  }

  private audioTransceiver(): RTCRtpTransceiver | undefined {
    // By the receiver's kind: the sender's track is null while held.
    return this.connection
      ?.getTransceivers()
      .find((transceiver) => transceiver.receiver.track.kind === 'audio');
  }

  /** Puts the right track on the sender; called after every change. */
  private sync(): void {
    const sender = this.audioSender();
    if (!sender || this.connection?.signalingState === 'closed') return;
    const wanted = this.held ? null : (this.mix ?? this.microphone ?? null);
    if (sender.track === wanted) return;
    sender.replaceTrack(wanted).catch((error: unknown) => {
      console.warn('OpenCCP engine: could not switch the outgoing audio', error);
    });
  }
}

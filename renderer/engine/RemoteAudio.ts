/**
 * Plays a call's remote audio. A media element rather than only WebAudio because Chromium
 * delivers a remote WebRTC track's samples only while the stream is attached to an element.
 */
export class RemoteAudio {
  private readonly element: HTMLAudioElement;

  constructor(connection: RTCPeerConnection) {
    this.element = document.createElement('audio');
    this.element.autoplay = true;
    this.element.dataset.role = 'remote-audio';
    document.body.append(this.element);
    connection.addEventListener('track', (event) => {
      const [stream] = event.streams;
      this.element.srcObject = stream ?? new MediaStream([event.track]);
      void this.element.play().catch(() => {
        // Autoplay is granted to the engine window; a refusal here only delays playback.
      });
    });
  }

  dispose(): void {
    this.element.srcObject = null;
    this.element.remove();
  }
}

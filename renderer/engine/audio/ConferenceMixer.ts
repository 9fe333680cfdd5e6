/**
 * The local three-way conference (D6 Join): each call in the set sends the agent's microphone
 * mixed with the far-end audio of every other call in the set, so everyone hears everyone and
 * nobody hears themselves. The agent hears each party through that call's own RemoteAudio.
 *
 * One AudioContext for the engine; the graph is rebuilt whenever the set or a call's media
 * changes (a few nodes, so rebuilding is simpler than patching).
 */
export interface MixParticipant {
  readonly id: string;
  /** The agent's microphone for this call; disabled while muted, so the mix carries silence. */
  microphone(): MediaStreamTrack | undefined;
  /** The far end's audio as it plays here. */
  remoteStream(): MediaStream | undefined;
  /** Send this track instead of the microphone, or the microphone again (undefined). */
  setMix(track: MediaStreamTrack | undefined): void;
}

export class ConferenceMixer {
  private context: AudioContext | undefined;
  private participants: MixParticipant[] = [];
  private nodes: AudioNode[] = [];
  private mixes: MediaStreamTrack[] = [];

  /** Mixes exactly these calls; fewer than two means nobody is mixed. */
  mix(participants: readonly MixParticipant[]): void {
    const next = participants.length >= 2 ? [...participants] : [];
    const unmixed = [...this.participants, ...participants].filter(
      (p) => !next.some((q) => q.id === p.id),
    );
    this.teardown();
    this.participants = next;
    if (next.length > 0) this.build();
    for (const participant of unmixed) participant.setMix(undefined);
  }

  /** A participant's media changed (its session was replaced, its audio arrived). */
  refresh(): void {
    if (this.participants.length === 0) return;
    this.teardown();
    this.build();
  }

  /** A call ended: the others go on without it (or unmixed, if one is left). */
  remove(id: string): void {
    if (!this.participants.some((p) => p.id === id)) return;
    this.mix(this.participants.filter((p) => p.id !== id));
  }

  includes(id: string): boolean {
    return this.participants.some((p) => p.id === id);
  }

  private build(): void {
    this.context ??= new AudioContext();
    void this.context.resume().catch(() => undefined);
    const context = this.context;
    const sourceOf = (stream: MediaStream | undefined): AudioNode | undefined => {
      if (!stream || stream.getAudioTracks().length === 0) return undefined;
      const source = context.createMediaStreamSource(stream);
      this.nodes.push(source);
      return source;
    };
    const microphones = new Map(
      this.participants.map((p) => {
        const track = p.microphone();
        return [p.id, sourceOf(track ? new MediaStream([track]) : undefined)] as const;
      }),
    );
    const remotes = new Map(this.participants.map((p) => [p.id, sourceOf(p.remoteStream())]));
    for (const participant of this.participants) {
      const destination = context.createMediaStreamDestination();
      this.nodes.push(destination);
      microphones.get(participant.id)?.connect(destination);
      for (const other of this.participants) {
        if (other.id !== participant.id) remotes.get(other.id)?.connect(destination);
      }
      const [track] = destination.stream.getAudioTracks();
      if (track) this.mixes.push(track);
      participant.setMix(track);
    }
  }

  private teardown(): void {
    for (const node of this.nodes) node.disconnect();
    for (const track of this.mixes) track.stop();
    this.nodes = [];
    this.mixes = [];
  }
}

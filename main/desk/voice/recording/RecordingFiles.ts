/**
 * Where the desk's recordings go, as a port: the app writes them on disk (main/recordings),
 * unit tests keep them in memory. Every method may throw; the desk then ends the recording
 * as failed and tells the agent.
 */
export interface RecordingFiles {
  /** Creates a new, empty file named after `name` in the recordings folder; its full path. */
  create(name: string): string;
  /** Appends encoded audio to a file `create` made. */
  append(file: string, bytes: Uint8Array): void;
  /** No more audio for this file. */
  close(file: string): void;
}

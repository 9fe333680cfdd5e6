/**
 * When the engine keeps the agent's microphone open between calls (WarmMicrophone in the
 * engine): while a call may come or go, so that neither an auto-accepted offer nor a dialled
 * call waits for the device to open. Never signed out, on a break or Offline with no call
 * (the OS shows the microphone in use, and it is not), nor in desk phone mode, where the
 * agent talks on the desk phone.
 */
export interface WarmMicrophoneFacts {
  readonly signedIn: boolean;
  /** The agent's status is Available (whether or not an offer could ring right now). */
  readonly available: boolean;
  /** Calls on the desk, in any state (ringing, connected, in after-call work). */
  readonly calls: number;
  readonly deskPhone: boolean;
}

export function warmMicrophoneWanted(facts: WarmMicrophoneFacts): boolean {
  if (!facts.signedIn || facts.deskPhone) return false;
  return facts.available || facts.calls > 0;
}

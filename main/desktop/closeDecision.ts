/**
 * What closing the CCP window means (G1). Signed in, the agent is routable or may become so:
 * the app stays running and reachable from the tray, and says so the first time. Without a
 * tray (some Linux desktops have none) hiding would leave the app running where the agent
 * cannot reach it, so the window is minimized instead. Signed out, nothing can ring: closing
 * quits. While quitting the window just closes.
 */
export type CloseDecision = 'close' | 'hideToTray' | 'minimize';

export interface CloseMoment {
  signedIn: boolean;
  /** The quit sequence is running (or done): nothing holds the window any more. */
  quitting: boolean;
  /** The desktop shows our tray icon. */
  trayShown: boolean;
}

export function closeDecision(moment: CloseMoment): CloseDecision {
  if (moment.quitting || !moment.signedIn) return 'close';
  return moment.trayShown ? 'hideToTray' : 'minimize';
}

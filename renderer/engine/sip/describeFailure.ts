/** Pulls the SIP status code out of a JsSIP event's message, when the far end sent one. */
export function statusCodeOf(message: unknown): number | undefined {
  if (typeof message === 'object' && message !== null && 'status_code' in message) {
    const code = (message as { status_code: unknown }).status_code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/**
 * The status of a final failure response (300 and up). JsSIP fails a call whose 200 OK carried
 * SDP it could not apply with that 200 as the message; a 2xx is never why a call failed.
 */
export function failureStatusOf(message: unknown): number | undefined {
  const code = statusCodeOf(message);
  return code !== undefined && code >= 300 ? code : undefined;
}

/**
 * One bounded line about a WebRTC or media-device error: its name (OperationError,
 * NotAllowedError, ...) and Chromium's message, which names what was wrong with the SDP.
 */
export function mediaErrorText(error: unknown): string {
  if (error instanceof Error) {
    return bounded(error.message ? `${error.name}: ${error.message}` : error.name);
  }
  return bounded(String(error));
}

/** Bounds untrusted text (reason phrases, display names) before it crosses into main. */
export function bounded(text: unknown, max = 256): string {
  return typeof text === 'string' ? text.slice(0, max) : '';
}

/** Pulls the SIP status code out of a JsSIP event's message, when the far end sent one. */
export function statusCodeOf(message: unknown): number | undefined {
  if (typeof message === 'object' && message !== null && 'status_code' in message) {
    const code = (message as { status_code: unknown }).status_code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/** Bounds untrusted text (reason phrases, display names) before it crosses into main. */
export function bounded(text: unknown, max = 256): string {
  return typeof text === 'string' ? text.slice(0, max) : '';
}

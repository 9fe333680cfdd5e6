/**
 * Building blocks every part of the contract uses: bounded ids and remote text, server URLs
 * and SIP addresses, and which renderer a message comes from.
 */
import { z } from 'zod';

// No code generation: the pages' CSP forbids eval, and payloads are small enough to parse plainly.
// zod reads this when a schema is built, not when it parses, so it must run before any schema:
// it does, as every other contract module imports this one.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/** Which renderer a message comes from; main checks it against the sender's frame. */
export const RendererRole = z.enum(['ui', 'engine']);
export type RendererRole = z.infer<typeof RendererRole>;

export const Id = z.string().min(1).max(64);
/** Text that came from the network (caller names, reasons): bounded so a hostile peer cannot flood the UI. */
export const RemoteText = z.string().max(256);

/**
 * SIP over WebSocket URL. Plain ws:// only towards loopback, where no one can listen in;
 * anything that leaves the machine must be wss:// so credentials and SDP keys are encrypted.
 */
export const ServerUrl = z
  .string()
  .trim()
  .superRefine((value, context) => {
    // One check after the other: each failure gets its own message key, the first one wins.
    const fail = (message: string) => context.addIssue({ code: 'custom', message });
    if (value === '') return fail('server.required');
    if (!URL.canParse(value)) return fail('server.invalidUrl');
    const url = new URL(value);
    if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return fail('server.notWebSocket');
    if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname))
      return fail('server.insecureRemote');
  });

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** sip:user@domain (sips: accepted). The user part is required: it is the agent's identity. */
export const SipUri = z
  .string()
  .trim()
  .min(1, 'sipUri.required')
  .regex(/^sips?:[^@\s:;]+@[A-Za-z0-9.-]+(:\d{1,5})?$/, 'sipUri.invalid');

/**
 * Turns what the engine reports during sign-in into the one reason the agent sees.
 * The distinction matters: "wrong password" sends the agent to retype it, "server
 * unreachable" sends them to IT, and they must never be confused.
 */
import type { EngineEvent, SignInError } from '../../../common/contract';

type RegistrationFailure = Extract<EngineEvent, { type: 'registration' }>;

export function signInErrorFromRegistration(event: RegistrationFailure): SignInError {
  const detail = [event.statusCode, event.cause].filter((part) => part !== undefined).join(' ');
  if (
    event.statusCode === 401 ||
    event.statusCode === 403 ||
    event.statusCode === 407 ||
    event.cause === 'Authentication Error'
  ) {
    return { code: 'badCredentials', field: 'password', detail };
  }
  if (event.cause === 'Connection Error' || event.cause === 'Request Timeout') {
    return { code: 'serverUnreachable', field: 'serverUrl', detail };
  }
  return { code: 'rejected', detail };
}

export function signInErrorFromTransport(error: string | undefined): SignInError {
  return { code: 'serverUnreachable', field: 'serverUrl', detail: error ?? 'WebSocket closed' };
}

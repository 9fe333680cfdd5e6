/**
 * Creates the JsSIP user agent for an account and reports its transport and registration
 * state. Events of a user agent the engine has already replaced are dropped.
 */
import * as JsSIP from 'jssip';
import type { EngineAccount, EngineEvent } from '../../../common/contract';
import { bounded, statusCodeOf } from './describeFailure';

export type Account = ReturnType<typeof EngineAccount.parse>;

export function createUserAgent(
  account: Account,
  register: boolean,
  report: (event: EngineEvent) => void,
  isCurrent: (ua: JsSIP.UA) => boolean,
): JsSIP.UA {
  const ua = new JsSIP.UA({
    // JsSIP tries the socket of highest weight first and moves on to the next after a failure;
    // with equal weights it picks at random. The weights keep the profile's order.
    sockets: account.serverUrls.map((url, index) => ({
      socket: new JsSIP.WebSocketInterface(url),
      weight: account.serverUrls.length - index,
    })),
    uri: account.sipUri,
    password: account.password,
    ...(account.authUser ? { authorization_user: account.authUser } : {}),
    ...(account.displayName ? { display_name: account.displayName } : {}),
    register,
    register_expires: account.registerExpiresSec,
    session_timers: false,
    user_agent: 'OpenCCP',
    // The desk's Reconnection decides when to try again (every 0.25 to 2.5 s); JsSIP's own
    // recovery stays as a slow backstop only.
    connection_recovery_min_interval: 10,
    connection_recovery_max_interval: 30,
  });
  const emit = (event: EngineEvent) => {
    if (isCurrent(ua)) report(event);
  };
  ua.on('connecting', () => emit({ type: 'transport', state: 'connecting' }));
  ua.on('connected', () => emit({ type: 'transport', state: 'connected' }));
  ua.on('disconnected', (event) => {
    const detail = event.error ? `WebSocket error ${event.code ?? ''} ${event.reason ?? ''}` : '';
    emit({
      type: 'transport',
      state: 'disconnected',
      ...(detail ? { error: bounded(detail.trim()) } : {}),
    });
  });
  ua.on('registered', () => emit({ type: 'registration', state: 'registered' }));
  ua.on('unregistered', () => emit({ type: 'registration', state: 'unregistered' }));
  ua.on('registrationFailed', (event) => {
    const statusCode = statusCodeOf(event.response);
    emit({
      type: 'registration',
      state: 'failed',
      cause: bounded(event.cause),
      ...(statusCode !== undefined ? { statusCode } : {}),
    });
  });
  return ua;
}

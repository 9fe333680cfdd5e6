/**
 * The agent's session: sign-in and sign-out, the connection to the SIP server and the phone
 * line's registration, and what the engine reports about them.
 *
 * The session knows nothing of statuses or contacts. What depends on them (which status to
 * restore, whether the line is needed) it asks AgentDesk through SessionHost, so the decision
 * stays in one place.
 */
import type {
  DeskState,
  EngineAccount,
  EngineEvent,
  Notice,
  NoticeCode,
  SessionPhase,
  SignInError,
  SignInResult,
  ValidSignInRequest,
} from '../../../common/contract';
import type { Clock, DeskLogger, EnginePort, TimerHandle } from '../ports';
import { PhoneLine } from './PhoneLine';
import { Reconnection } from './Reconnection';
import { nextSessionPhase, type SessionEvent } from './sessionMachine';
import { signInErrorFromRegistration, signInErrorFromTransport } from './signInErrors';
import { sameAccount, type SignInMemory } from './signInMemory';

/** What the session needs from AgentDesk. */
export interface SessionHost {
  /** Sign-in just succeeded: the desk restores the agent's last status. */
  signedIn(): void;
  /** Whether the agent needs the line now (a status other than Offline, an open contact). */
  lineWanted(): boolean;
  /** Header names the engine forwards with an offer, besides X- headers (the profile's). */
  forwardedHeaders(): string[];
  notice(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void;
  currentNotice(): NoticeCode | undefined;
  changed(): void;
}

/** AgentDesk's options the session reads. */
export interface SessionOptions {
  engine: EnginePort;
  clock: Clock;
  logger: DeskLogger;
  memory: SignInMemory;
  signInTimeoutMs?: number;
  iceServers?: EngineAccount['iceServers'];
  /** Uniform in [0, 1): the reconnection backoff's jitter. Math.random unless a test pins it. */
  random?: () => number;
}

const DEFAULT_SIGN_IN_TIMEOUT_MS = 15_000;

interface PendingSignIn {
  resolve: (result: SignInResult) => void;
  timeout: TimerHandle;
}

export class Session {
  readonly line: PhoneLine;
  private readonly reconnection: Reconnection;
  private current: SessionPhase = 'signedOut';
  private error: SignInError | undefined;
  private account: EngineAccount | undefined;
  private identity: DeskState['session']['identity'];
  private pending: PendingSignIn | undefined;
  /** Cached: reading it may decrypt the saved password, far too slow for every snapshot. */
  private remembered: ReturnType<SignInMemory['load']>;
  private engineSeenReady = false;
  /** Servers that could not be reached during the sign-in under way. */
  private unreachableServers = 0;

  constructor(
    private readonly options: SessionOptions,
    private readonly host: SessionHost,
  ) {
    this.line = new PhoneLine(options.engine);
    this.reconnection = new Reconnection(
      options.engine,
      options.clock,
      options.random ?? Math.random,
      () => this.host.lineWanted(),
    );
    this.remembered = options.memory.load();
  }

  get phase(): SessionPhase {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current === 'signedIn';
  }

  private move(event: SessionEvent): void {
    this.current = nextSessionPhase(this.current, event);
  }

  /** `serverUrls`: the servers to try in order (the profile's list). */
  signIn(request: ValidSignInRequest, serverUrls: string[]): Promise<SignInResult> {
    if (this.current !== 'signedOut') {
      return Promise.resolve({
        ok: false,
        error: { code: 'rejected', detail: 'already signed in' },
      });
    }
    const remembered = this.remembered;
    const password =
      request.password !== ''
        ? request.password
        : remembered && sameAccount(remembered.form, request)
          ? remembered.password
          : undefined;
    if (password === undefined || password === '') {
      return Promise.resolve({ ok: false, error: { code: 'badCredentials', field: 'password' } });
    }
    const { password: _typed, ...form } = request;
    this.move('signIn');
    this.error = undefined;
    this.unreachableServers = 0;
    this.account = {
      serverUrls,
      sipUri: request.sipUri,
      authUser: request.authUser,
      password,
      displayName: request.displayName,
      iceServers: this.options.iceServers ?? [],
      // Taken at sign-in; a profile applied later takes effect at the next sign-in.
      forwardedHeaders: this.host.forwardedHeaders(),
    };
    this.identity = { uri: request.sipUri, displayName: request.displayName };
    this.line.move('register');
    this.options.engine.send({ type: 'connect', account: this.account, register: true });
    this.host.changed();

    return new Promise<SignInResult>((resolve) => {
      const timeoutMs = this.options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
      const timeout = this.options.clock.after(timeoutMs, () =>
        this.finishSignIn({ code: 'timeout', field: 'serverUrl' }),
      );
      this.pending = {
        resolve: (result) => {
          if (result.ok) {
            // Kept in memory for this run either way (re-registration needs it).
            if (!this.options.memory.save(form, password)) {
              this.host.notice('info', 'passwordNotRemembered');
            }
            this.remembered = { form, password };
          }
          resolve(result);
        },
        timeout,
      };
    });
  }

  /** Ends a pending sign-in: success when `error` is undefined. */
  private finishSignIn(error: SignInError | undefined): void {
    const pending = this.pending;
    if (!pending || this.current !== 'signingIn') return;
    this.pending = undefined;
    pending.timeout.cancel();
    if (error) {
      this.move('signInFailed');
      this.error = error;
      this.resetConnection();
      this.options.logger.warn('sign-in failed', { ...error });
      this.host.changed();
      pending.resolve({ ok: false, error });
      return;
    }
    this.move('registered');
    this.line.move('registered');
    this.host.signedIn();
    this.reconcileLine();
    this.options.logger.info('signed in', { uri: this.identity?.uri });
    this.host.changed();
    pending.resolve({ ok: true });
  }

  /** Registers or unregisters the line as the agent's status and contacts need. */
  reconcileLine(): void {
    if (this.current === 'signedIn') this.line.reconcile(this.host.lineWanted());
  }

  /**
   * Forgets the saved password (A2), on a shared workstation for example: the next sign-in
   * asks for it. The form (server, user) stays. The session signed in now is not affected.
   */
  forgetPassword(): void {
    if (!this.remembered) return;
    this.options.memory.forgetPassword();
    this.remembered = { form: this.remembered.form, password: undefined };
  }

  /** Cancels a sign-in still under way, or leaves the signed-in session; then disconnects. */
  signOut(): void {
    if (this.current === 'signingIn') this.finishSignIn({ code: 'rejected', detail: 'cancelled' });
    if (this.current === 'signedIn') this.move('signOut');
    this.resetConnection();
    this.identity = undefined;
  }

  private resetConnection(): void {
    this.reconnection.stop();
    this.options.engine.send({ type: 'disconnect' });
    this.account = undefined;
    this.line.move('reset');
  }

  /**
   * The engine page loaded. True when it was a reload under a live session: the page lost its
   * calls and its connection, which `reconnect` makes again. The first load is not one:
   * commands sent before it were queued for it.
   */
  engineLoaded(): boolean {
    const reloaded = this.engineSeenReady;
    this.engineSeenReady = true;
    return reloaded && this.current !== 'signedOut' && this.account !== undefined;
  }

  /** The engine page is hung or gone: its connection went with it, nothing to retry on it. */
  engineLost(): void {
    this.reconnection.stop();
    this.line.move('reset');
  }

  /** Connects a reloaded engine again; it registers while signing in or when `register`. */
  reconnect(register: boolean): void {
    if (!this.account) return;
    const registering = register || this.current === 'signingIn';
    this.reconnection.stop();
    this.line.move('reset');
    if (registering) this.line.move('register');
    this.options.engine.send({ type: 'connect', account: this.account, register: registering });
  }

  /**
   * The network came back or the machine woke from sleep: a signed-in agent's line is tried at
   * once rather than at the next step of the backoff.
   */
  networkBack(reason: 'online' | 'resumed'): void {
    if (this.current !== 'signedIn') return;
    this.options.logger.info('connection: trying now', { reason });
    this.reconnection.tryNow();
  }

  onTransport(event: Extract<EngineEvent, { type: 'transport' }>): void {
    if (event.state === 'connected' && this.current === 'signedIn') {
      this.reconnection.connectionRestored();
      return;
    }
    if (event.state !== 'disconnected') return;
    if (this.current === 'signingIn') {
      // The engine moves on to the next server by itself: sign-in fails only once every
      // server of the list has failed once.
      this.unreachableServers += 1;
      const servers = this.account?.serverUrls.length ?? 1;
      if (this.unreachableServers < servers) {
        this.options.logger.warn('sign-in: server unreachable, trying the next', {
          failed: this.unreachableServers,
          of: servers,
          error: event.error,
        });
        // JsSIP has marked this server failed but would wait its recovery interval (10 s)
        // before the next one: the agent is waiting at the sign-in form, so try it now.
        this.options.engine.send({ type: 'reconnect', register: true });
        return;
      }
      this.finishSignIn(signInErrorFromTransport(event.error));
      return;
    }
    if (this.current === 'signedIn') {
      // The desk connects again on its own backoff (Reconnection); the engine re-registers
      // once connected. The agent must see at once that routing stopped.
      this.line.move('connectionLost');
      this.reconnection.connectionLost();
      this.options.logger.warn('connection lost', { error: event.error });
      this.host.notice('error', 'connectionLost');
      this.host.changed();
    }
  }

  onRegistration(event: Extract<EngineEvent, { type: 'registration' }>): void {
    if (this.current === 'signingIn') {
      if (event.state === 'registered') this.finishSignIn(undefined);
      else if (event.state === 'failed') this.finishSignIn(signInErrorFromRegistration(event));
      return;
    }
    if (this.current !== 'signedIn') return;
    const before = this.line.state;
    this.line.move(event.state);
    if (event.state === 'registered') {
      const notice = this.host.currentNotice();
      if (notice === 'connectionLost' || notice === 'registrationFailed') {
        this.host.notice('info', 'reconnected');
      }
      // An Offline chosen while the REGISTER was in flight still wins.
      this.reconcileLine();
    } else if (event.state === 'unregistered') {
      // An Available chosen while the un-REGISTER was in flight could not register then (no
      // REGISTER goes out over one in flight): it registers now. A refused REGISTER reports
      // `failed`, never this, so a server that keeps refusing cannot start a loop here.
      this.reconcileLine();
    } else if (event.state === 'failed') {
      this.host.notice('error', 'registrationFailed', {
        cause: [event.statusCode, event.cause].filter((part) => part !== undefined).join(' '),
      });
    }
    if (before !== this.line.state || event.state === 'failed') this.host.changed();
  }

  snapshot(): DeskState['session'] {
    const remembered = this.remembered;
    return {
      phase: this.current,
      ...(this.error ? { error: this.error } : {}),
      ...(remembered
        ? {
            form: {
              ...remembered.form,
              hasSavedPassword: remembered.password !== undefined && remembered.password !== '',
            },
          }
        : {}),
      ...(this.identity ? { identity: this.identity } : {}),
    };
  }
}

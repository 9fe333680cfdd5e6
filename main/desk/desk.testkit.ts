/** What the AgentDesk tests share: a recording engine, stub memories and a signed-in desk. */
import { expect } from 'vitest';
import { AVAILABLE, type EngineCommand, type EngineEvent } from '../../common/contract';
import { dailyMetrics } from '../history/dailyMetrics';
import { HistoryRecord } from '../history/HistoryRecord';
import { createLogger } from '../log/Logger';
import { AgentDesk } from './AgentDesk';
import type { AgentDeskOptions } from './deskSettings';
import { FakeClock } from './FakeClock.testkit';
import type { SignInForm, SignInMemory } from './session/signInMemory';

export class RecordingEngine {
  readonly commands: EngineCommand[] = [];
  /**
   * The offer gate's states as sent, kept apart from `commands`: it follows every change of
   * routability, and the tests of other commands read `commands` in order.
   */
  readonly offerGates: boolean[] = [];
  /** Presence commands (D5), likewise apart: they follow status and profile changes. */
  readonly presence: EngineCommand[] = [];
  /** Whether to keep the microphone open between calls, as sent; likewise apart. */
  readonly microphoneWarm: boolean[] = [];
  send(command: EngineCommand): void {
    if (command.type === 'offer-gate') this.offerGates.push(command.ring);
    else if (command.type === 'microphone-warm') this.microphoneWarm.push(command.on);
    else if (command.type === 'presence-watch' || command.type === 'presence-publish') {
      this.presence.push(command);
    } else this.commands.push(command);
  }
  last(): EngineCommand | undefined {
    return this.commands.at(-1);
  }
  types(): string[] {
    return this.commands.map((command) => command.type);
  }
  /** Commands sent from index `from` on (take `commands.length` before acting). */
  since(from: number): EngineCommand[] {
    return this.commands.slice(from);
  }
}

export class MemoryStub implements SignInMemory {
  saved: { form: SignInForm; password: string } | undefined;
  /** False: a computer without protected storage, the password is not kept. */
  constructor(private readonly protectsPasswords = true) {}
  load() {
    return this.saved;
  }
  save(form: SignInForm, password: string) {
    this.saved = { form, password: this.protectsPasswords ? password : '' };
    return this.protectsPasswords;
  }
  forgetPassword() {
    if (this.saved) this.saved = { ...this.saved, password: '' };
  }
}

/** A history kept in memory, parsed like the file would be. */
export class MemoryHistory {
  readonly records: HistoryRecord[] = [];
  append(record: HistoryRecord) {
    this.records.push(HistoryRecord.parse(record));
  }
  today(now: number) {
    return dailyMetrics(this.records, { now });
  }
}

export const silent = { info: () => undefined, warn: () => undefined };

/** One line of the main log, as the real logger wrote it. */
export interface LogEntry {
  level: string;
  message: string;
  data?: Record<string, unknown>;
}

/** The real logger writing into memory: what the main log file would hold, line by line. */
export class RecordingLogger {
  /** The raw lines, to check that nothing secret was written anywhere in them. */
  readonly text: string[] = [];
  private readonly logger = createLogger((line) => this.text.push(line));
  readonly info = this.logger.info;
  readonly warn = this.logger.warn;

  /** Every line without its timestamp. */
  entries(): LogEntry[] {
    return this.text.map((line) => {
      const { at: _at, ...entry } = JSON.parse(line) as LogEntry & { at: string };
      return entry;
    });
  }

  /** The lines carrying this message. */
  named(message: string): LogEntry[] {
    return this.entries().filter((entry) => entry.message === message);
  }
}

export const REQUEST = {
  serverUrl: 'wss://sip.example.com',
  sipUri: 'sip:agent1@example.com',
  authUser: 'agent1',
  password: 'secret',
  displayName: 'Agent One',
};

/** A desk signed in with the last status Available remembered, so it is routable at once. */
export async function availableDesk(options: Partial<AgentDeskOptions> = {}) {
  const engine = new RecordingEngine();
  const clock = new FakeClock();
  const desk = new AgentDesk({
    engine,
    clock,
    memory: new MemoryStub(),
    logger: silent,
    statusMemory: { load: () => AVAILABLE, save: () => undefined },
    ...options,
  });
  const pending = desk.signIn(REQUEST);
  desk.handleEngineEvent({ type: 'registration', state: 'registered' });
  await pending;
  return { engine, clock, desk };
}

/** A desk not signed in yet, where most AgentDesk tests start: a new one for each test. */
export function newDesk(overrides: Partial<AgentDeskOptions> = {}) {
  const engine = new RecordingEngine();
  const clock = new FakeClock();
  const memory = new MemoryStub();
  const desk = new AgentDesk({ engine, clock, memory, logger: silent, ...overrides });
  return { engine, clock, memory, desk };
}

/** The steps those tests take, on whichever desk `current` gives (the test's own). */
export function deskSteps(current: () => AgentDesk) {
  const emit = (event: EngineEvent) => current().handleEngineEvent(event);

  /** Signed in with nothing remembered: Offline, the line unregistered again. */
  async function signedIn(): Promise<void> {
    const result = current().signIn(REQUEST);
    emit({ type: 'registration', state: 'registered' });
    expect(await result).toEqual({ ok: true });
    emit({ type: 'registration', state: 'unregistered' });
  }

  async function available(): Promise<void> {
    await signedIn();
    expect(current().setStatus(AVAILABLE)).toEqual({ ok: true });
    emit({ type: 'registration', state: 'registered' });
    expect(current().snapshot().agent.routable).toBe(true);
  }

  function offer(callId = 'call-1', user = 'customer1'): void {
    emit({
      type: 'incoming',
      callId,
      from: { user, uri: `sip:${user}@x`, displayName: 'Customer' },
      headers: {},
    });
  }

  return { emit, signedIn, available, offer };
}

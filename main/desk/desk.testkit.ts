/** What the AgentDesk tests share: a recording engine, stub memories and a signed-in desk. */
import { AVAILABLE, type EngineCommand } from '../../common/contract';
import { dailyMetrics } from '../history/dailyMetrics';
import { HistoryRecord } from '../history/HistoryRecord';
import { createLogger } from '../log/Logger';
import { AgentDesk, type AgentDeskOptions } from './AgentDesk';
import { FakeClock } from './FakeClock.testkit';
import type { SignInForm, SignInMemory } from './session/signInMemory';

export class RecordingEngine {
  readonly commands: EngineCommand[] = [];
  send(command: EngineCommand): void {
    this.commands.push(command);
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
  load() {
    return this.saved;
  }
  save(form: SignInForm, password: string) {
    this.saved = { form, password };
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

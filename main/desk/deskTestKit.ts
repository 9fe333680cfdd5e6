/** What the AgentDesk tests share: a recording engine, stub memories and a signed-in desk. */
import { AVAILABLE, type EngineCommand } from '../../preload/contract';
import { dailyMetrics } from '../history/dailyMetrics';
import { HistoryRecord } from '../history/HistoryRecord';
import { AgentDesk, type AgentDeskOptions, type SignInForm, type SignInMemory } from './AgentDesk';
import { FakeClock } from './FakeClock';

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

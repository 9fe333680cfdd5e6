/** A desk with a customer's call connected, and the ways the in-call tests drive it. */
import { expect } from 'vitest';
import {
  DeskState,
  type Contact,
  type EngineCommand,
  type EngineEvent,
} from '../../../common/contract';
import type { ContactRecord } from '../../history/HistoryRecord';
import type { AgentDeskOptions } from '../deskSettings';
import { availableDesk, MemoryHistory } from '../desk.testkit';

/** The customer's callId, which is the contact's id. */
export const CUSTOMER = 'cust';

export const QUICK_CONNECTS: AgentDeskOptions['quickConnects'] = [
  { id: 'bob', kind: 'agent', name: 'Bob (supervisor)', target: 'sip:bob@example.com' },
  { id: 'billing', kind: 'queue', name: 'Billing', target: 'sip:billing@pbx.example.com' },
];

/** A desk with the customer's call connected, and a few ways to drive it. */
export async function onCall(
  options: Partial<AgentDeskOptions> = {},
  headers: Record<string, string> = {},
) {
  const history = new MemoryHistory();
  const kit = await availableDesk({ quickConnects: QUICK_CONNECTS, history, ...options });
  const { desk, engine } = kit;
  const emit = (event: EngineEvent) => desk.handleEngineEvent(event);
  emit({
    type: 'incoming',
    callId: CUSTOMER,
    from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
    headers,
  });
  if (desk.snapshot().contacts[0]?.state === 'incoming') desk.contactIntents.accept(CUSTOMER);
  emit({ type: 'confirmed', callId: CUSTOMER });
  const contact = (): Contact => {
    const state = desk.snapshot();
    DeskState.parse(state);
    return state.contacts[0]!;
  };
  /** Commands the next action sends. */
  const mark = () => {
    const from = engine.commands.length;
    return (): EngineCommand[] => engine.since(from);
  };
  const ended = (callId: string, originator: 'local' | 'remote' = 'remote', failed = false) =>
    emit({
      type: 'ended',
      callId,
      originator,
      cause: failed ? 'Busy' : 'Terminated',
      failed,
      ...(failed ? { statusCode: 486 } : {}),
    });
  /** Consults `number` and returns the new leg's callId, answered unless told otherwise. */
  const consult = (number = '+442071838750', answer = true): string => {
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number })).toEqual({ ok: true });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const callId = contact().thirdParty!.callId;
    if (answer) emit({ type: 'confirmed', callId });
    return callId;
  };
  return { ...kit, history, emit, contact, mark, ended, consult };
}

export function contactRecords(history: MemoryHistory): ContactRecord[] {
  return history.records.filter((record): record is ContactRecord => record.type === 'contact');
}

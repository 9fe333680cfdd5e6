/**
 * The agent's registration at the SIP server, kept through the registration table, and the
 * engine commands that change it.
 */
import type { RegistrationState } from '../../../common/contract';
import type { EnginePort } from '../ports';
import {
  mayRegister,
  mayUnregister,
  nextRegistrationState,
  type RegistrationEvent,
} from './registrationMachine';

export class PhoneLine {
  private current: RegistrationState = 'unregistered';

  constructor(private readonly engine: EnginePort) {}

  get state(): RegistrationState {
    return this.current;
  }

  get registered(): boolean {
    return this.current === 'registered';
  }

  move(event: RegistrationEvent): void {
    this.current = nextRegistrationState(this.current, event);
  }

  /**
   * Registers when the agent needs the line and unregisters when they do not. Called only on
   * the agent's changes (status, a cleared contact), never because the server answered, so a
   * server that keeps refusing us cannot start a register loop.
   */
  reconcile(wanted: boolean): void {
    if (wanted && mayRegister(this.current)) {
      this.move('register');
      this.engine.send({ type: 'register' });
    } else if (!wanted && mayUnregister(this.current)) {
      this.move('unregister');
      this.engine.send({ type: 'unregister' });
    }
  }
}

/** Sign-in on a computer that cannot protect a saved password (Reliability item 11c). */
import { describe, expect, it } from 'vitest';
import { availableDesk, MemoryStub } from '../desk.testkit';

describe('AgentDesk sign-in: the password is remembered only where the OS protects it', () => {
  it('tells the agent the password will not be remembered when the memory could not save it', async () => {
    const { desk } = await availableDesk({ memory: new MemoryStub(false) });
    expect(desk.snapshot().notice).toMatchObject({ level: 'info', code: 'passwordNotRemembered' });
  });

  it('says nothing about the password when it was saved protected', async () => {
    const { desk } = await availableDesk({ memory: new MemoryStub(true) });
    expect(desk.snapshot().notice?.code).not.toBe('passwordNotRemembered');
  });
});

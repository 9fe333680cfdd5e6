/** Forgetting the saved password (A2): a shared workstation keeps the account, not the password. */
import { describe, expect, it } from 'vitest';
import { availableDesk, MemoryStub, newDesk, REQUEST } from '../desk.testkit';

describe('AgentDesk: forgetting the saved password', () => {
  it('after sign-out keeps the account in the form, forgets the password, and refuses an empty one', async () => {
    const memory = new MemoryStub();
    const { desk } = await availableDesk({ memory });
    desk.signOut();
    expect(desk.snapshot().session.form?.hasSavedPassword).toBe(true);

    expect(desk.forgetPassword()).toEqual({ ok: true });

    expect(memory.saved).toEqual({
      form: {
        serverUrl: REQUEST.serverUrl,
        sipUri: REQUEST.sipUri,
        authUser: REQUEST.authUser,
        displayName: REQUEST.displayName,
      },
      password: '',
    });
    expect(desk.snapshot().session.form).toMatchObject({
      sipUri: REQUEST.sipUri,
      hasSavedPassword: false,
    });
    expect(await desk.signIn({ ...REQUEST, password: '' })).toEqual({
      ok: false,
      error: { code: 'badCredentials', field: 'password' },
    });
  });

  it('while signed in keeps the session and forgets the password for the next sign-in', async () => {
    const memory = new MemoryStub();
    const { desk } = await availableDesk({ memory });
    expect(desk.forgetPassword()).toEqual({ ok: true });
    expect(desk.snapshot().session.phase).toBe('signedIn');
    expect(memory.saved?.password).toBe('');
  });

  it('with nothing remembered changes nothing', () => {
    const { desk, memory } = newDesk();
    expect(desk.forgetPassword()).toEqual({ ok: true });
    expect(memory.saved).toBeUndefined();
    expect(desk.snapshot().session.form).toBeUndefined();
  });
});

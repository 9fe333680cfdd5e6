/**
 * What Kamailio's location table holds for an address of record, asked over its control
 * socket with kamcmd (`ul.lookup`): the contacts the server would route a call to now.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SIP_DOMAIN } from './kamailio';

const run = promisify(execFile);

function controlSocket(): string {
  const socket = process.env['OPENCCP_TEST_KAMAILIO_CTL'];
  if (!socket) throw new Error('globalSetup did not run: OPENCCP_TEST_KAMAILIO_CTL missing');
  return socket;
}

/** The contact addresses registered for `user` (empty when the table has none). */
export async function registeredContacts(user: string): Promise<string[]> {
  const aor = `${user}@${SIP_DOMAIN}`;
  try {
    const { stdout } = await run('kamcmd', [
      '-s',
      `unix:${controlSocket()}`,
      'ul.lookup',
      'location',
      aor,
    ]);
    return [...stdout.matchAll(/Address:\s*(\S+)/g)].map((match) => match[1] ?? '');
  } catch (error) {
    // kamcmd exits non-zero with "404 - AOR not found" when nothing is registered.
    const output =
      String((error as { stdout?: string; stderr?: string }).stderr ?? '') +
      String((error as { stdout?: string }).stdout ?? '');
    if (/not found/i.test(output)) return [];
    throw error;
  }
}

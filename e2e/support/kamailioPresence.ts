/**
 * The presence server's tables (D5) for a test Kamailio: db_text files in the run dir, copied
 * from the empty tables Debian's `kamailio` package ships, so a fresh machine needs no
 * database server. The modules themselves come with `kamailio-presence-modules`.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's kamailio package keeps the db_text table definitions. */
const DBTEXT_SCHEMA_DIR = '/usr/share/kamailio/dbtext/kamailio';
/** The tables presence and presence_xml open (xcap too, though force_active never reads it). */
const PRESENCE_TABLES = ['presentity', 'active_watchers', 'watchers', 'xcap'] as const;

export function presenceInstallHint(): string {
  return 'Kamailio presence modules are not installed. Run: apt-get install -y kamailio-presence-modules';
}

/** True when presence.so and presence_xml.so sit beside tm.so (any Debian multiarch dir). */
export function presenceModulesInstalled(): boolean {
  const dirs: string[] = ['/usr/lib/kamailio/modules', '/usr/lib64/kamailio/modules'];
  try {
    for (const entry of readdirSync('/usr/lib')) {
      dirs.push(path.join('/usr/lib', entry, 'kamailio', 'modules'));
    }
  } catch {
    // no /usr/lib: nothing more to look at
  }
  return dirs.some(
    (d) => existsSync(path.join(d, 'presence.so')) && existsSync(path.join(d, 'presence_xml.so')),
  );
}

/** Writes `<runDir>/db` with the presence tables and a version table naming only them. */
export async function writePresenceTables(runDir: string): Promise<void> {
  const db = path.join(runDir, 'db');
  await mkdir(db, { recursive: true });
  const versions = await readFile(path.join(DBTEXT_SCHEMA_DIR, 'version'), 'utf8');
  const [header = '', ...rows] = versions.split('\n');
  const kept = rows.filter((row) => PRESENCE_TABLES.some((table) => row.startsWith(`0:${table}:`)));
  await writeFile(path.join(db, 'version'), [header, ...kept, ''].join('\n'));
  for (const table of PRESENCE_TABLES) {
    await copyFile(path.join(DBTEXT_SCHEMA_DIR, table), path.join(db, table));
  }
}

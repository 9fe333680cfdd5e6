/**
 * Writes the diagnostics export (SPEC G6) as a folder next to the history exports: the agent
 * zips it or IT picks it up. A folder rather than a zip: it needs no archive library, the agent
 * can look inside before sending it, and every OS zips a folder in two clicks.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticsFiles, type DiagnosticsInput } from './DiagnosticsReport';

export interface DiagnosticsSources {
  /** The log file and a way to make sure what was logged so far is in it. */
  log: { file: string; flush(): Promise<void> } | undefined;
  /** The contact history file (JSON lines), read only when the agent ticks it. */
  historyFile: string;
  gather(): Omit<DiagnosticsInput, 'logLines' | 'history'>;
}

export async function writeDiagnostics(
  sources: DiagnosticsSources,
  exportDir: string,
  now: number,
  includeHistory: boolean,
): Promise<string> {
  await sources.log?.flush();
  const logLines = sources.log ? readLines(sources.log.file) : [];
  const history = includeHistory ? readLines(sources.historyFile) : undefined;
  const files = diagnosticsFiles({
    ...sources.gather(),
    logLines,
    ...(history ? { history } : {}),
  });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const folder = join(exportDir, `openccp-diagnostics-${stamp}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
  } catch {
    // No log or history yet (a first start): the section is empty, the export still works.
    return [];
  }
}

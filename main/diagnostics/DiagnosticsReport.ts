/**
 * What the diagnostics export holds (SPEC G6), as files of one folder the agent can zip and send
 * to IT. Built from what main already has, every text passed through redactText/redactJson:
 *
 *   about.json        app, Electron, Chromium and Node versions; OS, architecture
 *   log.txt           the last lines of the main log (default 2000)
 *   devices.json      audio devices and roles in use, the headset
 *   sip-errors.json   the log's failures that carry a SIP or sign-in error code
 *   connection.json   registration now, and the connection history from the log
 *   profile.json      the provisioning profile in force, the policy's locks and its problem
 *   history.jsonl     the contact history, only when the agent ticks it
 *
 * Pure: main/diagnostics/writeDiagnostics.ts gathers the inputs and writes the files.
 */
import { redactJson, redactText } from './redactText';

export const DEFAULT_LOG_LINES = 2000;

export interface DiagnosticsInput {
  about: {
    app: string;
    electron: string | undefined;
    chromium: string | undefined;
    node: string;
    os: string;
    arch: string;
  };
  /** The log, oldest first, as written (one JSON object per line). */
  logLines: readonly string[];
  devices: unknown;
  registration: unknown;
  profile: unknown;
  /** The contact history lines, given only when the agent ticked "include my contacts". */
  history?: readonly string[];
  logLineCount?: number;
}

export type DiagnosticsFiles = Record<string, string>;

/** Log messages that say how the line to the server went (Session, AgentDesk). */
const CONNECTION_MESSAGE = /^(signed (in|out)|sign-in|connection|engine lost|registration)/i;

export function diagnosticsFiles(input: DiagnosticsInput): DiagnosticsFiles {
  const lines = input.logLines
    .slice(-(input.logLineCount ?? DEFAULT_LOG_LINES))
    .map((line) => redactText(line));
  const parsed = lines.flatMap((line) => {
    const entry = parseLine(line);
    return entry ? [entry] : [];
  });
  const json = (value: unknown) => `${JSON.stringify(redactJson(value), null, 2)}\n`;
  const files: DiagnosticsFiles = {
    'about.json': json(input.about),
    'log.txt': lines.length > 0 ? `${lines.join('\n')}\n` : '',
    'devices.json': json(input.devices),
    'sip-errors.json': json(parsed.filter(hasErrorCode)),
    'connection.json': json({
      now: input.registration,
      history: parsed.filter((entry) => CONNECTION_MESSAGE.test(entry.message)),
    }),
    'profile.json': json(input.profile),
  };
  if (input.history) {
    files['history.jsonl'] = input.history.map((line) => redactText(line)).join('\n');
  }
  return files;
}

interface LogEntry {
  at: string;
  level: string;
  message: string;
  data?: Record<string, unknown>;
}

function parseLine(line: string): LogEntry | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && 'message' in value) {
      // A line of our own log writer: {"at","level","message","data"} (main/log/Logger.ts).
      return value as LogEntry;
    }
  } catch {
    // Not one of our lines (a crash trace, a truncated write): stays in log.txt only.
  }
  return undefined;
}

/** A SIP status (3xx-6xx) or a sign-in error code anywhere in the line's data. */
function hasErrorCode(entry: LogEntry): boolean {
  const text = JSON.stringify(entry.data ?? {});
  return (
    /"(status|statusCode|code|cause)":\s*"?[3-6]\d\d\b/.test(text) ||
    /\b[3-6]\d\d [A-Z][a-z]/.test(text) ||
    (entry.level !== 'info' && /"code":"[a-zA-Z]+"/.test(text))
  );
}

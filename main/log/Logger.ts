/**
 * Structured log lines for diagnostics. Keys that may carry secrets are masked here, once,
 * so no caller can leak a password into a support export by accident.
 */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export type LogSink = (line: string) => void;

const SECRET_KEY = /pass(word)?|secret|credential|token|authorization/i;

export function redact(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (SECRET_KEY.test(key)) out[key] = '***';
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = redact(value as Record<string, unknown>);
    } else out[key] = value;
  }
  return out;
}

export function createLogger(sink: LogSink, now: () => number = Date.now): Logger {
  const write = (level: string) => (message: string, data?: Record<string, unknown>) =>
    sink(
      JSON.stringify({
        at: new Date(now()).toISOString(),
        level,
        message,
        ...(data ? { data: redact(data) } : {}),
      }),
    );
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

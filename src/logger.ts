// Structured JSON logs, one object per line. Log case ids and Slack ids, never message bodies or secrets.
export type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Patterns of secrets that must never reach a log line, whatever a caller passed in. */
const SECRET = /\b(xox[abpr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

export function createLogger(level: Level, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`), base: Record<string, unknown> = {}): Logger {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < RANK[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...fields }, (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message } : v);
    write(line.replace(SECRET, "[redacted]"));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

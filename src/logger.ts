// Structured JSON logs, one object per line, written by pino. Log case ids and Slack ids, never message bodies or
// secrets: known secret fields are redacted by name, and any token that still reaches a line (inside an error
// message, a URL) is blanked by pattern just before the line is written.
import { pino, type DestinationStream } from "pino";

export type Level = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Patterns of secrets that must never reach a log line, whatever a caller passed in. */
const SECRET = /\b(xox[abpr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

/** Fields that hold secrets whatever their value looks like (a signing secret has no recognisable shape). */
const SECRET_FIELDS = [
  "token", "botToken", "appToken", "signingSecret", "password", "authorization", "secret",
  "*.token", "*.botToken", "*.appToken", "*.signingSecret", "*.password", "*.authorization", "*.secret",
  "headers.authorization", 'headers["x-slack-signature"]',
];

/** Errors are logged by name and message: their stacks and attached request objects can carry payloads. */
function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (depth > 4 || value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
}

export function createLogger(level: Level, write?: (line: string) => void): Logger {
  const destination: DestinationStream | undefined = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, "")) } : undefined;
  const options = {
    level,
    base: undefined,
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (fields: Record<string, unknown>) => plain(fields) as Record<string, unknown>,
    },
    serializers: { err: (value: unknown) => plain(value) },
    redact: { paths: SECRET_FIELDS, censor: "[redacted]" },
    hooks: { streamWrite: (line: string) => line.replace(SECRET, "[redacted]") },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => p.debug(f ?? {}, m),
    info: (m, f) => p.info(f ?? {}, m),
    warn: (m, f) => p.warn(f ?? {}, m),
    error: (m, f) => p.error(f ?? {}, m),
    child: (fields) => wrap(p.child(plain(fields) as Record<string, unknown>)),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

// Whether the database is doing its job, as the app's own work sees it: /readyz reads this beside its own probe.
// A probe that reads succeeds on a full disk and while another process holds SQLite's write lock; the writes of
// real work do not. So every transaction and every background write reports how it ended, and the latest word
// wins: a fault makes the app unready until a later write succeeds.
export interface DatabaseHealth {
  /** Work that wrote to the database succeeded. */
  ok(): void;
  /** Work failed; counted only when the database itself failed (not a unique key, not a rule of the app). */
  failed(error: unknown): void;
  /**
   * A probe reached the database: that ends a fault of reaching it (a lost connection, a refused one), not a fault
   * of writing (a full disk, a held lock), which only a write that succeeds ends.
   */
  reachable(): void;
  /** The latest fault, unless a success came after it or it is older than `withinMs`. */
  fault(withinMs: number): { at: number; error: string; kind: "write" | "connection" } | null;
}

/** Errors that say the database could not do its work, whatever was asked: full, locked, unreachable, closed. */
const FAULT = new RegExp([
  "database or disk is full", "database is locked", "disk I/O error", "unable to open database", "readonly database",
  "SQLITE_(FULL|BUSY|IOERR|CANTOPEN|READONLY|CORRUPT|NOMEM)", "53100", "could not extend file", "No space left",
  "terminating connection", "Connection terminated", "connection is closed", "Server has closed the connection",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "Can't reach database", "timeout exceeded when trying to connect",
  "Operation has timed out", "Transaction API error", "the database system is (starting up|shutting down|in recovery mode)",
  "57P0[1-3]", "08(000|003|006|001|004)", "53300", "P10(01|08|17)", "P2024", "P2028",
].join("|"), "i");

/** Faults of writing, as opposed to reaching the database: a read can succeed while these go on. */
const WRITE_FAULT = /database or disk is full|database is locked|disk I\/O error|readonly database|SQLITE_(FULL|BUSY|IOERR|READONLY|CORRUPT|NOMEM)|53100|could not extend file|No space left/i;

export function isDatabaseFault(error: unknown): boolean {
  return FAULT.test(describe(error));
}

/** One line naming the failure: the last line of Prisma's message (the earlier ones can quote query arguments). */
export function faultSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const code = (error as { code?: unknown }).code;
  const last = error.message.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? error.name;
  return `${typeof code === "string" ? `${code}: ` : ""}${last}`.slice(0, 200);
}

/** A code or message as drivers give them (a string or a number); anything else says nothing. */
function plain(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message, plain((error as { code?: unknown }).code)];
  let cause: unknown = (error as { cause?: unknown }).cause ?? (error as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  for (let depth = 0; cause && depth < 3; depth += 1) {
    if (cause instanceof Error) parts.push(cause.message);
    const c = cause as { code?: unknown; originalCode?: unknown; originalMessage?: unknown; cause?: unknown };
    parts.push(plain(c.code), plain(c.originalCode), plain(c.originalMessage));
    cause = c.cause;
  }
  return parts.join(" ");
}

export function createDatabaseHealth(): DatabaseHealth {
  let lastOk = 0;
  let lastFault: { at: number; error: string; kind: "write" | "connection" } | null = null;
  return {
    ok() {
      lastOk = performance.now();
    },
    failed(error) {
      if (!isDatabaseFault(error)) return;
      lastFault = { at: performance.now(), error: faultSummary(error), kind: WRITE_FAULT.test(describe(error)) ? "write" : "connection" };
    },
    reachable() {
      if (lastFault?.kind === "connection") lastFault = null;
    },
    fault(withinMs) {
      if (!lastFault || lastFault.at < lastOk || performance.now() - lastFault.at > withinMs) return null;
      return lastFault;
    },
  };
}

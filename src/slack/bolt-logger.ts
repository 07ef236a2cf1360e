// Bolt's own log lines go through our structured logger, so there is one log format and one redaction. The types
// come from @slack/logger, Bolt's own logging package, so that the receiving thread can use this without loading Bolt.
import { LogLevel, type Logger as BoltLogger } from "@slack/logger";
import type { Logger } from "../logger.ts";

/**
 * Bolt's and the Web API client's debug lines dump request and response bodies ("http request body: {…}"), which
 * hold people's words: only their lead-in is kept, so debug logs still show which calls were made.
 */
const PAYLOAD = /[{[][\s\S]*$/;

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => logger.debug(join(msg).replace(PAYLOAD, "[payload omitted]"), { source: "bolt" }),
    info: (...msg) => logger.info(join(msg), { source: "bolt" }),
    warn: (...msg) => logger.warn(join(msg), { source: "bolt" }),
    error: (...msg) => logger.error(join(msg), { source: "bolt" }),
    setLevel: (l) => { level = l; },
    getLevel: () => level,
    setName: () => undefined,
  };
}

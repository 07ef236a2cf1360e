// Bolt's own log lines go through our structured logger, so there is one log format and one redaction.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../logger.ts";

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => logger.debug(join(msg), { source: "bolt" }),
    info: (...msg) => logger.info(join(msg), { source: "bolt" }),
    warn: (...msg) => logger.warn(join(msg), { source: "bolt" }),
    error: (...msg) => logger.error(join(msg), { source: "bolt" }),
    setLevel: (l) => { level = l; },
    getLevel: () => level,
    setName: () => undefined,
  };
}

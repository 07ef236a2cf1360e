// The language a person reads Slack in, from users.info (include_locale), kept for a while: a person's answers,
// modals and Home tab are in their own language, and asking Slack on every click would cost a call each time.
import type { WebClient } from "@slack/web-api";
import { LRUCache } from "lru-cache";
import type { Locale } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/deps.ts";

export interface PersonLocales {
  /** The person's Slack language as one of ours; null when Slack does not say or speaks another language. */
  of(userId: string): Promise<Locale | null>;
  /** What is already known of it, without asking Slack (null when nothing is). */
  known(userId: string): Locale | null;
}

/** Slack's locale ("ja-JP", "en-US", "en-GB") to one of ours; null for any other language. */
export function slackLocale(value: string | undefined | null): Locale | null {
  if (!value) return null;
  if (/^en\b/i.test(value)) return "en";
  if (/^ja\b/i.test(value)) return "ja";
  return null;
}

export interface PersonLocaleOptions {
  /** How long an answer is kept: a person rarely changes language, and a changed one shows within this time. */
  ttlMs?: number;
  /** How long "Slack could not say" is kept, so that an outage costs one call per person, not one per click. */
  failureTtlMs?: number;
  /** People kept at most; the least recently asked about are forgotten first. */
  max?: number;
}

const UNKNOWN = "unknown";
type Entry = Locale | typeof UNKNOWN;

export function slackPersonLocales(client: WebClient, clock: Clock, logger: Logger, options: PersonLocaleOptions = {}): PersonLocales {
  const ttl = options.ttlMs ?? 60 * 60_000;
  const failureTtl = options.failureTtlMs ?? 60_000;
  const cache = new LRUCache<string, Entry>({
    max: options.max ?? 10_000,
    ttl,
    // Expiry follows the app's clock (tests move it by hand), read afresh on every look-up.
    perf: { now: () => clock.now().getTime() },
    ttlResolution: 0,
    fetchMethod: async (userId, _stale, { options: entry }) => {
      try {
        const info = await client.users.info({ user: userId, include_locale: true });
        const locale = slackLocale(info.user?.locale);
        return locale ?? UNKNOWN;
      } catch (error) {
        logger.warn("could not read a person's language from Slack", { userId, error: error instanceof Error ? error.message : String(error) });
        entry.ttl = failureTtl;
        return UNKNOWN;
      }
    },
  });
  return {
    async of(userId) {
      const entry = await cache.fetch(userId);
      return entry === undefined || entry === UNKNOWN ? null : entry;
    },
    known(userId) {
      const entry = cache.get(userId);
      return entry === undefined || entry === UNKNOWN ? null : entry;
    },
  };
}

// Links to case threads for App Home, from chat.getPermalink. A thread's link never changes, and Home is published
// for every engineer after each change: permalink-cache.ts keeps the links once found, so a refresh asks Slack only
// for new threads.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.ts";
import { threadLinks } from "../permalinks.ts";

export interface ThreadRef { id: number; channelId: string; rootTs: string | null }

export class ThreadLinks {
  constructor(private readonly logger: Logger) {}

  /** Links by case id; a case whose link Slack cannot give is left out. */
  of(client: WebClient, cases: readonly ThreadRef[]): Promise<Map<number, string>> {
    return threadLinks(client, this.logger, cases);
  }
}

// One set of known links per running app (its deps), kept across publishes, people and /queue.
const known = new WeakMap<object, ThreadLinks>();

export function threadLinksOf(deps: { logger: Logger }): ThreadLinks {
  let links = known.get(deps);
  if (!links) known.set(deps, (links = new ThreadLinks(deps.logger)));
  return links;
}

/** The links Slack gives within `ms`; a slower answer leaves them out (a slash command must be answered in 3 s). */
export async function linksWithin(links: Promise<Map<number, string>>, ms: number): Promise<Map<number, string>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Map<number, string>>((resolve) => {
    timer = setTimeout(() => resolve(new Map()), ms);
  });
  try {
    return await Promise.race([links, late]);
  } finally {
    clearTimeout(timer);
  }
}

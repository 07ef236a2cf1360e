// Links to case threads (chat.getPermalink, asked once per message: see permalink-cache.ts), fetched together after the acknowledgement. A link Slack cannot give
// (the message deleted, the app out of the channel) is left out rather than failing the answer.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.ts";
import { cachedPermalink } from "./permalink-cache.ts";

export async function permalink(client: WebClient, logger: Logger, channel: string, ts: string | null | undefined): Promise<string | undefined> {
  if (!ts) return undefined;
  try {
    return await cachedPermalink(client, channel, ts);
  } catch (error) {
    logger.info("permalink unavailable", { channel, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

export async function threadLinks(client: WebClient, logger: Logger, cases: ReadonlyArray<{ id: number; channelId: string; rootTs: string | null }>): Promise<Map<number, string>> {
  const links = await Promise.all(cases.map(async (c) => [c.id, await permalink(client, logger, c.channelId, c.rootTs)] as const));
  return new Map(links.filter((l): l is readonly [number, string] => l[1] !== undefined));
}

// A case thread's link (chat.getPermalink, asked once per message: see permalink-cache.ts) for what the outbox posts to T4U's people. A link Slack cannot give (the
// thread not posted yet, the app out of the channel) leaves the message without it rather than failing it.
import type { WebClient } from "@slack/web-api";
import { cachedPermalink } from "../permalink-cache.ts";

export async function threadLink(client: WebClient, channel: string, ts: string | null): Promise<string | null> {
  if (!ts) return null;
  try {
    return (await cachedPermalink(client, channel, ts)) ?? null;
  } catch {
    return null;
  }
}

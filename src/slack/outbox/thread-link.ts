// A case thread's link (chat.getPermalink) for what the outbox posts to T4U's people. A link Slack cannot give (the
// thread not posted yet, the app out of the channel) leaves the message without it rather than failing it.
import type { WebClient } from "@slack/web-api";

export async function threadLink(client: WebClient, channel: string, ts: string | null): Promise<string | null> {
  if (!ts) return null;
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch {
    return null;
  }
}

// A message's permalink never changes, so each is asked of Slack (chat.getPermalink) once per workspace, then reused:
// a case's triage announcement is redrawn with its thread's link at every change of the case, and App Home and the
// search results link the same threads again and again. Only links Slack gave are kept; a refusal is asked again
// next time. lru-cache bounds what is kept (the least recently used links go first).
import type { WebClient } from "@slack/web-api";
import { LRUCache } from "lru-cache";

/** Enough for every case a busy desk touches in a day; a link is about 100 bytes. */
const KEPT = 5_000;

// Per workspace: a link is its workspace's. Keyed by the client's API address and token rather than the client
// object, because a delivery wraps its client (post-once.ts) and Bolt hands its listeners a client of its own.
const byWorkspace = new Map<string, LRUCache<string, string>>();

/** The permalink of a message, as chat.getPermalink gives it (undefined when Slack gives none); throws as it does. */
export async function cachedPermalink(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  const workspace = `${client.slackApiUrl}\u0000${client.token ?? ""}`;
  let links = byWorkspace.get(workspace);
  if (!links) {
    links = new LRUCache<string, string>({ max: KEPT });
    byWorkspace.set(workspace, links);
  }
  const key = `${channel}\u0000${ts}`;
  const kept = links.get(key);
  if (kept !== undefined) return kept;
  const found = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  if (found) links.set(key, found);
  return found;
}

// A post whose answer never came back (a timeout, or a crash between Slack's answer and our commit) may or may not
// have reached the channel. Retrying blindly would show the customer the same message twice, so every outbox post
// carries its outbox id in the message's metadata, and a retry first looks for it in the channel or thread: found,
// its ts is taken as the answer and nothing is posted again.
import type { ChatPostMessageArguments, ChatPostMessageResponse, WebClient } from "@slack/web-api";

export const OUTBOX_EVENT_TYPE = "incident_desk_outbox";

/** How far back a retry looks: the channel's queue waits for this message, so it is among the latest ones. */
const SEARCH_PAGES = 3;
const PAGE_SIZE = 200;

export interface OutboxAttempt {
  outboxId: number;
  /** An earlier attempt was made and may have reached Slack. */
  inDoubt: boolean;
}

/** The client a delivery uses: chat.postMessage is tagged and, when in doubt, posted only if not already there. */
export function postingOnce(client: WebClient, attempt: OutboxAttempt): WebClient {
  let part = 0;
  const postMessage = async (args: ChatPostMessageArguments): Promise<ChatPostMessageResponse> => {
    // A delivery that posts twice (rare) numbers its posts, so each is recognised on its own.
    part += 1;
    const key = { outbox_id: attempt.outboxId, part };
    if (attempt.inDoubt) {
      const ts = await findPosted(client, args.channel, args.thread_ts, key);
      if (ts) return { ok: true, channel: args.channel, ts };
    }
    return client.chat.postMessage({ ...args, metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: key } });
  };
  const chat = Object.create(client.chat, { postMessage: { value: postMessage } }) as WebClient["chat"];
  return Object.create(client, { chat: { value: chat } }) as WebClient;
}

async function findPosted(client: WebClient, channel: string, threadTs: string | undefined, key: { outbox_id: number; part: number }): Promise<string | null> {
  let cursor: string | undefined;
  for (let pageNo = 0; pageNo < SEARCH_PAGES; pageNo += 1) {
    const page = threadTs
      ? await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      : await client.conversations.history({ channel, include_all_metadata: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const message of page.messages ?? []) {
      const metadata = message.metadata;
      const payload = metadata?.event_payload as Record<string, unknown> | undefined;
      if (metadata?.event_type === OUTBOX_EVENT_TYPE && payload?.outbox_id === key.outbox_id && payload.part === key.part && message.ts) {
        return message.ts;
      }
    }
    cursor = page.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return null;
}

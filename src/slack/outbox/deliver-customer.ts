// Delivery of what the customer's side of a channel shows outside a case's own thread: the channel's entry
// message, the offer to a customer under their message (ephemeral), and the pointer from that message to the case made from it.
import { channelEntry, recordEntryTs } from "../../db/channels/delivery.ts";
import { channelLocale } from "../../db/channels/tenancy.ts";
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { translator } from "../i18n/index.ts";
import { caseLinked, caseOffer } from "../views/case-offer.ts";
import { entryMessage } from "../views/entry-message.ts";
import { caseFacts, NotYet, type DeliverDeps } from "./deliver.ts";
import { cachedPermalink } from "../permalink-cache.ts";

type CustomerPayload = Extract<OutboxPayload, { kind: "channel.entry" | "case.offer" | "case.linked" }>;

export async function deliverCustomer(deps: DeliverDeps, channelId: string, payload: CustomerPayload): Promise<void> {
  switch (payload.kind) {
    case "channel.entry":
      return deliverEntry(deps, channelId, payload.mode);
    case "case.offer": {
      const locale = await channelLocale(deps.db.client, channelId);
      // Only the author sees it, so it is in their own Slack language; the channel's where Slack does not say.
      const own = await deps.people?.of(payload.userId).catch(() => null);
      const t = translator(own ?? locale ?? deps.defaultLocale);
      // The channel both organisations read stays quiet.
      await deps.client.chat.postEphemeral({ channel: channelId, user: payload.userId, ...caseOffer(payload.sourceTs, t) });
      return;
    }
    case "case.linked": {
      const { view: v } = await caseFacts(deps, payload.caseId);
      if (!v.rootTs) throw new NotYet("root message not posted yet");
      const link = await cachedPermalink(deps.client, channelId, v.rootTs);
      await deps.client.chat.postMessage({ channel: channelId, thread_ts: payload.sourceTs, ...caseLinked(v.number, link ?? "", translator(v.locale)) });
      return;
    }
  }
}

async function deliverEntry(deps: DeliverDeps, channelId: string, mode: "repost" | "refresh" | undefined): Promise<void> {
  const { client, db } = deps;
  const channel = await channelEntry(db.client, channelId);
  const message = entryMessage(translator(channel?.locale ?? deps.defaultLocale));
  const previous = channel?.entryTs ?? null;
  if (mode === "refresh" && previous) {
    try {
      await client.chat.update({ channel: channelId, ts: previous, ...message });
      return;
    } catch (error) {
      // Someone deleted the entry message: the channel needs a new one, so fall through and post it.
      if (slackError(error) !== "message_not_found") throw error;
    }
  }
  const posted = await client.chat.postMessage({ channel: channelId, ...message });
  if (!posted.ts) return;
  await recordEntryTs(db.client, channelId, posted.ts);
  // Pinning is a convenience: a channel where the app may not pin still gets the message.
  await client.pins.add({ channel: channelId, timestamp: posted.ts }).catch(() => undefined);
  // One pinned entry per channel: the pin moves to the new message; the old message stays (its buttons still work).
  if (previous && previous !== posted.ts) await client.pins.remove({ channel: channelId, timestamp: previous }).catch(() => undefined);
}

function slackError(error: unknown): string | null {
  const data = typeof error === "object" && error !== null ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === "string" ? data.error : null;
}

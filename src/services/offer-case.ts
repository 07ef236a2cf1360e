// A customer wrote a new top-level message in their channel: the app offers, to its author alone, to make it a case.
// Only an offer: nothing is reserved until the customer submits the case modal (R-INC-6). Slack redelivers
// events, so the offer is keyed by the message itself: one message, one offer, however often it arrives. Quiet by
// default: no offer under a short thanks or acknowledgement, and at most one per person and channel in a few
// minutes (someone writing a question in several messages is offered once; the entry message is always there).
import { isUniqueViolation } from "../db/client.ts";
import { offeredSince, offerExists, offerText, recordOffer, reviseOfferText } from "../db/channels/offers.ts";
import { enqueue } from "../db/outbox.ts";
import { isAcknowledgement } from "../domain/acknowledgement.ts";
import { DESCRIPTION_MAX } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

export interface CustomerMessage { channelId: string; ts: string; userId: string; text: string }

export type OfferCaseResult = "offered" | "duplicate" | "acknowledgement" | "recently_offered";

/** How long after an offer the same person in the same channel gets no other. */
export const OFFER_QUIET_MS = 5 * 60_000;

/** The outbox key of the offer under a message: its delivery is written once. */
export function offerKey(channelId: string, ts: string): string {
  return `offer:${channelId}:${ts}`;
}

export async function offerCase(deps: ServiceDeps, message: CustomerMessage): Promise<OfferCaseResult> {
  const now = deps.clock.now();
  if (isAcknowledgement(message.text)) return "acknowledgement";
  const key = offerKey(message.channelId, message.ts);
  // Room for Slack's markup, which the modal turns back into plain text; the modal clips to its own limit.
  const text = Array.from(message.text).slice(0, DESCRIPTION_MAX * 2).join("");
  try {
    const result = await deps.db.transaction(async (tx): Promise<OfferCaseResult> => {
      if (await offerExists(tx, { channelId: message.channelId, sourceTs: message.ts })) return "duplicate";
      if (await offeredSince(tx, message, new Date(now.getTime() - OFFER_QUIET_MS))) return "recently_offered";
      // The offer's own row keeps what the modal needs; the outbox message only delivers it and may be purged.
      await recordOffer(tx, { channelId: message.channelId, sourceTs: message.ts, userId: message.userId, text, at: now });
      await enqueue(tx, message.channelId, { kind: "case.offer", sourceTs: message.ts, userId: message.userId, text }, { at: now, dedupeKey: key });
      return "offered";
    });
    if (result === "offered") deps.onOutbox?.();
    return result;
  } catch (error) {
    // Two deliveries of the same event raced; the other one wrote the offer.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/** The customer edited the message before making it a case: the modal should open with what they wrote last. */
export async function reviseOffer(deps: ServiceDeps, message: { channelId: string; ts: string; text: string }): Promise<boolean> {
  const text = Array.from(message.text).slice(0, DESCRIPTION_MAX * 2).join("");
  return reviseOfferText(deps.db.client, { channelId: message.channelId, sourceTs: message.ts }, text);
}

/** What the customer wrote under an offer, for the case modal; null when no offer was made under that message. */
export async function offeredText(deps: Pick<ServiceDeps, "db">, channelId: string, sourceTs: string): Promise<string | null> {
  return offerText(deps.db.client, { channelId, sourceTs });
}

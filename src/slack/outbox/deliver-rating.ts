// The satisfaction question of a closed case and its answered form, posted in the case's thread.
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { translator } from "../i18n/index.ts";
import { ratingDone, ratingRequest } from "../views/rating-message.ts";
import { caseFacts, NotYet, type DeliverDeps } from "./deliver.ts";

type RatingPayload = Extract<OutboxPayload, { kind: "rating.request" | "rating.refresh" }>;

export async function deliverRating(deps: DeliverDeps, channelId: string, payload: RatingPayload): Promise<void> {
  const { view: v, rating } = await caseFacts(deps, payload.caseId);
  if (!v.rootTs) throw new NotYet("root message not posted yet");
  const t = translator(v.locale);
  if (payload.kind === "rating.request") {
    // Rated already (a redelivery after a crash, or a click on an earlier copy): ask no more.
    if (rating) return;
    await deps.client.chat.postMessage({ channel: channelId, thread_ts: v.rootTs, ...ratingRequest(v.number, v.id, t) });
    return;
  }
  if (!rating) return;
  const message = ratingDone(v.number, v.id, rating, t);
  if (rating.askTs) await deps.client.chat.update({ channel: channelId, ts: rating.askTs, ...message });
  else await deps.client.chat.postMessage({ channel: channelId, thread_ts: v.rootTs, ...message });
}

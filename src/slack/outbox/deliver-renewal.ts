// Delivery of renewals and purchase requests: the renewal question and its re-rendering with the answer, notices in
// a message's thread, the exhausted-balance notice with its button, and a request's messages on both sides. Each is
// rendered from the stored state at delivery time, in the channel's language (the triage channel: the default).
import { channelLocale } from "../../db/channels/tenancy.ts";
import { renewalAnswerOf } from "../../db/contracts/delivery.ts";
import { findRequest, recordRequestTs } from "../../db/contracts/renewals.ts";
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { channelNoticeText, translator } from "../i18n/index.ts";
import { purchaseNotice, renewalQuestion } from "../views/renewal-message.ts";
import { requestCustomerMessage, requestTriageMessage } from "../views/request-message.ts";
import { NotYet, type DeliverDeps } from "./deliver.ts";

export type RenewalPayload = Extract<OutboxPayload, { kind: "renewal.notice" | "renewal.refresh" | "thread.notice" | "purchase.notice" | "request.post" | "request.refresh" | "request.notice" }>;

async function localeOf(deps: DeliverDeps, channelId: string): Promise<"ja" | "en"> {
  return (await channelLocale(deps.db.client, channelId)) ?? deps.defaultLocale;
}

async function renewal(deps: DeliverDeps, contractId: number, params: Extract<RenewalPayload, { kind: "renewal.notice" }>["params"], locale: "ja" | "en") {
  const c = await renewalAnswerOf(deps.db.client, contractId);
  if (!c) throw new Error(`contract ${contractId} not found`);
  return renewalQuestion({
    contractId, params, answer: c.renewalAnswer, answeredBy: c.renewalAnsweredBy,
    answeredOn: c.renewalAnsweredAt ? deps.calendar.localDate(c.renewalAnsweredAt) : null,
  }, translator(locale));
}

export async function deliverRenewal(deps: DeliverDeps, channelId: string, payload: RenewalPayload): Promise<void> {
  const { client } = deps;
  switch (payload.kind) {
    case "renewal.notice":
      await client.chat.postMessage({ channel: channelId, ...(await renewal(deps, payload.contractId, payload.params, await localeOf(deps, channelId))) });
      return;
    case "renewal.refresh":
      await client.chat.update({ channel: channelId, ts: payload.ts, ...(await renewal(deps, payload.contractId, payload.params, await localeOf(deps, channelId))) });
      return;
    case "thread.notice":
      await client.chat.postMessage({ channel: channelId, thread_ts: payload.threadTs, text: channelNoticeText(await localeOf(deps, channelId), payload) });
      return;
    case "purchase.notice": {
      const locale = await localeOf(deps, channelId);
      await client.chat.postMessage({ channel: channelId, ...purchaseNotice(payload.contractId, channelNoticeText(locale, payload), translator(locale)) });
      return;
    }
    case "request.post":
    case "request.refresh":
    case "request.notice":
      return deliverRequest(deps, channelId, payload);
  }
}

async function deliverRequest(deps: DeliverDeps, channelId: string, payload: Extract<RenewalPayload, { kind: "request.post" | "request.refresh" | "request.notice" }>): Promise<void> {
  const r = await findRequest(deps.db.client, payload.requestId);
  if (!r) throw new Error(`request ${payload.requestId} not found`);
  const customer = payload.side === "customer";
  const locale = customer ? await localeOf(deps, channelId) : deps.defaultLocale;
  const t = translator(locale);
  const message = customer ? requestCustomerMessage(r, t) : requestTriageMessage(r, t);
  const ts = customer ? r.channelTs : r.triageTs;
  if (payload.kind === "request.post") {
    if (ts) return; // posted before a crash kept it from being marked delivered
    const posted = await deps.client.chat.postMessage({ channel: channelId, ...message });
    if (posted.ts) await recordRequestTs(deps.db.client, r.id, payload.side, posted.ts);
    return;
  }
  if (!ts) throw new NotYet("request message not posted yet");
  if (payload.kind === "request.refresh") {
    await deps.client.chat.update({ channel: channelId, ts, ...message });
    return;
  }
  await deps.client.chat.postMessage({ channel: channelId, thread_ts: ts, text: channelNoticeText(locale, payload) });
}

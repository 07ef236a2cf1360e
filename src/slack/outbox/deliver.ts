// Turns one outbox payload into the Slack call it stands for, rendered from the case's state at delivery time.
import type { WebClient } from "@slack/web-api";
import { storeRootTs, storeTriageTs } from "../../db/cases/delivery.ts";
import { channelLocale } from "../../db/channels/tenancy.ts";
import type { Database } from "../../db/client.ts";
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { loadCaseViews, type CaseView, type RatingFacts } from "../../services/case-view.ts";
import type { DeliveryRound } from "./round.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { caseNumber } from "../../domain/case.ts";
import { caseNoticeText, channelNoticeText, translator } from "../i18n/index.ts";
import { caseMessage } from "../views/case-message.ts";
import { closedReply } from "../views/entry-message.ts";
import { deliverCustomer } from "./deliver-customer.ts";
import { deliverProposal } from "./deliver-proposal.ts";
import { digestMessage } from "../views/digest.ts";
import { deliverDigestChart } from "./deliver-digest-chart.ts";
import { deliverRating } from "./deliver-rating.ts";
import { deliverRenewal } from "./deliver-renewal.ts";
import { deliverNotifications } from "./deliver-notifications.ts";
import { threadLink } from "./thread-link.ts";
import { enqueueMany, triageChannelOfCase } from "../../db/outbox.ts";
import { triageMessage } from "../views/triage-message.ts";
import type { PersonLocales } from "../person-locales.ts";

/** The message cannot be delivered yet (e.g. its case's root message is not posted): try again shortly. */
export class NotYet extends Error {}

/** The message is meant for a later time (notifications waiting for the rest of their minute): try it again then. */
export class Later extends Error {
  constructor(readonly at: Date) {
    super(`due at ${at.toISOString()}`);
  }
}

export type DeliverDeps = Pick<ServiceDeps, "db" | "calendar" | "clock"> & {
  client: WebClient;
  defaultLocale: "ja" | "en";
  /** Each person's Slack language, for what only they see (the offer under their message). */
  people?: PersonLocales;
  /** The dispatcher's round this delivery belongs to: the cases read once for all its messages. */
  round?: DeliveryRound;
};

/** The case as it is now (as this round read it), with its rating. */
export async function caseFacts(deps: DeliverDeps, caseId: number): Promise<{ view: CaseView; rating: RatingFacts | null }> {
  const facts = deps.round ? await deps.round.case(caseId) : (await loadCaseViews(deps, [caseId])).get(caseId);
  if (!facts) throw new Error(`case ${caseId} not found`);
  return facts;
}

async function view(deps: DeliverDeps, caseId: number): Promise<CaseView> {
  return (await caseFacts(deps, caseId)).view;
}

export async function deliver(deps: DeliverDeps, channelId: string, payload: OutboxPayload): Promise<void> {
  const { client, db } = deps;
  switch (payload.kind) {
    case "channel.entry":
    case "case.offer":
    case "case.linked":
      return deliverCustomer(deps, channelId, payload);
    case "proposal.request":
    case "proposal.refresh":
      return deliverProposal(deps, channelId, payload);
    case "rating.request":
    case "rating.refresh":
      return deliverRating(deps, channelId, payload);
    case "person.notifications":
      return deliverNotifications(deps, payload.userId);
    case "digest.chart":
      return deliverDigestChart(deps, channelId, payload);
    case "digest.post":
      await client.chat.postMessage({ channel: channelId, ...digestMessage(payload.figures, translator(deps.defaultLocale)) });
      return;
    case "renewal.notice":
    case "renewal.refresh":
    case "thread.notice":
    case "purchase.notice":
    case "request.post":
    case "request.refresh":
    case "request.notice":
      return deliverRenewal(deps, channelId, payload);
    case "case.root": {
      const v = await view(deps, payload.caseId);
      if (v.rootTs) return; // posted before a crash kept it from being marked delivered
      const posted = await client.chat.postMessage({ channel: channelId, ...caseMessage(v, translator(v.locale)) });
      if (!posted.ts) return;
      const ts = posted.ts;
      // The triage channel is where the case's announcement was sent (none: it was never announced). A root
      // message written since carries it; one written before looks it up.
      const triage = payload.triageChannel !== undefined ? payload.triageChannel : await triageChannelOfCase(db, v.id);
      // The triage announcement waits for its root message when both are in one round (DeliveryRound.rootPosted)
      // and then goes out once, with the thread's link. One that went out first, without the link (the root was
      // in an earlier round that failed, or in a later one), is redrawn once now that the thread exists.
      const redraw = await db.transaction(async (tx) => {
        const { stored, triageTs } = await storeRootTs(tx, v.id, ts);
        if (!stored || !triage || !triageTs) return false;
        await enqueueMany(tx, [{ channelId: triage, caseId: v.id, payload: { kind: "triage.refresh", caseId: v.id } }], { at: deps.clock.now() });
        return true;
      });
      if (redraw && deps.round) deps.round.lookAgain = true;
      await deps.round?.posted(v.id, { rootTs: ts });
      return;
    }
    case "case.refresh": {
      const v = await view(deps, payload.caseId);
      if (!v.rootTs) throw new NotYet("root message not posted yet");
      await client.chat.update({ channel: channelId, ts: v.rootTs, ...caseMessage(v, translator(v.locale)) });
      return;
    }
    case "case.notice": {
      const v = await view(deps, payload.caseId);
      if (!v.rootTs) throw new NotYet("root message not posted yet");
      const text = caseNoticeText(v.locale, payload, v.number);
      await client.chat.postMessage({ channel: channelId, thread_ts: v.rootTs, text });
      return;
    }
    case "triage.root": {
      await deps.round?.rootPosted(payload.caseId, channelId);
      const v = await view(deps, payload.caseId);
      if (v.triageTs) return;
      const link = await threadLink(client, v.channelId, v.rootTs);
      const posted = await client.chat.postMessage({ channel: channelId, ...triageMessage(v, translator(deps.defaultLocale), link ?? undefined) });
      if (!posted.ts) return;
      const triageTs = posted.ts;
      // Posted without the link while the thread was being posted: the root's delivery did not see this one's ts,
      // so this one asks for the redraw (see storeRootTs). A link Slack could not give is asked for again too.
      const redraw = await db.transaction(async (tx) => {
        const rootTs = await storeTriageTs(tx, v.id, triageTs);
        if (link || !rootTs) return false;
        await enqueueMany(tx, [{ channelId, caseId: v.id, payload: { kind: "triage.refresh", caseId: v.id } }], { at: deps.clock.now() });
        return true;
      });
      if (redraw && deps.round) deps.round.lookAgain = true;
      await deps.round?.posted(v.id, { triageTs });
      return;
    }
    case "triage.refresh": {
      const v = await view(deps, payload.caseId);
      if (!v.triageTs) throw new NotYet("triage message not posted yet");
      const link = await threadLink(client, v.channelId, v.rootTs);
      await client.chat.update({ channel: channelId, ts: v.triageTs, ...triageMessage(v, translator(deps.defaultLocale), link ?? undefined) });
      return;
    }
    case "triage.notice": {
      const v = await view(deps, payload.caseId);
      if (!v.triageTs) throw new NotYet("triage message not posted yet");
      await client.chat.postMessage({ channel: channelId, thread_ts: v.triageTs, text: caseNoticeText(deps.defaultLocale, payload, v.number) });
      return;
    }
    case "closed.reply": {
      const v = await view(deps, payload.caseId);
      await client.chat.postMessage({ channel: channelId, thread_ts: payload.threadTs, ...closedReply(v.number, v.id, translator(v.locale)) });
      return;
    }
    case "channel.notice": {
      const locale = await localeOfChannel(db, channelId, deps.defaultLocale);
      // An alert about a case with no triage thread names the case; rows written before it carried a caseId had
      // the number among their parameters.
      const text = "caseId" in payload ? caseNoticeText(locale, payload, caseNumber(payload.caseId)) : channelNoticeText(locale, payload);
      await client.chat.postMessage({ channel: channelId, text });
      return;
    }
  }
}

async function localeOfChannel(db: Database, channelId: string, fallback: "ja" | "en"): Promise<"ja" | "en"> {
  return (await channelLocale(db.client, channelId)) ?? fallback;
}

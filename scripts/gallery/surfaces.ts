// Every surface the app shows, rendered by the real view builders from sample data, in each state and both
// languages: the gallery (scripts/gallery.ts) draws them, and the catalogue tests read what customers would see.
import type { View } from "@slack/types";
import type { Locale } from "../../src/config.ts";
import type { CaseState } from "../../src/domain/case.ts";
import type { RefusalReason } from "../../src/domain/contract.ts";
import type { CaseView } from "../../src/services/case-view.ts";
import type { ChannelCase } from "../../src/services/channel-cases.ts";
import type { ProposalView } from "../../src/services/proposal-view.ts";
import type { Queue } from "../../src/services/queue.ts";
import { t, translator } from "../../src/slack/i18n/index.ts";
import { CUSTOMER_REFUSALS, customerRefusal } from "../../src/slack/refusals.ts";
import { caseMessage } from "../../src/slack/views/case-message.ts";
import {
  assignModal, cancelDefectModal, declineScopeModal, expectedDateModal, levelAModal, lowerLevelModal, splitModal,
} from "../../src/slack/views/case-modals.ts";
import { caseLinked, caseOffer } from "../../src/slack/views/case-offer.ts";
import { channelCasesModal } from "../../src/slack/views/channel-cases-modal.ts";
import { closedReply, entryMessage } from "../../src/slack/views/entry-message.ts";
import { homeView } from "../../src/slack/views/home.ts";
import { openCaseModal } from "../../src/slack/views/open-case-modal.ts";
import { proposalMessage } from "../../src/slack/views/proposal-message.ts";
import { queueMessage } from "../../src/slack/views/queue.ts";
import { ratingCommentModal, ratingDone, ratingRequest } from "../../src/slack/views/rating-message.ts";
import { staffMenuModal } from "../../src/slack/views/staff-menu.ts";
import { triageMessage } from "../../src/slack/views/triage-message.ts";

export type Audience = "customer" | "staff";
/** Where it appears: posted in the customer's shared channel (or a thread there), or only to one person. */
export type Place = "channel" | "ephemeral" | "modal" | "home" | "triage";

export interface Surface {
  /** Stable id, also the anchor in the gallery. */
  id: string;
  /** The surface's heading in the gallery (one per surface, whatever its states). */
  heading: string;
  state: string;
  audience: Audience;
  place: Place;
  locale: Locale;
  /** A message's text (its notification line), or the whole of a text-only answer. */
  text?: string;
  blocks: readonly unknown[];
  /** A modal's or Home tab's own parts (title, submit, close). */
  view?: Pick<View, "type"> & { title?: { text: string }; submit?: { text: string }; close?: { text: string } };
}

export const CONTACT = "T4U株式会社 サポートサービス窓口（support@t4u.example / 03-0000-0000）";
const TITLES: Record<Locale, string[]> = {
  ja: ["帳票の文字化け", "ログイン画面が表示されない", "バックアップが失敗する", "印刷が遅い", "ライセンスの移行について", "検索結果が古い"],
  en: ["Garbled characters in reports", "Login screen does not appear", "Backup fails", "Printing is slow", "Moving a licence", "Search shows old results"],
};
const STATES: CaseState[] = ["open", "in_progress", "answered", "resolved", "closed", "cancelled", "declined"];

function caseView(state: CaseState, locale: Locale, over: Partial<CaseView> = {}): CaseView {
  return {
    id: 12, number: "#0012", customerName: "株式会社サンプル", channelId: "C0CUSTOMER",
    title: locale === "ja" ? "ライセンス認証でエラー E-1024 が表示される" : "Licence activation fails with error E-1024",
    description: locale === "ja" ? "更新後、ライセンス認証の画面でエラーが表示されます。" : "Since the update the activation screen shows an error.",
    product: "らかん 3.2", level: "normal", levelReason: null, incidents: 1, state, openedBy: "U0CUST1",
    assigneeId: state === "open" ? null : "U0ENG1", rootTs: "1796000000.000100", triageTs: "1796000000.000200",
    createdAt: new Date("2026-12-01T01:00:00Z"), autoCloseOn: state === "answered" ? "2026-12-15" : null,
    expectedAnswerOn: state === "in_progress" ? "2026-12-03" : null, firstResponseDueAt: new Date("2026-12-01T05:00:00Z"),
    available: 9, locale, ...over,
  };
}

function proposal(kind: "level_a" | "split", state: ProposalView["state"], locale: Locale): ProposalView {
  return {
    id: 3, caseId: 12, number: "#0012", channelId: "C0CUSTOMER", rootTs: "1796000000.000100", locale,
    kind: kind === "split" ? { kind: "split" } : { kind: "level_a", levelReason: "report" },
    reason: locale === "ja" ? "障害の再現と報告書の作成が必要なため" : "Reproducing the fault and writing a report are needed",
    parts: kind === "split" ? (locale === "ja" ? ["ライセンス認証エラー", "帳票の文字化け"] : ["Licence error", "Garbled report"]) : [],
    before: 1, after: kind === "split" ? 2 : 3, state, proposedBy: "U0ENG1", decidedBy: state === "pending" ? null : "U0CUST1",
    available: 9, approvers: [],
  };
}

function channelCase(id: number, state: CaseState, locale: Locale, over: Partial<ChannelCase> = {}): ChannelCase {
  return {
    id, number: `#${String(id).padStart(4, "0")}`, state, level: "normal", incidents: 1, rootTs: `179600000${id}.000100`,
    title: TITLES[locale][id % TITLES[locale].length]!, openedOn: "2026-11-24", closedOn: null, ...over,
  };
}

function queue(locale: Locale): Queue {
  const row = (id: number, state: CaseState, waitingOn: "t4u" | "customer", ageBusinessDays: number) => ({
    id, number: `#${String(id).padStart(4, "0")}`, title: TITLES[locale][id % TITLES[locale].length]!, customerName: "株式会社サンプル",
    channelId: "C0CUSTOMER", rootTs: `179600000${id}.000100`, level: "normal" as const, state, assigneeId: state === "open" ? null : "U0ENG1",
    waitingOn, since: new Date("2026-11-30T01:00:00Z"), ageBusinessDays, ageHours: 3, firstResponseDueAt: null,
    due: null, expectedAnswerOn: null, awaitingApproval: false,
  });
  return { rows: [row(7, "open", "t4u", 2), row(9, "in_progress", "t4u", 0), row(11, "answered", "customer", 1)], waitingOnT4U: 2, waitingOnCustomer: 1, more: 0 };
}

type Builder = (locale: Locale) => Array<Omit<Surface, "locale">>;

const message = (m: { text: string; blocks: readonly unknown[] }) => ({ text: m.text, blocks: m.blocks });
const modal = (v: View) => ({ blocks: v.blocks as readonly unknown[], view: v as Surface["view"] });

const BUILDERS: Builder[] = [
  (l) => [{ id: "entry", heading: "Entry message (customer channel)", state: "posted", audience: "customer", place: "channel", ...message(entryMessage(translator(l))) }],
  (l) => [
    ...STATES.map((s) => ({ id: "case-message", heading: "Case message (customer channel)", state: s, audience: "customer" as const, place: "channel" as const, ...message(caseMessage(caseView(s, l), translator(l))) })),
    { id: "case-message", heading: "Case message (customer channel)", state: "service level A, in progress", audience: "customer", place: "channel", ...message(caseMessage(caseView("in_progress", l, { level: "A", levelReason: "report", incidents: 3 }), translator(l))) },
  ],
  (l) => [{ id: "offer", heading: "Offer under a customer's message (ephemeral)", state: "offered", audience: "customer", place: "ephemeral", ...message(caseOffer("1796000000.000300", translator(l))) }],
  (l) => [{ id: "linked", heading: "Message became a case (thread reply)", state: "linked", audience: "customer", place: "channel", ...message(caseLinked("#0012", "https://example.slack.com/archives/C0CUSTOMER/p1796000000000100", translator(l))) }],
  (l) => [{ id: "closed-reply", heading: "Reply in a closed case's thread", state: "closed", audience: "customer", place: "channel", ...message(closedReply("#0012", 12, translator(l))) }],
  (l) => {
    const base = { metadata: { requestKey: "gallery", channelId: "C0CUSTOMER", sourceTs: null, previousCaseId: null }, channels: [], available: 9 };
    const blocked = (reason: RefusalReason) => ({
      id: "open-case-modal", heading: "Open-a-case modal", state: `blocked: ${reason}`, audience: "customer" as const, place: "modal" as const,
      ...modal(openCaseModal({ ...base, available: reason === "insufficient" ? 0 : null, blocked: { reason, contact: CONTACT } }, translator(l))),
    });
    return [
      { id: "open-case-modal", heading: "Open-a-case modal", state: "ready", audience: "customer", place: "modal", ...modal(openCaseModal(base, translator(l))) },
      blocked("insufficient"), blocked("expired"), blocked("exhausted"), blocked("no_contract"),
    ];
  },
  (l) => {
    const withCases = {
      customerName: "株式会社サンプル", moreActive: 0,
      active: [channelCase(7, "open", l), channelCase(9, "in_progress", l, { level: "A", incidents: 3 }), channelCase(11, "answered", l)],
      ended: [channelCase(5, "resolved", l, { closedOn: "2026-11-27" }), channelCase(3, "cancelled", l, { incidents: 0, closedOn: "2026-11-20" })],
    };
    const links = new Map([7, 9, 11, 5, 3].map((id) => [id, `https://example.slack.com/archives/C0CUSTOMER/p179600000${id}000100`]));
    return [
      { id: "channel-cases", heading: "「ご依頼中の案件」 (customer's cases)", state: "open and ended cases", audience: "customer", place: "modal", ...modal(channelCasesModal(withCases, links, translator(l))) },
      { id: "channel-cases", heading: "「ご依頼中の案件」 (customer's cases)", state: "no cases", audience: "customer", place: "modal", ...modal(channelCasesModal({ customerName: "株式会社サンプル", moreActive: 0, active: [], ended: [] }, new Map(), translator(l))) },
    ];
  },
  (l) => [{
    id: "balance", heading: "Balance (ephemeral)", state: "in force", audience: "customer", place: "ephemeral", blocks: [],
    text: t(l, "balance.own", { available: 9, reserved: 1, open: 1, until: "2027-03-31", contact: CONTACT }),
  }],
  (l) => CUSTOMER_REFUSALS.map((key) => ({
    id: "refusals", heading: "Refusals a customer can meet (ephemeral or inline)", state: key, audience: "customer" as const, place: "ephemeral" as const, blocks: [],
    text: key === "proposal.refused.not_approver"
      ? customerRefusal(l, CONTACT, key, { users: "<@U0APPROVER>" })
      : (customerRefusal as (l: Locale, c: string, k: string) => string)(l, CONTACT, key),
  })),
  (l) => [
    ...(["pending", "approved", "declined", "withdrawn"] as const).map((s) => ({
      id: "proposal", heading: "Proposal to the customer (thread)", state: `service level A, ${s}`, audience: "customer" as const, place: "channel" as const,
      ...message(proposalMessage(proposal("level_a", s, l), translator(l))),
    })),
    { id: "proposal", heading: "Proposal to the customer (thread)", state: "split, pending", audience: "customer", place: "channel", ...message(proposalMessage(proposal("split", "pending", l), translator(l))) },
  ],
  (l) => [
    { id: "rating", heading: "Satisfaction question (thread)", state: "asked", audience: "customer", place: "channel", ...message(ratingRequest("#0012", 12, translator(l))) },
    { id: "rating", heading: "Satisfaction question (thread)", state: "rated", audience: "customer", place: "channel", ...message(ratingDone("#0012", 12, { score: 4, comment: l === "ja" ? "迅速なご対応でした" : "Quick answer" }, translator(l))) },
    { id: "rating-comment", heading: "Rating comment modal", state: "open", audience: "customer", place: "modal", ...modal(ratingCommentModal(12, "C0CUSTOMER", translator(l))) },
  ],
  // T4U's side: the triage channel, the staff menu and its modals, the queue and App Home.
  (l) => STATES.map((s) => ({ id: "triage", heading: "Triage announcement (T4U channel)", state: s, audience: "staff" as const, place: "triage" as const, ...message(triageMessage(caseView(s, l), translator(l))) })),
  (l) => (["open", "in_progress", "answered"] as const).map((s) => ({ id: "staff-menu", heading: "「案件を操作」 staff menu", state: s, audience: "staff" as const, place: "modal" as const, ...modal(staffMenuModal(caseView(s, l), translator(l))) })),
  (l) => {
    const v = caseView("in_progress", l);
    const a = caseView("in_progress", l, { level: "A", levelReason: "report", incidents: 3 });
    return ([
      ["assign", assignModal(v, translator(l))], ["level A", levelAModal(v, translator(l))], ["split", splitModal(v, translator(l))],
      ["expected date", expectedDateModal(v, translator(l))], ["cancel as product defect", cancelDefectModal(v, translator(l))],
      ["decline as out of scope", declineScopeModal(v, translator(l))], ["lower the level", lowerLevelModal(a, translator(l))],
    ] as const).map(([state, view]) => ({ id: "case-modals", heading: "Engineers' case modals", state, audience: "staff" as const, place: "modal" as const, ...modal(view) }));
  },
  (l) => [{ id: "queue", heading: "/queue (ephemeral)", state: "three cases", audience: "staff", place: "ephemeral", ...message(queueMessage(queue(l), translator(l))) }],
  (l) => {
    const q = queue(l);
    const mine = { rows: [{ ...q.rows[1]!, next: { kind: "expected_answer" as const, on: "2026-12-03" } }], more: 0 };
    const closed = [{ id: 5, number: "#0005", title: TITLES[l][5]!, customerName: "株式会社サンプル", channelId: "C0CUSTOMER", rootTs: null, state: "resolved" as const, closedOn: "2026-11-27" }];
    const links = new Map(q.rows.map((r) => [r.id, `https://example.slack.com/archives/C0CUSTOMER/p${r.rootTs?.replace(".", "")}`]));
    return [
      { id: "home", heading: "App Home", state: "an engineer", audience: "staff", place: "home", ...modal(homeView({ engineer: { mine, queue: q, closed, muted: new Set(), links }, balances: null }, translator(l))) },
      { id: "home", heading: "App Home", state: "someone without a role", audience: "staff", place: "home", ...modal(homeView({ engineer: null, balances: null }, translator(l))) },
    ];
  },
];

export function surfaces(locales: readonly Locale[] = ["ja", "en"]): Surface[] {
  return locales.flatMap((locale) => BUILDERS.flatMap((build) => build(locale).map((s) => ({ ...s, locale }))));
}

/** Every piece of text a person reads in a surface: the message text, the view's title and buttons, each text in its blocks. */
export function textsOf(surface: Surface): string[] {
  const out: string[] = [];
  if (surface.text) out.push(surface.text);
  for (const part of [surface.view?.title, surface.view?.submit, surface.view?.close]) if (part?.text) out.push(part.text);
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === "string" && key === "text") out.push(value);
  };
  walk(surface.blocks);
  return out;
}

// What the services ask to be shown in Slack, as data. The Slack layer renders it at delivery time in the
// channel's language, from the case's state at that moment (so a late delivery never shows stale state).

import type { DigestFigures } from "../domain/digest.ts";
import type { UsageChart } from "../domain/usage-chart.ts";

import type { CaseNotice, ChannelNotice, RenewalParams } from "./notices.ts";

export type { NoticeKey, RenewalParams } from "./notices.ts";

export type OutboxPayload =
  /**
   * The case's root message in the customer channel; its ts is stored on the case. `triageChannel`: where the
   * case's announcement goes (null: it is not announced), redrawn once the root is posted; rows written without it
   * find it from the announcement's own row.
   */
  | { kind: "case.root"; caseId: number; triageChannel?: string | null }
  /** Re-render the root message in place. */
  | { kind: "case.refresh"; caseId: number }
  /** A short notice in the case's thread. */
  | ({ kind: "case.notice"; caseId: number } & CaseNotice)
  /** The case's announcement in the internal triage channel; its ts is stored on the case. */
  | { kind: "triage.root"; caseId: number }
  | { kind: "triage.refresh"; caseId: number }
  /** A reply to a customer's message after their case closed: it cannot reopen, with a button for a new case. */
  | { kind: "closed.reply"; caseId: number; threadTs: string }
  /** A notice in the internal triage thread of a case (alerts for engineers). */
  | ({ kind: "triage.notice"; caseId: number } & CaseNotice)
  /**
   * The persistent "open a case" message of a customer channel (pinned when possible). "repost" posts it anew and
   * moves the pin to it; "refresh" re-renders the current one in place (e.g. after a change of language).
   */
  | { kind: "channel.entry"; mode?: "repost" | "refresh" }
  /** In the thread of a customer's top-level message: an offer to turn it into a case (nothing is spent yet). */
  | { kind: "case.offer"; sourceTs: string; userId: string; text: string }
  /** In the thread of the message a case was made from: where the conversation continues. */
  | { kind: "case.linked"; caseId: number; sourceTs: string }
  /** In the case's thread: a proposal to raise its incidents, with Approve/Decline buttons for the customer. */
  | { kind: "proposal.request"; caseId: number; proposalId: number }
  /** Re-render a proposal message (at ts) once it is answered, without its buttons. */
  | { kind: "proposal.refresh"; caseId: number; proposalId: number; ts: string }
  /** The renewal question in a customer channel, with the customer's three answers (R-CON-4). */
  | { kind: "renewal.notice"; contractId: number; notice: "notice.renewal_due"; params: RenewalParams }
  /** Re-render a renewal question (at ts) showing the answer now recorded; its buttons stay, to change it. */
  | { kind: "renewal.refresh"; contractId: number; ts: string; params: RenewalParams }
  /** A notice in the thread of a channel's message that is not a case's (the renewal question). */
  | ({ kind: "thread.notice"; threadTs: string } & ChannelNotice)
  /** A top-level notice with a button to apply for more incidents (the exhausted balance). */
  | ({ kind: "purchase.notice"; contractId: number } & ChannelNotice)
  /** A purchase request's message, in the customer's channel or the triage channel; its ts is stored on it. */
  | { kind: "request.post"; requestId: number; side: "customer" | "triage" }
  /** Re-render a request's message in place once its state changed. */
  | { kind: "request.refresh"; requestId: number; side: "customer" | "triage" }
  /** A notice in the thread of a request's message. */
  | ({ kind: "request.notice"; requestId: number; side: "customer" | "triage" } & ChannelNotice)
  /** In a resolved or closed case's thread: how satisfied the customer is, with 1–5 buttons (asked once). */
  | { kind: "rating.request"; caseId: number }
  /** Re-render the rating question once answered: the score given, and a button to add a comment. */
  | { kind: "rating.refresh"; caseId: number }
  /** The managers' weekly digest, posted to a manager's direct message or the triage channel (the outbox channel). */
  | { kind: "digest.post"; weekOf: string; figures: DigestFigures }
  /** The chart sent with the digest: the last six months' incidents consumed per customer, drawn when delivered. */
  | { kind: "digest.chart"; weekOf: string; chart: UsageChart }
  /** A direct message to one T4U person with every personal notification waiting for them (the outbox channel is their user id). */
  | { kind: "person.notifications"; userId: string }
  /** A top-level notice in a channel (renewal, exhausted balance). */
  | ({ kind: "channel.notice" } & ChannelNotice)
  /** A top-level notice in the triage channel naming a case that has no triage thread to put it in. */
  | ({ kind: "channel.notice"; caseId: number } & CaseNotice);

// Every notice a service can ask Slack to show, with the parameters it must give. The catalogues are checked
// against this map (src/slack/i18n/index.ts): a text that needs a parameter the map does not promise, or a service
// that leaves one out, fails to compile. Parameters are what the service knows when it writes the outbox row;
// the text is chosen and filled in at delivery, in the reader's language.

/** What one of T4U's answers that ends a case tells the customer (the four endings say it with the same facts). */
export type EndNoticeParams = { user: string; incidents: number; available: number; reason: string };
/** A raised or lowered count of incidents, with what is left. */
type CountChange = { user: string; before: number; after: number; available: number };
/** A moment shown to people, already in the business timezone. */
type LocalMoment = { date: string; time: string };
/** What the renewal question says: the end, what is left, how to reach T4U, and last year's usage. */
export type RenewalParams = { endsOn: string; available: number; contact: string; consumed: number; levelA: number };
/** A customer's answer to the renewal question, and the one it replaces ("" the first time). */
type RenewalAnswerParams = { user: string; answer: string; previous: string; endsOn: string };
/** Why the outbox set a channel's messages aside. */
type HeldParams = { cause: string; channel: string };

/**
 * Notices about one case: in its thread, in its triage thread, or naming it in the triage channel. Delivery adds
 * the case's number (`number`), so services never spell it.
 */
export type CaseNoticeParams = {
  "notice.opened": { incidents: number };
  "notice.resolved": EndNoticeParams;
  "notice.auto_closed": EndNoticeParams;
  "notice.cancelled": EndNoticeParams;
  "notice.declined": EndNoticeParams;
  "notice.taken": { user: string };
  "notice.level_a_approved": CountChange;
  "notice.level_lowered": CountChange;
  "notice.proposal_declined": { user: string; incidents: number };
  "notice.split_done": CountChange & { parts: string };
  "notice.split_part": { parent: string; reason: string; incidents: number };
  "notice.expected_late": { date: string };
  "notice.unanswered_delay": { expected: string };
  "notice.auto_close_soon": LocalMoment;
  "triage.proposal_approved": { user: string; before: number; after: number };
  "triage.proposal_declined": { user: string };
  "triage.case_not_posted": HeldParams;
  "triage.case_refused": HeldParams;
  "alert.first_response_soon": LocalMoment & { customer: string };
  "alert.first_response_overdue": LocalMoment & { customer: string };
  "alert.unanswered_delay": LocalMoment & { customer: string };
  "alert.customer_wrote": { customer: string };
  "alert.case_rated": { customer: string; score: number };
};

/** Notices about a contract, a channel or the outbox itself, shown with exactly the parameters given. */
export type ChannelNoticeParams = {
  "notice.renewal_due": RenewalParams;
  "notice.contract_ended": { startsOn: string; endsOn: string; lapsed: number; open: number; contact: string };
  "notice.contract_exhausted": { endsOn: string; contact: string };
  "renewal.answered": RenewalAnswerParams;
  "renewal.changed": RenewalAnswerParams;
  "request.registered": { kind: string; incidents: number; from: string; to: string };
  "request.declined": { reason: string };
  "alert.renewal_due": { customer: string; endsOn: string; available: number };
  "alert.renewal_answered": RenewalAnswerParams & { customer: string };
  "alert.renewal_changed": RenewalAnswerParams & { customer: string };
  "alert.renewal_unanswered": { customer: string; endsOn: string; sent: string };
  "alert.contract_ended": { customer: string; startsOn: string; endsOn: string; lapsed: number; successor: string };
  "alert.contract_exhausted": { customer: string; endsOn: string; purchased: number; remaining: number };
  "alert.channel_teams_pending": { customer: string; channel: string; teams: string };
  "alert.contract_dates": { customer: string; id: number; startsOn: string; endsOn: string };
  "triage.outbox_held_channel": HeldParams;
  "triage.outbox_held_auth": HeldParams;
  // The month's usage statement in a customer channel that asked for it (month "YYYY-MM"; validUntil "" when none).
  "notice.monthly_statement": {
    name: string; month: string; casesOpened: number; casesEnded: number; consumed: number; released: number;
    purchased: number; reserved: number; available: number; validUntil: string;
  };
};

export type CaseNoticeKey = keyof CaseNoticeParams;
export type ChannelNoticeKey = keyof ChannelNoticeParams;
export type NoticeKey = CaseNoticeKey | ChannelNoticeKey;

/** A notice about a case: its key with the parameters that key needs (one union member per key). */
export type CaseNotice<K extends CaseNoticeKey = CaseNoticeKey> = { [P in K]: { notice: P; params: CaseNoticeParams[P] } }[K];
export type ChannelNotice<K extends ChannelNoticeKey = ChannelNoticeKey> = { [P in K]: { notice: P; params: ChannelNoticeParams[P] } }[K];

/** The notices that end a case: T4U's answer, the automatic close, a product defect, out of scope. */
export type EndNoticeKey = "notice.resolved" | "notice.auto_closed" | "notice.cancelled" | "notice.declined";

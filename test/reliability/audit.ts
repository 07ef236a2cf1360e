// Checks shared by the reliability suites: does the money-equivalent add up, and did every message the outbox
// owed reach Slack exactly once and in order? Each returns a list of problems (empty when all is well), so a
// failing test names every broken case at once.
import type { Database } from "../../src/db/client.ts";
import { fold, LedgerError } from "../../src/domain/ledger.ts";
import { OUTBOX_EVENT_TYPE } from "../../src/slack/outbox/post-once.ts";
import type { SlackMessage, SlackStandIn } from "../support/slack-api.ts";

const FINAL_CONSUMED = new Set(["resolved", "closed"]);
const FINAL_RELEASED = new Set(["cancelled", "declined"]);

/**
 * R-CON-7 / R-INC-6: every contract's counters are the fold of its ledger, every case holds exactly the incidents
 * it shows (reserved while active, consumed or released once ended), and no case exists without its reservation.
 */
export async function auditLedger(db: Database): Promise<string[]> {
  const problems: string[] = [];
  const contracts = await db.client.contract.findMany({ orderBy: { id: "asc" } });
  const entries = await db.client.ledgerEntry.findMany({ orderBy: { id: "asc" } });
  for (const contract of contracts) {
    const folded = fold(entries.filter((e) => e.contractId === contract.id));
    if (folded instanceof LedgerError) {
      problems.push(`contract ${contract.id}: ledger does not fold (${folded.message})`);
      continue;
    }
    for (const key of ["purchased", "available", "reserved", "consumed"] as const) {
      if (folded[key] !== contract[key]) problems.push(`contract ${contract.id}: ${key} is ${contract[key]}, ledger says ${folded[key]}`);
    }
  }
  const cases = await db.client.case.findMany({ orderBy: { id: "asc" } });
  for (const c of cases) {
    const mine = entries.filter((e) => e.caseId === c.id);
    const sum = (kind: string) => mine.filter((e) => e.kind === kind).reduce((n, e) => n + e.amount, 0);
    const reserved = sum("reserve") - sum("consume") - sum("release");
    if (!mine.some((e) => e.kind === "reserve")) problems.push(`case ${c.id}: no reservation in the ledger`);
    if (FINAL_CONSUMED.has(c.state) || FINAL_RELEASED.has(c.state)) {
      if (reserved !== 0) problems.push(`case ${c.id} (${c.state}): still holds ${reserved} reserved`);
      const consumed = sum("consume");
      const expected = FINAL_CONSUMED.has(c.state) ? c.incidents : 0;
      if (consumed !== expected) problems.push(`case ${c.id} (${c.state}): consumed ${consumed}, expected ${expected}`);
    } else if (reserved !== c.incidents) {
      problems.push(`case ${c.id} (${c.state}): holds ${reserved} reserved, shows ${c.incidents}`);
    }
  }
  return problems;
}

/** The outbox id a posted message was tagged with, if the app posted it from the outbox. */
export function outboxIdOf(message: SlackMessage): { id: number; part: number } | null {
  const m = message.metadata;
  if (m?.event_type !== OUTBOX_EVENT_TYPE) return null;
  const id = m.event_payload.outbox_id;
  const part = m.event_payload.part;
  return typeof id === "number" && typeof part === "number" ? { id, part } : null;
}

/**
 * Everything the outbox owed is delivered; each message it posted is in Slack exactly once; a case's posts appear
 * in the order they were written. (Posts of different cases in one channel follow the order their transactions
 * committed, which on PostgreSQL may differ from the order their rows were numbered.)
 */
/**
 * One outbox message per person stands for all their waiting notifications, so their count follows batching, not
 * the number of actions: counts of what a use case wrote leave it out (the notifications' own tests count them).
 */
const PERSONAL = "person_notifications";

export async function auditDelivery(db: Database, slack: SlackStandIn): Promise<string[]> {
  const problems: string[] = [];
  const rows = await db.client.outboxMessage.findMany({ orderBy: { id: "asc" } });
  for (const row of rows) {
    // A person's notifications wait a minute for others to join them: not yet due is not undelivered.
    if (row.kind === PERSONAL && !row.deliveredAt && !row.failedAt && row.lastError?.startsWith("due at")) continue;
    if (row.failedAt) problems.push(`outbox ${row.id} (${row.kind}) set aside: ${row.lastError ?? ""}`);
    else if (!row.deliveredAt) problems.push(`outbox ${row.id} (${row.kind}) never delivered (${row.attempts} attempts, ${row.lastError ?? "no error"})`);
  }
  const caseOf = new Map(rows.map((r) => [r.id, r.caseId]));
  const postsOf = new Map<number, number>();
  for (const channel of new Set(rows.map((r) => r.channelId))) {
    const tagged = slack.messages(channel).flatMap((m) => {
      const key = outboxIdOf(m);
      return key ? [{ ts: m.ts, ...key }] : [];
    }).sort((a, b) => (a.ts < b.ts ? -1 : 1));
    const seen = new Set<string>();
    const lastOfCase = new Map<number, number>();
    for (const { id, part } of tagged) {
      if (seen.has(`${id}/${part}`)) problems.push(`${channel}: outbox ${id} posted more than once`);
      seen.add(`${id}/${part}`);
      postsOf.set(id, (postsOf.get(id) ?? 0) + 1);
      const caseId = caseOf.get(id);
      if (caseId === null || caseId === undefined) continue;
      const last = lastOfCase.get(caseId) ?? 0;
      if (id < last) problems.push(`${channel}: case ${caseId}'s outbox ${id} posted after its ${last}`);
      lastOfCase.set(caseId, Math.max(last, id));
    }
  }
  // A kind that posted for one row must have posted for every row of that kind.
  // (Except a person's notifications: one message carries all that waited, the next finds none left to send.)
  const postingKinds = new Set(rows.filter((r) => postsOf.has(r.id) && r.kind !== PERSONAL).map((r) => r.kind));
  for (const row of rows) {
    if (postingKinds.has(row.kind) && row.deliveredAt && !postsOf.has(row.id)) problems.push(`outbox ${row.id} (${row.kind}) delivered but nothing in Slack`);
  }
  return problems;
}

/** Row counts of every table that a use case writes; two snapshots differ exactly by what happened between. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const c = db.client;
  const [cases, ledger, events, messages, outbox, contracts, customers, proposals] = await Promise.all([
    c.case.count(), c.ledgerEntry.count(), c.caseEvent.count(), c.caseMessage.count(), c.outboxMessage.count({ where: { kind: { not: PERSONAL } } }),
    c.contract.count(), c.customer.count(), c.proposal.count(),
  ]);
  return { cases, ledger, events, messages, outbox, contracts, customers, proposals };
}

/**
 * What each case left behind: its ledger entries, events, recorded messages, outbox entries, the posts Slack shows
 * for them and the updates of its cards. Two cases that lived through the same thing have equal footprints.
 */
export async function caseFootprints(db: Database, slack: SlackStandIn, caseIds: readonly number[]): Promise<Map<number, Record<string, number>>> {
  const where = { caseId: { in: [...caseIds] } };
  const [cases, ledger, events, messages, outbox] = await Promise.all([
    db.client.case.findMany({ where: { id: { in: [...caseIds] } }, select: { id: true, channelId: true, rootTs: true, triageTs: true } }),
    db.client.ledgerEntry.findMany({ where, select: { caseId: true } }),
    db.client.caseEvent.findMany({ where, select: { caseId: true } }),
    db.client.caseMessage.findMany({ where, select: { caseId: true } }),
    db.client.outboxMessage.findMany({ where, select: { id: true, caseId: true, channelId: true } }),
  ]);
  const result = new Map<number, Record<string, number>>(caseIds.map((id) => [id, { ledger: 0, events: 0, messages: 0, outbox: 0, posts: 0, updates: 0 }]));
  const bump = (caseId: number | null, key: string) => {
    const row = caseId === null ? undefined : result.get(caseId);
    if (row) row[key] = (row[key] ?? 0) + 1;
  };
  for (const e of ledger) bump(e.caseId, "ledger");
  for (const e of events) bump(e.caseId, "events");
  for (const m of messages) bump(m.caseId, "messages");
  const caseOfOutbox = new Map(outbox.map((o) => [o.id, o.caseId]));
  for (const o of outbox) bump(o.caseId, "outbox");
  for (const channel of new Set(outbox.map((o) => o.channelId))) {
    for (const m of slack.messages(channel)) {
      const key = outboxIdOf(m);
      if (key) bump(caseOfOutbox.get(key.id) ?? null, "posts");
    }
  }
  const caseOfCard = new Map<string, number>();
  for (const c of cases) for (const ts of [c.rootTs, c.triageTs]) if (ts) caseOfCard.set(ts, c.id);
  for (const call of slack.callsTo("chat.update")) bump(caseOfCard.get(String(call.args.ts)) ?? null, "updates");
  return result;
}

export function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}

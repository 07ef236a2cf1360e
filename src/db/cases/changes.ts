// A change of one case as one call: the update conditional on what was read, the settlement of its incidents, its
// event and the outbox rows that tell Slack, always in that order inside the caller's transaction. Its own file
// because every use case that moves a case goes through it; the reads they decide on are in reads.ts.
import { Prisma, type Db, type JsonFields, type Tx } from "../client.ts";
import type { CaseEventKind } from "../../generated/sqlite/enums.ts";
import { enqueueMany } from "../outbox.ts";
import type { CaseRow } from "./reads.ts";
import { releaseFromCase, settleCase, type Part } from "./reservations.ts";
import { ACTIVE_STATES, type CaseLevel, type CaseState, type Settlement } from "../../domain/case.ts";

/** Columns a change sets, as plain values (the row's own types; never the ORM's increment and the like). */
export type CaseColumns = Partial<Omit<CaseRow, "id" | "customerId" | "requestKey" | "createdAt" | "updatedAt">>;

/**
 * What the change was decided on: it is made only while these still hold, so of two racing clicks (or scheduler
 * replicas) exactly one wins. Left out, a column is not looked at.
 */
export interface CaseGuard {
  /** The state read, or any active one. */
  state: CaseState | "active";
  level?: CaseLevel;
  /** The incidents read: what a settlement moves must be what the case still shows. */
  incidents?: number;
  assigneeId?: string | null;
  expectedAnswerOn?: string | null;
  /** An automatic close: its timer still due at this instant. */
  autoCloseDueBy?: Date;
}

/**
 * What the change does to the case's reserved incidents: all of them settled as the case ends (the parts read with
 * it, which must add up to the incidents it shows), or `amount` of them released while it goes on.
 */
export type CaseSettlement =
  | { kind: Settlement; parts: readonly Part[]; incidents: number; customerId: number; reason: string | null }
  | { kind: "release_some"; amount: number; customerId: number; reason: string | null };

export interface CaseEventInput {
  kind: CaseEventKind;
  actorId: string;
  /** Stored as JSON; null stores nothing, as does leaving it out. */
  data?: JsonFields | null;
}

export type { CaseEventKind };

/** One message the change asks Slack to show, written to the outbox with the others in one insert. */
export type OutboxEntry = Parameters<typeof enqueueMany>[1][number];

export interface CaseChange {
  caseId: number;
  guard: CaseGuard;
  set: CaseColumns;
  settle?: CaseSettlement;
  event: CaseEventInput;
  /**
   * The outbox rows, in the order Slack shows them; or, when they depend on what the change did (the balance it
   * left, a notification named after its event), how to work them out once it has won, right after its event.
   */
  outbox: readonly OutboxEntry[] | ((won: { eventId: number }) => Promise<readonly OutboxEntry[]>);
  at: Date;
}

/** Makes the change if its guard still holds; false, and nothing written, when another change came first. */
export async function applyCaseChange(tx: Tx, change: CaseChange): Promise<boolean> {
  // Raw SQL, as the event and the outbox rows below: every change of a case makes this update, and the ORM's cost
  // several times the statement's own CPU. The case's updatedAt is the change's own time.
  const count = await tx.$executeRaw`UPDATE "Case" SET ${caseAssignments(change.set, change.at)} WHERE ${guarded(change.caseId, change.guard)}`;
  if (count === 0) return false;
  // Settled here rather than by each use case: only a change that won moves incidents, always before its event,
  // and a settlement that does not add up to what the case shows stops the whole transaction wherever it happens.
  if (change.settle) await settle(tx, change.caseId, change.settle, { actorId: change.event.actorId, at: change.at });
  const event = await recordCaseEvent(tx, { caseId: change.caseId, ...change.event, at: change.at });
  const rows = typeof change.outbox === "function" ? await change.outbox({ eventId: event.id }) : change.outbox;
  await enqueueMany(tx, rows, { at: change.at });
  return true;
}

/**
 * `"column" = value, …` of the columns set, and the case's updatedAt (their names are the row's own, checked before
 * they reach the SQL).
 */
export function caseAssignments(set: CaseColumns, at: Date): Prisma.Sql {
  const columns = Object.entries(set).filter(([, value]) => value !== undefined).map(([column, value]) => {
    if (!/^[A-Za-z]+$/.test(column)) throw new Error(`not a column of a case: ${column}`);
    return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
  });
  return Prisma.join([...columns, Prisma.sql`"updatedAt" = ${at}`], ", ");
}

/** What the guard holds to, as SQL; a null compares as "is null", as the ORM's where did. */
function guarded(id: number, g: CaseGuard): Prisma.Sql {
  return Prisma.join([
    Prisma.sql`"id" = ${id}`,
    g.state === "active" ? Prisma.sql`"state" IN (${Prisma.join([...ACTIVE_STATES])})` : Prisma.sql`"state" = ${g.state}`,
    ...(g.level !== undefined ? [Prisma.sql`"level" = ${g.level}`] : []),
    ...(g.incidents !== undefined ? [Prisma.sql`"incidents" = ${g.incidents}`] : []),
    ...(g.assigneeId !== undefined ? [Prisma.sql`"assigneeId" IS NOT DISTINCT FROM ${g.assigneeId}`] : []),
    ...(g.expectedAnswerOn !== undefined ? [Prisma.sql`"expectedAnswerOn" IS NOT DISTINCT FROM ${g.expectedAnswerOn}`] : []),
    ...(g.autoCloseDueBy !== undefined ? [Prisma.sql`"autoCloseAt" <= ${g.autoCloseDueBy}`] : []),
  ], " AND ");
}

async function settle(tx: Tx, caseId: number, s: CaseSettlement, by: { actorId: string; at: Date }): Promise<void> {
  const movement = { customerId: s.customerId, actorId: by.actorId, at: by.at, caseId, reason: s.reason };
  if (s.kind === "release_some") {
    // From the contract that ends last first: the incident kept is the one that would lapse soonest.
    if (!(await releaseFromCase(tx, s.amount, movement))) throw new Error(`case ${caseId}: holds fewer incidents on its contracts than it shows`);
    return;
  }
  const settled = await settleCase(tx, s.kind, movement, s.parts);
  if (settled !== s.incidents) throw new Error(`case ${caseId}: holds ${settled} incidents on its contracts, shows ${s.incidents}`);
}

/**
 * One entry of the case's history; its id. Raw SQL: every change of a case writes one, and the ORM's insert cost
 * several times the statement's own CPU. The JSON goes as text, as the outbox's does (src/db/outbox.ts).
 */
export async function recordCaseEvent(tx: Tx, e: CaseEventInput & { caseId: number; at: Date }): Promise<{ id: number }> {
  const data = e.data === undefined || e.data === null ? null : JSON.stringify(e.data);
  const [row] = await tx.$queryRaw<Array<{ id: number | bigint }>>`INSERT INTO "CaseEvent" ("caseId", "kind", "actorId", "data", "createdAt")
    VALUES (${e.caseId}, ${e.kind}, ${e.actorId}, ${data}, ${e.at}) RETURNING "id"`;
  if (!row) throw new Error(`case ${e.caseId}: the event was not written`);
  return { id: Number(row.id) };
}

/**
 * Writes the case row and nothing else: a transaction that does so first waits for another one holding the row to
 * commit (on PostgreSQL as on SQLite) before it reads anything. False for no such case.
 */
export async function touchCase(tx: Tx, caseId: number, at: Date): Promise<boolean> {
  const { count } = await tx.case.updateMany({ where: { id: caseId }, data: { updatedAt: at } });
  return count > 0;
}

/** An automatic close left due on a case that no longer waits on the customer is dropped; false if it is gone. */
export async function dropStaleAutoClose(db: Db | Tx, caseId: number, now: Date): Promise<boolean> {
  const { count } = await db.case.updateMany({
    where: { id: caseId, autoCloseAt: { lte: now }, state: { not: "answered" } },
    data: { autoCloseAt: null, autoCloseRemindAt: null },
  });
  return count > 0;
}

/** The case, still active, takes the title of the first part of its split; false when it ended meanwhile. */
export async function retitleActiveCase(tx: Tx, caseId: number, title: string): Promise<boolean> {
  const { count } = await tx.case.updateMany({ where: { id: caseId, state: { in: [...ACTIVE_STATES] } }, data: { title } });
  return count > 0;
}

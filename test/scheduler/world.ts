// A small world for scheduler tests: a real database, the business calendar, a hand-moved clock, and helpers
// that act like people do (a customer opens a case and replies, an engineer answers) through the real services.
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import { runPass, type PassReport } from "../../src/scheduler/pass.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { openCase } from "../../src/services/open-case.ts";
import type { OutboxPayload } from "../../src/services/outbox-payload.ts";
import { recordMessage } from "../../src/services/record-message.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import type { JobOutcome } from "../../src/services/scheduled-job.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { readPayload } from "../../src/db/outbox-kinds.ts";

function payloadOf(stored: unknown): OutboxPayload {
  const payload = readPayload(stored);
  if (payload instanceof Error) throw payload;
  return payload;
}

export const TRIAGE = "C0TRIAGE";
export const CONTACT = "T4U株式会社 サポートサービス窓口";
export const CUSTOMER = "U0CUST1";
export const ENGINEER = "U0ENG1";

export interface World {
  database: TestDatabase;
  deps: ServiceDeps;
  clock: TestClock;
  calendar: BusinessCalendar;
  close(): Promise<void>;
}

/** "2026-04-28 15:00" Tokyo time → the instant. */
export function tokyo(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+09:00`);
}

export async function createWorld(options: { now?: Date; triageChannel?: string | null } = {}): Promise<World> {
  const database = await createTestDatabase();
  const clock = new TestClock(options.now ?? tokyo("2026-04-01 09:00"));
  const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
  const triageChannel = options.triageChannel === undefined ? TRIAGE : options.triageChannel;
  const deps: ServiceDeps = { db: database.db, clock, calendar, triageChannel };
  return { database, deps, clock, calendar, close: () => database.drop() };
}

let customers = 0;

export async function registerCustomer(w: World, input: { channelId?: string; incidents?: number; confirmedOn?: string; startsOn?: string; endsOn?: string; name?: string } = {}) {
  customers += 1;
  const channelId = input.channelId ?? `C0CUST${customers}`;
  const result = await registerContract(w.deps, {
    customerName: input.name ?? `株式会社テスト${customers}`, channelIds: [channelId], incidents: input.incidents ?? 10,
    confirmedOn: input.confirmedOn ?? (input.startsOn ? null : "2026-04-01"), startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null,
    actorId: "U0MGR1",
  });
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`);
  return { channelId, customerId: result.customerId, contractId: result.contractId };
}

let tsCounter = 0;

/** A Slack ts for an instant; the last three digits keep two messages of the same millisecond apart, as in Slack. */
function slackTs(at: Date): string {
  tsCounter = (tsCounter + 1) % 1000;
  return `${Math.floor(at.getTime() / 1000)}.${String(at.getTime() % 1000).padStart(3, "0")}${String(tsCounter).padStart(3, "0")}`;
}

let requests = 0;

/** A customer opens a case now; its root message is "posted" so that thread messages find it. */
export async function customerOpensCase(w: World, channelId: string, level: "normal" | "A" = "normal"): Promise<number> {
  requests += 1;
  const opened = await openCase(w.deps, {
    requestKey: `req-${requests}-${Math.random()}`, channelId, openedBy: CUSTOMER,
    title: `お問い合わせ ${requests}`, description: "ライセンス認証でエラーが表示されます。", level,
  });
  if (!opened.ok) throw new Error(`case refused: ${JSON.stringify(opened)}`);
  const rootTs = slackTs(w.clock.now());
  await w.database.db.client.case.update({ where: { id: opened.caseId }, data: { rootTs } });
  return opened.caseId;
}

async function say(w: World, caseId: number, role: "customer" | "engineer", at?: Date) {
  const c = await w.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
  const result = await recordMessage(w.deps, {
    channelId: c.channelId, threadTs: c.rootTs ?? "", ts: slackTs(at ?? w.clock.now()),
    userId: role === "customer" ? CUSTOMER : ENGINEER, role, text: role === "customer" ? "追加で質問です。" : "ご回答いたします。",
  });
  if (result.kind !== "recorded" && result.kind !== "closed") throw new Error(`message not recorded: ${result.kind}`);
  return result;
}

export const engineerAnswers = (w: World, caseId: number, at?: Date) => say(w, caseId, "engineer", at);
export const customerReplies = (w: World, caseId: number, at?: Date) => say(w, caseId, "customer", at);

export function pass(w: World, options: { dryRun?: boolean; graceMs?: number } = {}): Promise<PassReport> {
  return runPass(w.deps, { contact: CONTACT, ...options });
}

export interface Timed extends JobOutcome { at: Date }

/** Moves the clock from now to `until` in steps, running a pass at each; returns every outcome with its time. */
export async function simulate(w: World, until: Date, stepMs = 60 * 60_000): Promise<Timed[]> {
  const seen: Timed[] = [];
  while (w.clock.now() < until) {
    w.clock.advance(stepMs);
    const report = await pass(w);
    for (const o of report.outcomes) seen.push({ ...o, at: report.asOf });
  }
  return seen;
}

export interface OutboxRow { id: number; channelId: string; caseId: number | null; createdAt: Date; dedupeKey: string | null; payload: OutboxPayload }

export async function outbox(w: World): Promise<OutboxRow[]> {
  const rows = await w.database.db.client.outboxMessage.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({ id: r.id, channelId: r.channelId, caseId: r.caseId, createdAt: r.createdAt, dedupeKey: r.dedupeKey, payload: payloadOf(r.payload) }));
}

/** The notices (case thread, triage thread or channel top level) with a given key. */
export async function notices(w: World, key: string): Promise<OutboxRow[]> {
  return (await outbox(w)).filter((r) => "notice" in r.payload && r.payload.notice === key);
}

/** Local Tokyo "YYYY-MM-DD HH:mm" of an instant, to compare with the calendar worked out by hand. */
export function local(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

// A small world for contract tests: a real database, the business calendar, a hand-moved clock, and helpers that
// act like people do (a manager registers, a customer opens a case) through the real services.
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import { fold, LedgerError } from "../../src/domain/ledger.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { openCase, type OpenCaseResult } from "../../src/services/open-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

export const MANAGER = "U0MGR1";
export const CUSTOMER = "U0CUST1";
export const ENGINEER = "U0ENG1";

export interface World {
  database: TestDatabase;
  deps: ServiceDeps;
  clock: TestClock;
  close(): Promise<void>;
}

/** "2026-04-28 15:00" Tokyo time → the instant. */
export function tokyo(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+09:00`);
}

export async function createWorld(now = "2026-04-01 10:00"): Promise<World> {
  const database = await createTestDatabase();
  const clock = new TestClock(tokyo(now));
  const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
  const deps: ServiceDeps = { db: database.db, clock, calendar, triageChannel: null };
  return { database, deps, clock, close: () => database.drop() };
}

let channels = 0;

/** A manager registers a new customer with one channel and a contract; returns the ids. */
export async function registerCustomer(w: World, input: { name?: string; incidents?: number; confirmedOn?: string; startsOn?: string; endsOn?: string } = {}) {
  channels += 1;
  const channelId = `C0CH${String(channels).padStart(5, "0")}`;
  const result = await registerContract(w.deps, {
    customerName: input.name ?? `お客様${channels}`, channelIds: [channelId], incidents: input.incidents ?? 10,
    confirmedOn: input.startsOn ? null : input.confirmedOn ?? "2026-04-01", startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null,
    actorId: MANAGER,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { channelId, customerId: result.customerId, contractId: result.contractId };
}

let requests = 0;

export function customerOpensCase(w: World, channelId: string, level: "normal" | "A" = "normal"): Promise<OpenCaseResult> {
  requests += 1;
  return openCase(w.deps, {
    requestKey: `request-${requests}-${Math.random().toString(36).slice(2)}`, channelId, openedBy: CUSTOMER,
    title: "ライセンス認証エラー", description: "E-1024 が表示されます。", level,
  });
}

export async function openedCase(w: World, channelId: string, level: "normal" | "A" = "normal"): Promise<number> {
  const result = await customerOpensCase(w, channelId, level);
  if (!result.ok) throw new Error(`case refused: ${result.reason}`);
  return result.caseId;
}

export function contract(w: World, id: number) {
  return w.database.db.client.contract.findUniqueOrThrow({ where: { id } });
}

/** Every contract's stored counters equal the fold of its own ledger entries (R-CON-7), none below zero. */
export async function expectReconciled(w: World): Promise<void> {
  const client = w.database.db.client;
  for (const c of await client.contract.findMany()) {
    const entries = await client.ledgerEntry.findMany({ where: { contractId: c.id }, orderBy: { id: "asc" } });
    const folded = fold(entries);
    if (folded instanceof LedgerError) throw new Error(`contract ${c.id}: the ledger does not fold: ${folded.message}`);
    const stored = { purchased: c.purchased, available: c.available, reserved: c.reserved, consumed: c.consumed };
    if (JSON.stringify(folded) !== JSON.stringify(stored)) {
      throw new Error(`contract ${c.id}: counters ${JSON.stringify(stored)} but the ledger folds to ${JSON.stringify(folded)}`);
    }
    if (Object.values(stored).some((n) => n < 0)) throw new Error(`contract ${c.id}: a counter is negative: ${JSON.stringify(stored)}`);
  }
}

// Upgrading a database that already has cases: before, a case held all its incidents on the one contract it
// names; the migration that lets a case span contracts turns that into one part per case, so cases opened before
// the upgrade still end correctly afterwards, each part settled on its contract (R-INC-6, R-CON-7).
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../../src/domain/calendar.ts";
import type { ServiceDeps } from "../../../src/services/deps.ts";
import { resolveCase } from "../../../src/services/resolve-case.ts";
import { cancelCase } from "../../../src/services/cancel-case.ts";
import { TestClock } from "../../support/clock.ts";
import { upgradeDatabase } from "./upgrade.ts";
import type { LedgerKind } from "../../../src/domain/ledger.ts";

const CONVERSION = "case_reservations";
const upgrade = upgradeDatabase();

it("gives every existing case one part on its contract, and such a case then settles on it", async () => {
  const { names, index: conversion } = await upgrade.before(`_${CONVERSION}`);

  // The database as the previous version left it: two contracts, an open level A case and an open normal one on
  // the first, a resolved case on the second (its incidents consumed).
  const at = new Date("2026-11-20T01:00:00Z");
  // Each create asks back only the id: this version's client knows columns that later migrations add.
  const customer = await upgrade.db.client.customer.create({ data: { name: "移行前のお客様" }, select: { id: true } });
  // Contracts, cases and ledger entries in raw SQL: this version's client writes their kinds, levels and states as
  // the enums later migrations create.
  const contract = async (incidents: number, reserved: number, consumed: number) => {
    const [row] = await upgrade.db.client.$queryRaw<Array<{ id: number | bigint }>>`INSERT INTO "Contract" ("customerId", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed", "createdBy", "createdAt")
      VALUES (${customer.id}, '2026-04-01', '2027-03-31', ${incidents}, ${incidents - reserved - consumed}, ${reserved}, ${consumed}, 'U0MGR1', ${at}) RETURNING "id"`;
    return { id: Number(row!.id) };
  };
  const first = await contract(10, 4, 0);
  const second = await contract(5, 0, 1);
  const kase = async (contractId: number, level: string, incidents: number, state: string) => {
    const requestKey = randomBytes(8).toString("hex");
    await upgrade.db.client.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy", "createdAt", "updatedAt")
      VALUES (${customer.id}, ${contractId}, 'C0OLD', ${requestKey}, '移行前の案件', '詳細', ${level}, ${incidents}, ${state}, 'U0CUST1', ${at}, ${at})`;
    return upgrade.db.client.case.findUniqueOrThrow({ where: { requestKey }, select: { id: true } });
  };
  const levelA = await kase(first.id, "A", 3, "in_progress");
  const normal = await kase(first.id, "normal", 1, "answered");
  const resolved = await kase(second.id, "normal", 1, "resolved");
  const entry = (contractId: number, caseId: number | null, kind: LedgerKind, amount: number) =>
    upgrade.db.client.$executeRaw`INSERT INTO "LedgerEntry" ("contractId", "customerId", "caseId", "kind", "amount", "actorId", "createdAt")
      VALUES (${contractId}, ${customer.id}, ${caseId}, ${kind}, ${amount}, 'U0MGR1', ${at})`;
  await entry(first.id, null, "purchase", 10);
  await entry(second.id, null, "purchase", 5);
  await entry(first.id, levelA.id, "reserve", 3);
  await entry(first.id, normal.id, "reserve", 1);
  await entry(second.id, resolved.id, "reserve", 1);
  await entry(second.id, resolved.id, "consume", 1);

  expect(await upgrade.rest()).toContain(names[conversion]);
  const parts = await upgrade.db.client.caseReservation.findMany({ orderBy: { caseId: "asc" }, select: { caseId: true, contractId: true, incidents: true } });
  expect(parts).toEqual([
    { caseId: levelA.id, contractId: first.id, incidents: 3 },
    { caseId: normal.id, contractId: first.id, incidents: 1 },
    { caseId: resolved.id, contractId: second.id, incidents: 1 },
  ]);

  const deps: ServiceDeps = {
    db: upgrade.db, clock: new TestClock("2026-11-24T01:00:00Z"), triageChannel: null,
    calendar: new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS }),
  };
  expect(await resolveCase(deps, { caseId: levelA.id, actorId: "U0ENG1" })).toMatchObject({ ok: true, incidents: 3 });
  expect(await cancelCase(deps, { caseId: normal.id, actorId: "U0ENG1", note: "不具合" })).toMatchObject({ ok: true });
  const after = await upgrade.db.client.contract.findUniqueOrThrow({ where: { id: first.id } });
  expect({ available: after.available, reserved: after.reserved, consumed: after.consumed }).toEqual({ available: 7, reserved: 0, consumed: 3 });
});

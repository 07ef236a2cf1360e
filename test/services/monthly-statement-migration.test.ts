// Upgrading a database made before channels could get a monthly usage statement: every channel keeps its customer,
// language and entry message, with the monthly statement off until a manager turns it on.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { migrate, migrationsFor } from "../../src/db/migrate.ts";
import { createTestDatabase, TEST_PROVIDER } from "../support/database.ts";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase(TEST_PROVIDER, { migrated: false }));
});
afterAll(async () => {
  await drop?.();
});

it("keeps every channel, with the monthly statement off", async () => {
  const names = migrationsFor(db.provider).map((m) => m.name);
  const monthly = names.findIndex((n) => n.endsWith("_monthly_channel_statements"));
  expect(monthly).toBeGreaterThan(0);
  await migrate(db, { through: names[monthly - 1] });
  // Raw SQL: this version's client would also ask for the columns the migration adds.
  await db.client.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  await db.client.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId", "locale", "entryTs") VALUES ('C0JA', 1, 'ja', '1700000000.000100')`;
  await db.client.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId", "locale") VALUES ('C0EN', 1, 'en')`;
  await db.client.$executeRaw`INSERT INTO "ChannelTeam" ("channelId", "teamId", "role", "updatedAt") VALUES ('C0JA', 'T0CUST', 'customer', ${new Date("2026-11-01T00:00:00Z")})`;

  await migrate(db);

  expect(await db.client.customerChannel.findMany({ orderBy: { id: "asc" }, select: { channelId: true, customerId: true, locale: true, entryTs: true, statementMonthly: true, statementPostedIn: true } })).toEqual([
    { channelId: "C0JA", customerId: 1, locale: "ja", entryTs: "1700000000.000100", statementMonthly: false, statementPostedIn: null },
    { channelId: "C0EN", customerId: 1, locale: "en", entryTs: null, statementMonthly: false, statementPostedIn: null },
  ]);
  expect(await db.client.channelTeam.findMany({ select: { channelId: true, teamId: true, role: true } })).toEqual([{ channelId: "C0JA", teamId: "T0CUST", role: "customer" }]);
});

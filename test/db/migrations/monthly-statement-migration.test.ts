// Upgrading a database made before channels could get a monthly usage statement: every channel keeps its customer,
// language and entry message, with the monthly statement off until a manager turns it on.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("keeps every channel, with the monthly statement off", async () => {
  await upgrade.before("_monthly_channel_statements");
  // Raw SQL: this version's client would also ask for the columns the migration adds.
  await upgrade.db.client.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  await upgrade.db.client.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId", "locale", "entryTs") VALUES ('C0JA', 1, 'ja', '1700000000.000100')`;
  await upgrade.db.client.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId", "locale") VALUES ('C0EN', 1, 'en')`;
  await upgrade.db.client.$executeRaw`INSERT INTO "ChannelTeam" ("channelId", "teamId", "role", "updatedAt") VALUES ('C0JA', 'T0CUST', 'customer', ${new Date("2026-11-01T00:00:00Z")})`;

  await upgrade.rest();

  expect(await upgrade.db.client.customerChannel.findMany({ orderBy: { id: "asc" }, select: { channelId: true, customerId: true, locale: true, entryTs: true, statementMonthly: true, statementPostedIn: true } })).toEqual([
    { channelId: "C0JA", customerId: 1, locale: "ja", entryTs: "1700000000.000100", statementMonthly: false, statementPostedIn: null },
    { channelId: "C0EN", customerId: 1, locale: "en", entryTs: null, statementMonthly: false, statementPostedIn: null },
  ]);
  expect(await upgrade.db.client.channelTeam.findMany({ select: { channelId: true, teamId: true, role: true } })).toEqual([{ channelId: "C0JA", teamId: "T0CUST", role: "customer" }]);
});

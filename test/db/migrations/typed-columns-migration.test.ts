// Upgrading a database made by the version that stored a case's state and level and a channel's language as free
// text: every case keeps its state and level, every channel and report its language, and a language the app never
// wrote reads as Japanese, as it always did. Afterwards PostgreSQL itself refuses a state that does not exist.
// Rules: R-LIFE-1, R-LIFE-3, R-INC-2.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

const STATES = ["open", "in_progress", "answered", "resolved", "closed", "cancelled", "declined"] as const;

it("keeps every case's state and level and every channel's language", async () => {
  await upgrade.before("_typed_case_state_level_locale");
  const at = new Date("2027-01-21T01:00:00.000Z");
  // Raw SQL throughout: this version's client would also ask for columns later migrations add.
  await upgrade.db.client.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  for (const [channelId, locale] of [["C0JA", "ja"], ["C0EN", "en"], ["C0ODD", "en-US"]]) {
    await upgrade.db.client.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId", "locale") VALUES (${channelId}, 1, ${locale})`;
  }
  await upgrade.db.client.$executeRaw`INSERT INTO "Contract" ("customerId", "startsOn", "endsOn", "createdBy") VALUES (1, '2026-04-01', '2027-03-31', 'U0MGR1')`;
  for (const [i, state] of STATES.entries()) {
    const level = i % 2 === 0 ? "normal" : "A";
    await upgrade.db.client.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy", "updatedAt")
      VALUES (1, 1, 'C0JA', ${`key-${state}`}, ${`案件 ${state}`}, '内容', ${level}, ${level === "A" ? 3 : 1}, ${state}, 'U0CUST1', ${at})`;
  }
  await upgrade.db.client.$executeRaw`INSERT INTO "Report" ("caseId", "createdBy") VALUES (2, 'U0ENG1')`;
  await upgrade.db.client.$executeRaw`INSERT INTO "ReportVersion" ("reportId", "number", "content", "locale", "savedBy", "savedAt", "requestKey")
    VALUES (1, 1, '{}', 'en', 'U0ENG1', ${at}, 'report-1')`;

  await upgrade.rest();

  const cases = await upgrade.db.client.case.findMany({ orderBy: { id: "asc" }, select: { state: true, level: true, incidents: true } });
  expect(cases).toEqual(STATES.map((state, i) => ({ state, level: i % 2 === 0 ? "normal" : "A", incidents: i % 2 === 0 ? 1 : 3 })));
  const channels = await upgrade.db.client.customerChannel.findMany({ orderBy: { id: "asc" }, select: { channelId: true, locale: true } });
  expect(channels).toEqual([{ channelId: "C0JA", locale: "ja" }, { channelId: "C0EN", locale: "en" }, { channelId: "C0ODD", locale: "ja" }]);
  expect(await upgrade.db.client.reportVersion.findMany({ select: { locale: true } })).toEqual([{ locale: "en" }]);

  // New rows still get the defaults: a normal case, a Japanese channel.
  const created = await upgrade.db.client.case.create({
    data: { customerId: 1, contractId: 1, channelId: "C0JA", requestKey: "key-new", title: "新しい案件", description: "内容", incidents: 1, state: "open", openedBy: "U0CUST1" },
    select: { level: true },
  });
  expect(created.level).toBe("normal");
  const channel = await upgrade.db.client.customerChannel.create({ data: { channelId: "C0NEW", customerId: 1 }, select: { locale: true } });
  expect(channel.locale).toBe("ja");
  if (upgrade.db.provider === "postgresql") {
    // SQLite keeps text and relies on the client; PostgreSQL's column type itself admits only the states there are.
    await expect(upgrade.db.client.$executeRawUnsafe(`UPDATE "Case" SET "state" = 'anwsered' WHERE "id" = 1`)).rejects.toThrow();
  }
});

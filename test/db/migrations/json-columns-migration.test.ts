// Upgrading a database made by the version that kept JSON in text columns: what a case event, a contract event and
// a notification said and a split proposal's parts come back as the same values, now read as JSON by the client.
// Rules: R-LIFE-1, R-CON-4, R-INC-3.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("keeps what every event, notification and split proposal said", async () => {
  await upgrade.before("_json_columns");
  const at = new Date("2027-01-21T01:00:00.000Z");
  // Raw SQL throughout: this version's client would also ask for columns later migrations add.
  const sql = upgrade.db.client;
  await sql.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  await sql.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId") VALUES ('C0JA', 1)`;
  await sql.$executeRaw`INSERT INTO "Contract" ("customerId", "startsOn", "endsOn", "createdBy") VALUES (1, '2026-04-01', '2027-03-31', 'U0MGR1')`;
  await sql.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy", "updatedAt")
    VALUES (1, 1, 'C0JA', 'case-1', '案件', '内容', 'normal', 1, 'open', 'U0CUST1', ${at})`;
  await sql.$executeRaw`INSERT INTO "CaseEvent" ("caseId", "kind", "actorId", "data", "createdAt") VALUES (1, 'cancel_defect', 'U0ENG1', ${JSON.stringify({ reason: "製品の不具合です" })}, ${at})`;
  await sql.$executeRaw`INSERT INTO "CaseEvent" ("caseId", "kind", "actorId", "createdAt") VALUES (1, 'assigned', 'U0ENG1', ${at})`;
  await sql.$executeRaw`INSERT INTO "ContractEvent" ("customerId", "contractId", "kind", "actorId", "data", "createdAt") VALUES (1, 1, 'renewal_answered', 'U0CUST1', ${JSON.stringify({ answer: "renew", previous: null })}, ${at})`;
  await sql.$executeRaw`INSERT INTO "Proposal" ("caseId", "kind", "incidents", "reason", "parts", "proposedBy", "createdAt") VALUES (1, 'split', 2, '別件です', ${JSON.stringify(["ライセンス", "プロキシ"])}, 'U0ENG1', ${at})`;
  await sql.$executeRaw`INSERT INTO "PersonalNotification" ("userId", "kind", "caseId", "data", "dedupeKey", "createdAt") VALUES ('U0ENG1', 'assigned', 1, ${JSON.stringify({ by: "U0ENG2", number: 1 })}, 'n-1', ${at})`;

  await upgrade.rest();

  expect((await sql.caseEvent.findMany({ orderBy: { id: "asc" }, select: { data: true } })).map((e) => e.data)).toEqual([{ reason: "製品の不具合です" }, null]);
  expect((await sql.contractEvent.findFirstOrThrow({ select: { data: true } })).data).toEqual({ answer: "renew", previous: null });
  expect((await sql.proposal.findFirstOrThrow({ select: { parts: true } })).parts).toEqual(["ライセンス", "プロキシ"]);
  expect((await sql.personalNotification.findFirstOrThrow({ select: { data: true } })).data).toEqual({ by: "U0ENG2", number: 1 });
});

// Upgrading a database made by the version that stored the kinds and states of purchase requests, contract events
// and proposals as free text: every row keeps its kind and state, new rows still start pending, and afterwards
// PostgreSQL itself refuses a state that does not exist. Rules: R-CON-4, R-CON-6, R-INC-3.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("keeps every request's kind and state, every contract event's kind and every proposal's state", async () => {
  await upgrade.before("_typed_kinds_and_states");
  const at = new Date("2027-01-21T01:00:00.000Z");
  // Raw SQL throughout: this version's client would also ask for columns later migrations add.
  const sql = upgrade.db.client;
  await sql.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  await sql.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId") VALUES ('C0JA', 1)`;
  await sql.$executeRaw`INSERT INTO "Contract" ("customerId", "startsOn", "endsOn", "createdBy") VALUES (1, '2026-04-01', '2027-03-31', 'U0MGR1')`;
  const requests = [["renewal", "pending"], ["addition", "registered"], ["renewal", "declined"]] as const;
  for (const [i, [kind, state]] of requests.entries()) {
    await sql.$executeRaw`INSERT INTO "PurchaseRequest" ("customerId", "channelId", "kind", "companyName", "contactName", "contactEmail", "incidents", "requestedBy", "requestKey", "state", "createdAt")
      VALUES (1, 'C0JA', ${kind}, '株式会社サンプル', '担当者', 'support@example.com', 10, 'U0CUST1', ${`request-${i}`}, ${state}, ${at})`;
  }
  const kinds = ["renewal_answered", "request_created", "request_registered", "request_declined"] as const;
  for (const kind of kinds) {
    await sql.$executeRaw`INSERT INTO "ContractEvent" ("customerId", "contractId", "kind", "actorId", "data", "createdAt") VALUES (1, 1, ${kind}, 'U0MGR1', '{}', ${at})`;
  }
  await sql.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy", "updatedAt")
    VALUES (1, 1, 'C0JA', 'case-1', '案件', '内容', 'normal', 1, 'open', 'U0CUST1', ${at})`;
  const states = ["pending", "approved", "declined", "withdrawn"] as const;
  for (const state of states) {
    await sql.$executeRaw`INSERT INTO "Proposal" ("caseId", "kind", "incidents", "reason", "state", "proposedBy", "createdAt") VALUES (1, 'split', 2, '別件です', ${state}, 'U0ENG1', ${at})`;
  }

  await upgrade.rest();

  expect(await sql.purchaseRequest.findMany({ orderBy: { id: "asc" }, select: { kind: true, state: true } }))
    .toEqual(requests.map(([kind, state]) => ({ kind, state })));
  expect((await sql.contractEvent.findMany({ orderBy: { id: "asc" }, select: { kind: true } })).map((e) => e.kind)).toEqual([...kinds]);
  expect((await sql.proposal.findMany({ orderBy: { id: "asc" }, select: { state: true } })).map((p) => p.state)).toEqual([...states]);
  // The indexes on the columns still answer the queries that use them.
  expect(await sql.purchaseRequest.count({ where: { state: "pending" } })).toBe(1);
  expect(await sql.proposal.count({ where: { caseId: 1, state: "pending" } })).toBe(1);

  // New rows still start pending.
  const proposal = await sql.proposal.create({ data: { caseId: 1, kind: "split", incidents: 2, reason: "別件", proposedBy: "U0ENG1" }, select: { state: true } });
  expect(proposal.state).toBe("pending");
  if (upgrade.db.provider === "postgresql") {
    // SQLite keeps text and relies on the client; PostgreSQL's column types themselves admit only what there is.
    await expect(sql.$executeRawUnsafe(`UPDATE "Proposal" SET "state" = 'aproved' WHERE "id" = 1`)).rejects.toThrow();
    await expect(sql.$executeRawUnsafe(`UPDATE "PurchaseRequest" SET "kind" = 'upgrade' WHERE "id" = 1`)).rejects.toThrow();
  }
});

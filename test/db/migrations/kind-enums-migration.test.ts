// Upgrading a database made by the version that stored the remaining kinds and roles as free text (a contract's
// kind and renewal answer, the ledger's kinds, a case's level reason, who wrote a message or a file, a case event's
// kind, a proposal's kind with its level reason inside, a kept event's kind, an outbox message's kind and its
// payload as JSON text, a notification's kind and a switch's topic): every row keeps what it said, a level A
// proposal's reason moves to its own column, a waiting outbox message is still delivered as written, and afterwards
// PostgreSQL itself refuses a kind that does not exist. Rules: R-CON-4, R-CON-7, R-INC-2, R-INC-3.
import { expect, it } from "vitest";
import { claimRound } from "../../../src/db/outbox.ts";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("keeps every kind, role and reason, splits a level A proposal's reason out, and still delivers a waiting message", async () => {
  await upgrade.before("_typed_kinds_everywhere");
  const at = new Date("2027-01-21T01:00:00.000Z");
  // Raw SQL throughout: this version's client would also ask for columns later migrations add.
  const sql = upgrade.db.client;
  await sql.$executeRaw`INSERT INTO "Customer" ("name") VALUES ('株式会社サンプル')`;
  await sql.$executeRaw`INSERT INTO "CustomerChannel" ("channelId", "customerId") VALUES ('C0JA', 1)`;
  await sql.$executeRaw`INSERT INTO "Contract" ("customerId", "kind", "startsOn", "endsOn", "createdBy", "renewalAnswer") VALUES (1, 'initial', '2026-04-01', '2027-03-31', 'U0MGR1', NULL)`;
  await sql.$executeRaw`INSERT INTO "Contract" ("customerId", "kind", "startsOn", "endsOn", "createdBy", "renewalAnswer") VALUES (1, 'renewal', '2027-04-01', '2028-03-31', 'U0MGR1', 'considering')`;
  const ledger = ["purchase", "addition", "reserve", "consume", "release", "adjust"] as const;
  for (const kind of ledger) {
    await sql.$executeRaw`INSERT INTO "LedgerEntry" ("contractId", "customerId", "kind", "amount", "actorId", "createdAt") VALUES (1, 1, ${kind}, 1, 'U0MGR1', ${at})`;
    await sql.$executeRaw`INSERT INTO "LedgerTotal" ("contractId", "customerId", "kind", "day", "amount", "through") VALUES (1, 1, ${kind}, '2027-01-21', 1, 1)`;
  }
  await sql.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "levelReason", "incidents", "state", "openedBy", "updatedAt")
    VALUES (1, 1, 'C0JA', 'case-1', '案件', '内容', 'A', 'report', 3, 'in_progress', 'U0CUST1', ${at})`;
  const roles = ["customer", "engineer", "internal"] as const;
  for (const [i, role] of roles.entries()) {
    await sql.$executeRaw`INSERT INTO "CaseMessage" ("caseId", "channelId", "ts", "userId", "authorRole", "text", "postedAt") VALUES (1, 'C0JA', ${`1700000000.00000${i}`}, 'U0X', ${role}, '本文', ${at})`;
  }
  await sql.$executeRaw`INSERT INTO "CaseFile" ("caseId", "fileId", "name", "userId", "authorRole", "postedAt") VALUES (1, 'F0LOG', 'server.log', 'U0CUST1', 'customer', ${at})`;
  const events = ["assigned", "level_raised", "resolve", "cancel_defect", "report_changes_requested", "rating_comment"] as const;
  for (const kind of events) {
    await sql.$executeRaw`INSERT INTO "CaseEvent" ("caseId", "kind", "actorId", "createdAt") VALUES (1, ${kind}, 'U0ENG1', ${at})`;
  }
  await sql.$executeRaw`INSERT INTO "Proposal" ("caseId", "kind", "incidents", "reason", "state", "proposedBy", "createdAt") VALUES (1, 'level_a:reproduction', 3, '再現が必要です', 'approved', 'U0ENG1', ${at})`;
  await sql.$executeRaw`INSERT INTO "Proposal" ("caseId", "kind", "incidents", "reason", "state", "proposedBy", "createdAt") VALUES (1, 'split', 2, '別件です', 'declined', 'U0ENG1', ${at})`;
  await sql.$executeRaw`INSERT INTO "InboundEvent" ("eventId", "kind", "body", "receivedAt", "availableAt") VALUES ('Ev01', 'member_joined_channel', '{}', ${at}, ${at})`;
  const payload = JSON.stringify({ kind: "case.notice", caseId: 1, notice: "notice.taken", params: { user: "U0ENG1" } });
  await sql.$executeRaw`INSERT INTO "OutboxMessage" ("channelId", "caseId", "kind", "payload", "createdAt", "availableAt") VALUES ('C0JA', 1, 'case.notice', ${payload}, ${at}, ${at})`;
  await sql.$executeRaw`INSERT INTO "PersonalNotification" ("userId", "kind", "caseId", "dedupeKey", "createdAt") VALUES ('U0ENG1', 'first_response_soon', 1, 'soon:1', ${at})`;
  await sql.$executeRaw`INSERT INTO "NotificationPreference" ("userId", "kind", "enabled", "updatedAt") VALUES ('U0ENG1', 'auto_close', false, ${at})`;

  await upgrade.rest();

  expect(await sql.contract.findMany({ orderBy: { id: "asc" }, select: { kind: true, renewalAnswer: true } }))
    .toEqual([{ kind: "initial", renewalAnswer: null }, { kind: "renewal", renewalAnswer: "considering" }]);
  expect((await sql.ledgerEntry.findMany({ orderBy: { id: "asc" }, select: { kind: true } })).map((e) => e.kind)).toEqual([...ledger]);
  expect((await sql.ledgerTotal.findMany({ orderBy: { kind: "asc" }, select: { kind: true } })).map((t) => t.kind).sort()).toEqual([...ledger].sort());
  // The totals' key (contract, kind, day) and the ledger's covering index still answer by kind.
  expect(await sql.ledgerTotal.count({ where: { contractId: 1, kind: "consume" } })).toBe(1);
  expect(await sql.ledgerEntry.count({ where: { kind: { in: ["reserve", "release"] } } })).toBe(2);
  expect(await sql.case.findUniqueOrThrow({ where: { id: 1 }, select: { levelReason: true } })).toEqual({ levelReason: "report" });
  expect((await sql.caseMessage.findMany({ orderBy: { id: "asc" }, select: { authorRole: true } })).map((m) => m.authorRole)).toEqual([...roles]);
  expect(await sql.caseFile.findFirstOrThrow({ select: { authorRole: true } })).toEqual({ authorRole: "customer" });
  expect((await sql.caseEvent.findMany({ orderBy: { id: "asc" }, select: { kind: true } })).map((e) => e.kind)).toEqual([...events]);
  expect(await sql.proposal.findMany({ orderBy: { id: "asc" }, select: { kind: true, levelReason: true } }))
    .toEqual([{ kind: "level_a", levelReason: "reproduction" }, { kind: "split", levelReason: null }]);
  expect(await sql.inboundEvent.findFirstOrThrow({ select: { kind: true } })).toEqual({ kind: "member_joined_channel" });
  expect(await sql.personalNotification.findFirstOrThrow({ select: { kind: true } })).toEqual({ kind: "first_response_soon" });
  expect(await sql.notificationPreference.findFirstOrThrow({ select: { kind: true, enabled: true } })).toEqual({ kind: "auto_close", enabled: false });

  // The message written before the upgrade is claimed and read back as the payload it was.
  const round = await claimRound(upgrade.db, new Date(at.getTime() + 1_000), { channels: 5, perChannel: 5 });
  expect(round.map((r) => r.payload)).toEqual([JSON.parse(payload)]);
  expect(round.map((r) => r.kind)).toEqual(["case.notice"]);

  if (upgrade.db.provider === "postgresql") {
    // SQLite keeps text and relies on the client; PostgreSQL's column types themselves admit only what there is.
    await expect(sql.$executeRawUnsafe(`UPDATE "CaseEvent" SET "kind" = 'resolved' WHERE "id" = 1`)).rejects.toThrow();
    await expect(sql.$executeRawUnsafe(`UPDATE "LedgerEntry" SET "kind" = 'refund' WHERE "id" = 1`)).rejects.toThrow();
    await expect(sql.$executeRawUnsafe(`UPDATE "OutboxMessage" SET "payload" = 'not json' WHERE "id" = 1`)).rejects.toThrow();
  }
});

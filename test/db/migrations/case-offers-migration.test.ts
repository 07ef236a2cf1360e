// Upgrading a database made by the version that kept an offer's text only in its outbox message: every offer,
// delivered or not, is in the offers table afterwards with its author, text and time, so the case modal still
// opens with what the customer wrote and purging delivered messages loses nothing. Rules: R-INC-6.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("copies each offer's text out of its outbox message", async () => {
  await upgrade.before("_case_offers_and_purged_outbox_keys");
  const offer = (ts: string, userId: string, text: string) => JSON.stringify({ kind: "case.offer", sourceTs: ts, userId, text });
  // Raw SQL: this version's client would also ask for columns later migrations add.
  const rows: Array<[string, string, string | null, string]> = [
    ["C0CUST", offer("1769000000.000100", "U0CUST1", "ライセンス認証でエラーが出ます。\n手順を教えてください。"), "2027-01-21T01:00:00.000Z", "2027-01-21T01:00:00.000Z"],
    ["C0CUST", offer("1769000100.000100", "U0CUST2", "It's \"broken\" again"), null, "2027-01-21T01:05:00.000Z"],
    ["C0CUST", JSON.stringify({ kind: "case.root", caseId: 1 }), null, "2027-01-21T01:06:00.000Z"],
  ];
  for (const [channelId, payload, deliveredAt, createdAt] of rows) {
    const kind = (JSON.parse(payload) as { kind: string }).kind;
    const key = kind === "case.offer" ? `offer:${channelId}:${(JSON.parse(payload) as { sourceTs: string }).sourceTs}` : null;
    const written = new Date(createdAt);
    const delivered = deliveredAt === null ? null : new Date(deliveredAt);
    await upgrade.db.client.$executeRaw`INSERT INTO "OutboxMessage" ("channelId", "kind", "payload", "dedupeKey", "createdAt", "availableAt", "deliveredAt")
      VALUES (${channelId}, ${kind}, ${payload}, ${key}, ${written}, ${written}, ${delivered})`;
  }
  await upgrade.rest();
  const offers = await upgrade.db.client.caseOffer.findMany({ orderBy: { id: "asc" }, select: { channelId: true, sourceTs: true, userId: true, text: true, createdAt: true } });
  expect(offers).toEqual([
    { channelId: "C0CUST", sourceTs: "1769000000.000100", userId: "U0CUST1", text: "ライセンス認証でエラーが出ます。\n手順を教えてください。", createdAt: new Date("2027-01-21T01:00:00.000Z") },
    { channelId: "C0CUST", sourceTs: "1769000100.000100", userId: "U0CUST2", text: "It's \"broken\" again", createdAt: new Date("2027-01-21T01:05:00.000Z") },
  ]);
});

// The reads on the path of every case are raw SQL (the ORM's per-operation work was most of a request's CPU). Each
// must read what the ORM read before it: the same rows, in the same order, with every column decoded the same way
// (dates, booleans, numbers, enum values, nulls), or a case's message, its balance or its ending would be computed
// from something else. Each raw read is compared here with the ORM query it replaced, on a customer with two
// overlapping contracts, a channel with a customer and a pending workspace, and cases with and without a rating.
// Real SQLite files and the real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionTermsOf, caseOfThread, caseToEnd, caseUnderLock } from "../../src/db/cases/reads.ts";
import { casesForViews } from "../../src/db/cases/views.ts";
import { channelToOpenCaseIn } from "../../src/db/channels/changes.ts";
import { channelWithCustomer } from "../../src/db/channels/teams.ts";
import { contractTermsOf } from "../../src/db/contracts/case-views.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const ids = { customer: 0, other: 0, rated: 0, plain: 0, moved: 0, contracts: [] as number[] };

beforeAll(async () => {
  database = await createTestDatabase();
  const c = database.db.client;
  const customer = await c.customer.create({ data: { name: "株式会社サンプル" } });
  const other = await c.customer.create({ data: { name: "別の株式会社" } });
  ids.customer = customer.id;
  ids.other = other.id;
  // The one that ends first is listed first; the later one carries every optional column.
  const later = await c.contract.create({ data: {
    customerId: customer.id, kind: "renewal", startsOn: "2026-06-01", endsOn: "2027-05-31", purchased: 20, available: 18, reserved: 2,
    createdBy: "U0MANAGER", note: "更新分", renewalNoticeAt: new Date("2027-04-01T00:00:00.123Z"), renewalAnswer: "continue",
    renewalAnsweredBy: "U0CUSTOMER", renewalAnsweredAt: new Date("2027-04-02T03:04:05.678Z"),
  } });
  const first = await c.contract.create({ data: {
    customerId: customer.id, startsOn: "2026-01-01", endsOn: "2026-12-31", purchased: 10, available: 7, reserved: 1, consumed: 2, createdBy: "U0MANAGER",
  } });
  ids.contracts = [first.id, later.id];
  await c.customerChannel.create({ data: { channelId: "C0SHARED", customerId: customer.id, locale: "en" } });
  await c.customerChannel.create({ data: { channelId: "C0EMPTY", customerId: other.id } });
  await c.channelTeam.create({ data: { channelId: "C0SHARED", teamId: "T0PARTNER", role: "pending" } });
  await c.channelTeam.create({ data: { channelId: "C0SHARED", teamId: "T0CUSTB", role: "customer" } });
  await c.channelTeam.create({ data: { channelId: "C0SHARED", teamId: "T0CUSTA", role: "customer" } });
  const base = { customerId: customer.id, contractId: first.id, channelId: "C0SHARED", description: "手順どおりに操作しても認証できません。", openedBy: "U0CUSTOMER" };
  const rated = await c.case.create({ data: {
    ...base, requestKey: "k-rated", title: "ライセンス認証エラー", level: "A", levelReason: "report", incidents: 3, state: "resolved",
    product: "らかん Server", assigneeId: "U0ENGINEER", rootTs: "1700000000.000100", triageTs: "1700000000.000200",
    firstResponseAt: new Date("2026-11-02T01:00:00.001Z"), closedAt: new Date("2026-11-05T01:00:00Z"), closeReason: "解決",
    slaFirstResponseHours: 1.25, slaResolutionDays: 3, slaBreached: false, slaFiguredAt: new Date("2026-11-05T01:00:00Z"),
  } });
  const plain = await c.case.create({ data: {
    ...base, requestKey: "k-plain", title: "質問", incidents: 1, state: "answered",
    autoCloseAt: new Date("2026-12-10T00:00:00Z"), expectedAnswerOn: "2026-12-04", firstResponseDueAt: new Date("2026-12-02T00:00:00Z"), slaBreached: true,
  } });
  // A case whose channel has since become another customer's: its channel is not its customer's.
  const moved = await c.case.create({ data: { ...base, channelId: "C0EMPTY", requestKey: "k-moved", title: "移管", incidents: 1, state: "open" } });
  ids.rated = rated.id;
  ids.plain = plain.id;
  ids.moved = moved.id;
  await c.caseRating.create({ data: { caseId: rated.id, score: 4, comment: "助かりました", ratedBy: "U0CUSTOMER", ratedAt: new Date(), askTs: "1700000000.000300" } });
  await c.caseReservation.create({ data: { caseId: plain.id, contractId: later.id, incidents: 1 } });
  await c.caseReservation.create({ data: { caseId: plain.id, contractId: first.id, incidents: 1 } });
  await c.caseReservation.create({ data: { caseId: rated.id, contractId: first.id, incidents: 0 } });
});
afterAll(async () => {
  await database.drop();
});

const contractOrder = [{ endsOn: "asc" as const }, { id: "asc" as const }];

describe("the raw reads on a case's path read what the ORM read", () => {
  it("a channel with its customer's name and only the workspaces that are the customer's", async () => {
    const orm = await database.db.client.customerChannel.findUnique({
      where: { channelId: "C0SHARED" },
      include: { customer: { select: { name: true } }, teams: { where: { role: "customer" }, select: { teamId: true }, orderBy: { id: "asc" } } },
    });
    const raw = await channelWithCustomer(database.db.client, "C0SHARED");
    expect(raw).toEqual({ customerId: orm!.customerId, locale: orm!.locale, customer: orm!.customer, teams: orm!.teams });
    expect(raw?.teams).toEqual([{ teamId: "T0CUSTB" }, { teamId: "T0CUSTA" }]);
    expect(await channelWithCustomer(database.db.client, "C0EMPTY")).toMatchObject({ customer: { name: "別の株式会社" }, teams: [] });
    expect(await channelWithCustomer(database.db.client, "C0NOTREGISTERED")).toBeNull();
  });

  it("the channel a case is opened in, with every column of its customer's contracts, ends first first", async () => {
    const raw = await database.db.transaction((tx) => channelToOpenCaseIn(tx, "C0SHARED"));
    const orm = await database.db.client.customerChannel.findUnique({
      where: { channelId: "C0SHARED" }, select: { customerId: true, customer: { select: { contracts: { orderBy: contractOrder } } } },
    });
    expect(raw).toStrictEqual(orm);
    expect(raw?.customer.contracts.map((k) => k.id)).toEqual(ids.contracts);
    // A customer with no contract yet: the channel is found, with no contract.
    expect(await database.db.transaction((tx) => channelToOpenCaseIn(tx, "C0EMPTY"))).toStrictEqual({ customerId: ids.other, customer: { contracts: [] } });
    expect(await database.db.transaction((tx) => channelToOpenCaseIn(tx, "C0NOTREGISTERED"))).toBeNull();
  });

  it("a case to end, with its parts that hold incidents and its customer's contracts", async () => {
    for (const caseId of [ids.rated, ids.plain]) {
      const raw = await database.db.transaction((tx) => caseToEnd(tx, caseId));
      const orm = await database.db.client.case.findUnique({
        where: { id: caseId },
        include: {
          reservations: { where: { incidents: { gt: 0 } }, select: { contractId: true, incidents: true, contract: { select: { endsOn: true } } }, orderBy: [{ contract: { endsOn: "asc" } }, { contractId: "asc" }] },
          customer: { select: { contracts: { orderBy: contractOrder } } },
        },
      });
      expect(raw).toStrictEqual(orm);
    }
    const plain = await database.db.transaction((tx) => caseToEnd(tx, ids.plain));
    expect(plain?.reservations.map((r) => r.contractId)).toEqual(ids.contracts);
    expect(await database.db.transaction((tx) => caseToEnd(tx, 999_999))).toBeNull();
  });

  it("the case a thread message belongs to, and the case read again under its lock, whole", async () => {
    const orm = await database.db.client.case.findUnique({ where: { id: ids.rated } });
    expect(await caseOfThread(database.db.client, "C0SHARED", "1700000000.000100")).toStrictEqual(orm);
    expect(await caseOfThread(database.db.client, "C0EMPTY", "1700000000.000100")).toBeNull();
    for (const caseId of [ids.rated, ids.plain]) {
      expect(await database.db.transaction((tx) => caseUnderLock(tx, caseId))).toStrictEqual(await database.db.client.case.findUnique({ where: { id: caseId } }));
    }
  });

  it("what a click on a case reads first", async () => {
    const orm = await database.db.client.case.findUnique({ where: { id: ids.rated }, select: { channelId: true, level: true, levelReason: true, state: true } });
    expect(await actionTermsOf(database.db.client, ids.rated)).toStrictEqual(orm);
    expect(await actionTermsOf(database.db.client, 999_999)).toBeNull();
  });

  it("cases as their messages show them, and the contracts their balance is summed from", async () => {
    const views = await casesForViews(database.db.client, [ids.rated, ids.plain, ids.moved, 999_999]);
    const orm = await database.db.client.case.findMany({
      where: { id: { in: [ids.rated, ids.plain, ids.moved] } },
      include: { customer: { select: { name: true, channels: { select: { channelId: true, locale: true } } } }, rating: { select: { score: true, comment: true, askTs: true } } },
    });
    expect(views).toHaveLength(3);
    for (const c of orm) {
      const view = views.find((v) => v.id === c.id)!;
      expect(view).toStrictEqual({
        id: c.id, customerId: c.customerId, channelId: c.channelId, title: c.title, description: c.description, product: c.product,
        level: c.level, levelReason: c.levelReason, incidents: c.incidents, state: c.state, openedBy: c.openedBy, assigneeId: c.assigneeId,
        rootTs: c.rootTs, triageTs: c.triageTs, createdAt: c.createdAt, autoCloseAt: c.autoCloseAt, expectedAnswerOn: c.expectedAnswerOn,
        firstResponseDueAt: c.firstResponseDueAt, customerName: c.customer.name,
        channelLocale: c.customer.channels.find((ch) => ch.channelId === c.channelId)?.locale ?? null, rating: c.rating,
      });
    }
    expect(views.find((v) => v.id === ids.rated)).toMatchObject({ channelLocale: "en", rating: { score: 4, comment: "助かりました" } });
    expect(views.find((v) => v.id === ids.moved)?.channelLocale).toBeNull();
    expect(await casesForViews(database.db.client, [])).toEqual([]);

    const terms = await contractTermsOf(database.db.client, [ids.customer, ids.other]);
    const contracts = await database.db.client.contract.findMany({ where: { customerId: ids.customer }, orderBy: contractOrder });
    expect(terms.get(ids.customer)).toStrictEqual(contracts.map((k) => ({
      id: k.id, startsOn: k.startsOn, endsOn: k.endsOn, purchased: k.purchased, available: k.available, reserved: k.reserved, consumed: k.consumed,
    })));
    expect(terms.has(ids.other)).toBe(false);
  });
});

// Several replicas of the app on one PostgreSQL database, as the README's deployment runs them: Slack's requests
// land on either replica, both deliver the outbox and run the scheduler, and a replica can die at any moment.
// Whatever replica takes a request or a duty, customers and engineers see every case, notice, reminder, automatic
// close, digest and renewal notice once, in order within each channel, and nothing acknowledged is lost.
// Rules: R-LIFE-1, R-LIFE-2, R-LIFE-6, R-LIFE-7, R-INC-2, R-INC-5, R-CON-4.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { TEST_PROVIDER } from "../support/database.ts";
import type { DriverResponse } from "../support/driver.ts";
import { ENGINEER, expectEachPostOnceInOrder, HOME_TEAM, startReplicas, tokyo, TRIAGE, type Replica, type ReplicaWorld } from "./replica-world.ts";
import { readPayload, type OutboxKind } from "../../src/db/outbox-kinds.ts";

let world: ReplicaWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

// Several app processes share one database only on PostgreSQL; an embedded SQLite file belongs to one process.
const onPostgres = TEST_PROVIDER === "postgresql";
if (!onPostgres) console.info("replica tests skipped: several app processes share a database only on PostgreSQL (TEST_DATABASE=postgresql)");

interface Customer { name: string; channelId: string; team: string; userId: string }
const CUSTOMERS: Customer[] = [
  { name: "株式会社サンプル", channelId: "C0CUSTA", team: "T0CUSTA", userId: "U0CUSTA" },
  { name: "株式会社テスト", channelId: "C0CUSTB", team: "T0CUSTB", userId: "U0CUSTB" },
];

/** Round robin over the live replicas, as a load balancer spreads Slack's requests. */
function balancer(w: ReplicaWorld) {
  let next = 0;
  return (): Replica => {
    const live = w.replicas.filter((r) => r.alive());
    return live[next++ % live.length]!;
  };
}

function accepted(response: DriverResponse): DriverResponse {
  expect(response.status).toBe(200);
  expect(response.slackWouldReject).toBeUndefined();
  return response;
}

const caseRows = (w: ReplicaWorld) => w.database.db.client.case.findMany({ orderBy: { id: "asc" } });
const caseRow = (w: ReplicaWorld, id: number) => w.database.db.client.case.findUniqueOrThrow({ where: { id } });

async function openCaseAt(w: ReplicaWorld, pick: () => Replica, customer: Customer, title: string): Promise<number> {
  const entry = w.slack.messages(customer.channelId).filter((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${Actions.openCase}"`)).at(-1)!;
  const modals = () => w.slack.views().filter((v) => v.open && v.callback_id === Views.openCase && v.user_id === customer.userId);
  const before = modals().length;
  // The click and the submission reach different replicas: nothing of the modal may live in one process.
  accepted(await pick().driver.blockAction({ actionId: Actions.openCase, userId: customer.userId, userTeamId: customer.team, channelId: customer.channelId, messageTs: entry.ts }));
  await expect.poll(() => modals().length).toBe(before + 1);
  const count = (await caseRows(w)).length;
  accepted(await pick().driver.viewSubmission({
    callbackId: Views.openCase, userId: customer.userId, userTeamId: customer.team, viewId: modals().at(-1)!.id,
    values: {
      [Inputs.title.block]: { [Inputs.title.action]: title },
      [Inputs.description.block]: { [Inputs.description.action]: "ライセンス認証の画面でエラー E-1024 が表示されます。" },
      [Inputs.level.block]: { [Inputs.level.action]: "normal" },
    },
  }));
  await expect.poll(async () => (await caseRows(w)).length).toBe(count + 1);
  return (await caseRows(w)).at(-1)!.id;
}

async function engineerAnswers(w: ReplicaWorld, replica: Replica, caseId: number, text: string) {
  const c = await caseRow(w, caseId);
  accepted(await replica.driver.message({ channelId: c.channelId, userId: ENGINEER, userTeamId: HOME_TEAM, text, threadTs: c.rootTs! }));
}

async function resolveOnTriage(w: ReplicaWorld, replica: Replica, caseId: number) {
  accepted(await replica.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE, messageTs: (await caseRow(w, caseId)).triageTs! }));
  await expect.poll(async () => (await caseRow(w, caseId)).state).toBe("resolved");
}

/** An engineer proposes level A on one replica; the customer approves on another. */
async function levelAApproved(w: ReplicaWorld, pick: () => Replica, customer: Customer, caseId: number) {
  const modals = () => w.slack.views().filter((v) => v.open && v.callback_id === Views.levelA && v.user_id === ENGINEER);
  const before = modals().length;
  accepted(await pick().driver.blockAction({
    actionId: Actions.caseMenu, selectedOption: `${Actions.proposeLevelA}:${caseId}`, userId: ENGINEER, userTeamId: HOME_TEAM,
    channelId: TRIAGE, messageTs: (await caseRow(w, caseId)).triageTs!, blockId: `triage_actions:${caseId}`,
  }));
  await expect.poll(() => modals().length).toBe(before + 1);
  accepted(await pick().driver.viewSubmission({
    callbackId: Views.levelA, viewId: modals().at(-1)!.id, userId: ENGINEER, userTeamId: HOME_TEAM,
    values: {
      [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
      [Inputs.reason.block]: { [Inputs.reason.action]: "お客様の環境を再現して検証する必要があります。" },
    },
  }));
  const rootTs = (await caseRow(w, caseId)).rootTs;
  const proposal = () => w.slack.messages(customer.channelId).filter((m) => m.thread_ts === rootTs && JSON.stringify(m.blocks ?? []).includes(Actions.approveProposal)).at(-1);
  await expect.poll(proposal, { timeout: 10_000 }).toBeDefined();
  accepted(await pick().driver.blockAction({ actionId: Actions.approveProposal, userId: customer.userId, userTeamId: customer.team, channelId: customer.channelId, messageTs: proposal()!.ts }));
  await expect.poll(async () => (await caseRow(w, caseId)).level).toBe("A");
}

/** The notices of a kind in the outbox, by case. */
async function noticeCases(w: ReplicaWorld, key: string): Promise<number[]> {
  const rows = await w.database.db.client.outboxMessage.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({ caseId: r.caseId, payload: r.payload }))
    .filter((r) => typeof r.payload === "object" && r.payload !== null && "notice" in r.payload && r.payload.notice === key).map((r) => r.caseId ?? 0).sort((a, b) => a - b);
}

async function kinds(w: ReplicaWorld, kind: OutboxKind): Promise<number> {
  return w.database.db.client.outboxMessage.count({ where: { kind } });
}

/** The weeks (their Monday) the managers' digest was written for, once per digest. */
async function digestWeeks(w: ReplicaWorld): Promise<string[]> {
  const rows = await w.database.db.client.outboxMessage.findMany({ where: { kind: "digest_post" }, select: { payload: true } });
  return rows.flatMap((r) => { const p = readPayload(r.payload); return !(p instanceof Error) && p.kind === "digest.post" ? [p.weekOf] : []; }).sort();
}

/** Moves every replica's clock and waits until the scheduler has done what `done` expects and all of it went out. */
async function at(w: ReplicaWorld, local: string, done: () => Promise<boolean>) {
  await w.setTime(tokyo(local));
  await expect.poll(done, { timeout: 20_000, interval: 200 }).toBe(true);
  await w.settled();
}

const texts = (w: ReplicaWorld, channel: string, needle: string) => w.slack.messages(channel).filter((m) => `${m.text} ${JSON.stringify(m.blocks ?? [])}`.includes(needle));

describe.skipIf(!onPostgres)("two replicas on one PostgreSQL database", { timeout: 150_000 }, () => {
  it("take a day of work alternately and every case, notice, reminder, close, digest and renewal notice happens once, in order", async () => {
    world = await startReplicas({ skewsMs: [0, 0], schedulerEnabled: true, start: tokyo("2027-01-21 09:00").toISOString() });
    const w = world;
    const pick = balancer(w);
    for (const c of CUSTOMERS) await w.registerCustomer(c);
    await w.settled();
    for (const c of CUSTOMERS) expect(texts(w, c.channelId, Actions.openCase).length).toBe(1);

    // Thursday morning: each customer opens three cases; engineers answer, resolve and propose level A.
    await w.setTime(tokyo("2027-01-21 10:00"));
    const [a, b] = CUSTOMERS as [Customer, Customer];
    const cases: number[] = [];
    for (let i = 1; i <= 3; i++) for (const c of CUSTOMERS) cases.push(await openCaseAt(w, pick, c, `${c.name} のお問い合わせ ${i}`));
    await w.settled();
    const [a1, b1, a2, b2, a3, b3] = cases as [number, number, number, number, number, number];
    for (const id of [a1, b1, a2, b2]) await engineerAnswers(w, pick(), id, `案件 ${id} についてご回答いたします。`);
    await expect.poll(async () => (await caseRows(w)).filter((c) => c.state === "answered").length).toBe(4);
    await w.settled();
    for (const id of [a1, b1]) await resolveOnTriage(w, pick(), id);
    await levelAApproved(w, pick, a, a3);
    await engineerAnswers(w, pick(), a3, "検証環境での再現結果をご報告いたします。");
    await w.settled();

    // Friday: the unanswered case's reminder to engineers, then its overdue alert.
    await at(w, "2027-01-22 08:30", async () => (await noticeCases(w, "alert.first_response_soon")).length === 1);
    await at(w, "2027-01-22 10:30", async () => (await noticeCases(w, "alert.first_response_overdue")).length === 1);
    // Monday: the customer is told the answer is late; the managers get the week's digest.
    await at(w, "2027-01-25 10:30", async () => (await noticeCases(w, "notice.unanswered_delay")).length === 1 && (await digestWeeks(w)).includes("2027-01-25"));
    // The following Thursday: customers whose answers wait for them are told the case will close.
    await at(w, "2027-01-28 10:30", async () => (await noticeCases(w, "notice.auto_close_soon")).length === 3);
    // Monday 1 February: the managers' next digest at nine, then the automatic closes and the renewal notices.
    await at(w, "2027-02-01 09:30", async () => (await digestWeeks(w)).includes("2027-02-01"));
    await at(w, "2027-02-01 10:30", async () => (await noticeCases(w, "notice.auto_closed")).length === 3 && (await kinds(w, "renewal_notice")) === 2);

    expect(await noticeCases(w, "alert.first_response_soon")).toEqual([b3]);
    expect(await noticeCases(w, "alert.first_response_overdue")).toEqual([b3]);
    expect(await noticeCases(w, "notice.unanswered_delay")).toEqual([b3]);
    expect(await noticeCases(w, "notice.auto_close_soon")).toEqual([a2, b2, a3]);
    expect(await noticeCases(w, "notice.auto_closed")).toEqual([a2, b2, a3]);
    // The week the replicas started in had its digest due already (Monday nine o'clock): it went out at the start.
    expect(await digestWeeks(w)).toEqual(["2027-01-18", "2027-01-25", "2027-02-01"]);
    expect(await kinds(w, "renewal_notice")).toBe(2);
    const rows = await caseRows(w);
    expect(rows.map((c) => [c.id, c.state])).toEqual([[a1, "resolved"], [b1, "resolved"], [a2, "closed"], [b2, "closed"], [a3, "closed"], [b3, "open"]]);
    const consumed = await w.database.db.client.ledgerEntry.groupBy({ by: ["caseId"], where: { kind: "consume" }, _count: { _all: true } });
    expect(consumed.map((e) => [e.caseId, e._count._all]).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))).toEqual([a1, b1, a2, b2, a3].map((id) => [id, 1]));

    // What people see in Slack: one root message per case, one triage announcement, one digest, one renewal question.
    for (const [customer, own] of [[a, [a1, a2, a3]], [b, [b1, b2, b3]]] as const) {
      const roots = w.slack.messages(customer.channelId).filter((m) => !m.thread_ts && rows.some((c) => c.rootTs === m.ts));
      expect(roots.length).toBe(own.length);
    }
    expect(w.slack.messages(TRIAGE).filter((m) => !m.thread_ts && rows.some((c) => c.triageTs === m.ts)).length).toBe(6);
    await expectEachPostOnceInOrder(w);
    expect(w.replicas.every((r) => r.alive())).toBe(true);
  });

  it("one replica killed in the middle of a burst loses nothing it acknowledged, and nothing is posted twice", async () => {
    world = await startReplicas({ skewsMs: [0, 0], schedulerEnabled: true, start: tokyo("2027-01-21 10:00").toISOString() });
    const w = world;
    const [a, b] = CUSTOMERS as [Customer, Customer];
    for (const c of CUSTOMERS) await w.registerCustomer(c);
    await w.settled();
    const cases: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const customer = i % 2 === 0 ? b : a;
      cases.push(await w.openCase(customer.channelId, customer.userId, `至急のお問い合わせ ${i}`));
    }
    await w.settled();

    // Forty messages in eight threads, customers and engineers alternating, spread over both replicas with four
    // in flight at a time; the second replica is killed once it has acknowledged five of them.
    const [survivor, victim] = w.replicas as [Replica, Replica];
    const rows = await Promise.all(cases.map((id) => caseRow(w, id)));
    const burst = Array.from({ length: 40 }, (_, i) => {
      const c = rows[i % rows.length]!;
      const customer = c.channelId === a.channelId ? a : b;
      const engineer = Math.floor(i / rows.length) % 2 === 1;
      return {
        channelId: c.channelId, threadTs: c.rootTs!, ts: w.slack.nextTs(), eventId: `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`,
        userId: engineer ? ENGINEER : customer.userId, userTeamId: engineer ? HOME_TEAM : customer.team, text: `メッセージ ${i + 1}`,
      };
    });
    let victimAcks = 0;
    const killed: Array<Promise<void>> = [];
    const outcomes: string[] = [];
    const send = async (i: number) => {
      const replica = i % 2 === 0 ? survivor : victim;
      try {
        const response = await replica.driver.message(burst[i]!);
        // Anything but a 200 in time Slack counts as not acknowledged, and delivers again later.
        if (response.status !== 200 || response.slackWouldReject) return `refused ${response.status}`;
        if (replica === victim && ++victimAcks === 5) killed.push(w.kill(victim));
        return "acknowledged";
      } catch (error) {
        return `unanswered ${String(error)}`;
      }
    };
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < burst.length) {
        const i = next++;
        outcomes[i] = await send(i);
      }
    }));
    await Promise.all(killed);
    expect(victim.alive(), JSON.stringify(outcomes)).toBe(false);
    const acknowledged = burst.filter((_, i) => outcomes[i] === "acknowledged");
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    // Nothing acknowledged is lost, whichever replica took it: what the killed replica had kept but not yet
    // recorded, the survivor records once the killed one's lease on it has run out.
    const recorded = async () => new Set((await w.database.db.client.caseMessage.findMany({ select: { ts: true } })).map((m) => m.ts));
    // The test waits until every kept event is handled before Slack's redeliveries below, so that no two writers in
    // the survivor race on one channel: outbox ids are drawn as rows are written, and a post's order is its id's.
    await w.setTime(new Date(w.clock.now().getTime() + 60_000));
    await expect.poll(async () => {
      const afterKill = await recorded();
      const unhandled = await w.database.db.client.inboundEvent.count({ where: { doneAt: null, failedAt: null } });
      return { lost: acknowledged.filter((m) => !afterKill.has(m.ts)).map((m) => m.text), unhandled };
    }, { timeout: 30_000, interval: 100 }).toEqual({ lost: [], unhandled: 0 });
    // Slack delivers again what went unanswered (with the same event id), now to the replica that is left.
    for (const [i, message] of burst.entries()) {
      if (outcomes[i] !== "acknowledged") accepted(await survivor.driver.message({ ...message, retryNum: 1 }));
    }
    const messages = await w.database.db.client.caseMessage.findMany({ select: { ts: true } });
    expect(messages.length).toBe(burst.length);
    expect(new Set(messages.map((m) => m.ts)).size).toBe(burst.length);

    // What the killed replica had claimed to send is sent by the other once its claim runs out, without repeating
    // what had already reached Slack.
    await w.setTime(tokyo("2027-01-21 10:05"));
    await w.settled();
    await expectEachPostOnceInOrder(w);
  });
});

describe.skipIf(!onPostgres)("three scheduler replicas whose clocks disagree by up to a minute", { timeout: 150_000 }, () => {
  it("do every timed duty once, however early the fast clock sees it due", async () => {
    world = await startReplicas({ skewsMs: [-30_000, 0, 30_000], schedulerEnabled: true, start: tokyo("2027-01-21 09:00").toISOString() });
    const w = world;
    const pick = balancer(w);
    const [a, b] = CUSTOMERS as [Customer, Customer];
    for (const c of CUSTOMERS) await w.registerCustomer(c);
    await w.settled();
    await w.setTime(tokyo("2027-01-21 10:00"));
    const answered = [await openCaseAt(w, pick, a, "設定の確認"), await openCaseAt(w, pick, b, "設定の確認")];
    const unanswered = [await openCaseAt(w, pick, a, "エラーの調査"), await openCaseAt(w, pick, b, "エラーの調査")];
    await w.settled();
    for (const id of answered) await engineerAnswers(w, pick(), id, "設定手順をご案内いたします。");
    await w.settled();

    // Each duty's moment (with the grace a late Slack delivery gets), first as the fast replica alone sees it
    // due, then as all three do.
    const moments: Array<[string, () => Promise<boolean>]> = [
      ["2027-01-22 08:10", async () => (await noticeCases(w, "alert.first_response_soon")).length === 2],
      ["2027-01-22 10:10", async () => (await noticeCases(w, "alert.first_response_overdue")).length === 2],
      ["2027-01-25 10:10", async () => (await noticeCases(w, "notice.unanswered_delay")).length === 2],
      ["2027-01-28 10:10", async () => (await noticeCases(w, "notice.auto_close_soon")).length === 2],
      ["2027-02-01 09:00", async () => (await digestWeeks(w)).includes("2027-02-01")],
      ["2027-02-01 10:10", async () => (await noticeCases(w, "notice.auto_closed")).length === 2 && (await kinds(w, "renewal_notice")) === 2],
    ];
    for (const [moment, done] of moments) {
      const due = tokyo(moment);
      await w.setTime(new Date(due.getTime() - 15_000));
      await w.setTime(new Date(due.getTime() + 45_000));
      await expect.poll(done, { timeout: 20_000, interval: 200 }).toBe(true);
      await w.settled();
    }

    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
    expect(await noticeCases(w, "alert.first_response_soon")).toEqual(sorted(unanswered));
    expect(await noticeCases(w, "alert.first_response_overdue")).toEqual(sorted(unanswered));
    expect(await noticeCases(w, "notice.unanswered_delay")).toEqual(sorted(unanswered));
    expect(await noticeCases(w, "notice.auto_close_soon")).toEqual(sorted(answered));
    expect(await noticeCases(w, "notice.auto_closed")).toEqual(sorted(answered));
    expect(await digestWeeks(w)).toEqual(["2027-01-18", "2027-01-25", "2027-02-01"]);
    expect(await kinds(w, "renewal_notice")).toBe(2);
    const consumed = await w.database.db.client.ledgerEntry.groupBy({ by: ["caseId"], where: { kind: "consume" }, _count: { _all: true } });
    expect(consumed.map((e) => [e.caseId, e._count._all]).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))).toEqual(sorted(answered).map((id) => [id, 1]));
    expect(await w.database.db.client.caseEvent.count({ where: { kind: "auto_close" } })).toBe(2);
    await expectEachPostOnceInOrder(w);
  });
});

// The engineers' queue (R-LIFE-5, R-LIFE-7) and the expected answer date (R-LIFE-6), against a real database.
import { afterEach, describe, expect, it } from "vitest";
import { recordMessage } from "../../src/services/record-message.ts";
import { loadQueue } from "../../src/services/queue.ts";
import { setExpectedDate } from "../../src/services/set-expected-date.ts";
import { createWorld, CUSTOMER, ENGINEER, openedCase, registerCustomer, tokyo, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await w.close();
});

const db = () => w.database.db.client;

/** Slack's ts of an instant: seconds with microseconds. */
const tsOf = (at: Date) => `${Math.floor(at.getTime() / 1000)}.000100`;

async function say(caseId: number, role: "customer" | "engineer", at: string) {
  const c = await db().case.findUniqueOrThrow({ where: { id: caseId } });
  // The case's root ts is set by delivery; give it one so thread messages find the case.
  const rootTs = c.rootTs ?? `1700000000.${String(caseId).padStart(6, "0")}`;
  if (!c.rootTs) await db().case.update({ where: { id: caseId }, data: { rootTs } });
  return recordMessage(w.deps, { channelId: c.channelId, threadTs: rootTs, ts: tsOf(tokyo(at)), userId: role === "customer" ? CUSTOMER : ENGINEER, role, text: "…" });
}

describe("the queue (R-LIFE-5)", () => {
  it("lists the oldest unanswered question first, then cases waiting on the customer", async () => {
    w = await createWorld("2026-06-01 09:00");
    const { channelId } = await registerCustomer(w, { name: "株式会社サンプル", incidents: 20 });
    const first = await openedCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 10:00"));
    const second = await openedCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 11:00"));
    const third = await openedCase(w, channelId);
    // The first case is answered: it waits on the customer now. The customer then asks again on the third only.
    await say(first, "engineer", "2026-06-01 11:30");
    await say(third, "engineer", "2026-06-01 11:40");
    await say(third, "customer", "2026-06-01 11:50");
    w.clock.set(tokyo("2026-06-03 12:00"));
    const queue = await loadQueue(w.deps);
    expect(queue.rows.map((r) => [r.id, r.waitingOn])).toEqual([[second, "t4u"], [third, "t4u"], [first, "customer"]]);
    expect(queue).toMatchObject({ waitingOnT4U: 2, waitingOnCustomer: 1, more: 0 });
    expect(queue.rows[0]).toMatchObject({ customerName: "株式会社サンプル", ageBusinessDays: 2, due: "overdue" });
    // The third case had its first response: no due mark, although its follow-up waits.
    expect(queue.rows[1]).toMatchObject({ due: null, firstResponseDueAt: null });
  });

  it("marks a first response due soon before it is overdue (R-LIFE-7), and counts the rows it leaves out", async () => {
    w = await createWorld("2026-06-01 09:00");
    const { channelId } = await registerCustomer(w, { incidents: 20 });
    for (let i = 0; i < 5; i += 1) await openedCase(w, channelId);
    w.clock.set(tokyo("2026-06-02 08:00"));
    const soon = await loadQueue(w.deps, 3);
    expect(soon.rows.map((r) => r.due)).toEqual(["due_soon", "due_soon", "due_soon"]);
    expect(soon.more).toBe(2);
    w.clock.set(tokyo("2026-06-01 12:00"));
    expect((await loadQueue(w.deps)).rows.map((r) => [r.due, r.ageBusinessDays, r.ageHours])).toEqual(Array(5).fill([null, 0, 3]));
  });
});

describe("the expected answer date (R-LIFE-6)", () => {
  it("2+ business days after the question: the customer is told at once and the automatic notice is cleared", async () => {
    w = await createWorld("2026-06-01 10:00"); // a Monday
    const { channelId } = await registerCustomer(w, { incidents: 5 });
    const caseId = await openedCase(w, channelId);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).delayNoticeAt).not.toBeNull();
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-06-03" })).toEqual({ ok: true, changed: true, late: true });
    const c = await db().case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ expectedAnswerOn: "2026-06-03", delayNoticeAt: null });
    const notices = await db().outboxMessage.findMany({ where: { kind: "case_notice" } });
    expect(notices.map((n) => JSON.stringify(n.payload)).filter((p) => p.includes("notice.expected_late") && p.includes("2026-06-03"))).toHaveLength(1);
    expect(await db().caseEvent.count({ where: { caseId, kind: "expected_date_set", actorId: ENGINEER } })).toBe(1);
    // The same date again tells no one twice.
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-06-03" })).toEqual({ ok: true, changed: false, late: true });
    expect((await db().outboxMessage.findMany({ where: { kind: "case_notice" } })).filter((n) => JSON.stringify(n.payload).includes("notice.expected_late")).length).toBe(1);
  });

  it("the next business day is not late: shown on the case, nobody notified, the automatic notice still armed", async () => {
    w = await createWorld("2026-06-05 10:00"); // a Friday: Monday is the next business day
    const { channelId } = await registerCustomer(w, { incidents: 5 });
    const caseId = await openedCase(w, channelId);
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-06-08" })).toEqual({ ok: true, changed: true, late: false });
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).delayNoticeAt).not.toBeNull();
    expect((await db().outboxMessage.findMany({ where: { kind: "case_notice" } })).filter((n) => JSON.stringify(n.payload).includes("notice.expected_late")).length).toBe(0);
  });

  it("refuses a past date or a closed case, changing nothing", async () => {
    w = await createWorld("2026-06-05 10:00");
    const { channelId } = await registerCustomer(w, { incidents: 5 });
    const caseId = await openedCase(w, channelId);
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-06-04" })).toEqual({ ok: false, reason: "past_date" });
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-02-30" })).toEqual({ ok: false, reason: "invalid_date" });
    await db().case.update({ where: { id: caseId }, data: { state: "resolved" } });
    expect(await setExpectedDate(w.deps, { caseId, actorId: ENGINEER, date: "2026-06-10" })).toEqual({ ok: false, reason: "closed" });
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).expectedAnswerOn).toBeNull();
  });
});

// After downtime the scheduler catches up in one pass without saying stale things, a dry run predicts a pass and
// writes nothing, alerts still work (or say why not) without a triage channel, and a reply written before the
// deadline but delivered after it still stops the close. Rules: R-LIFE-2, R-LIFE-6, R-LIFE-7.
import { afterEach, describe, expect, it } from "vitest";
import {
  createWorld, customerOpensCase, customerReplies, engineerAnswers, notices, outbox, pass, registerCustomer, tokyo, TRIAGE, type World,
} from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function snapshot(world: World) {
  const db = world.database.db.client;
  return {
    outbox: await db.outboxMessage.count(),
    events: await db.caseEvent.count(),
    ledger: await db.ledgerEntry.count(),
    cases: await db.case.findMany({ orderBy: { id: "asc" } }),
    contracts: await db.contract.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("catching up after downtime", { timeout: 120_000 }, () => {
  it("does everything that fell due in one pass, once, dropping reminders overtaken by their deadlines", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w, { incidents: 30 });
    const answered: number[] = [];
    const unanswered: number[] = [];
    for (let i = 0; i < 10; i++) answered.push(await customerOpensCase(w, channelId));
    for (let i = 0; i < 10; i++) unanswered.push(await customerOpensCase(w, channelId));
    // Half of the unanswered cases have their triage message posted; alerts go in its thread.
    for (const id of unanswered.slice(0, 5)) await w.database.db.client.case.update({ where: { id }, data: { triageTs: `1780000000.00${id}` } });
    w.clock.set(tokyo("2026-06-01 11:00"));
    for (const id of answered) await engineerAnswers(w, id);

    // The scheduler was down for three weeks.
    w.clock.set(tokyo("2026-06-22 10:00"));
    const report = await pass(w);
    const tally = (job: string, result: string) => report.outcomes.filter((o) => o.job === job && o.result === result).length;
    expect(tally("auto-close", "done")).toBe(10);
    expect(tally("auto-close-reminder", "skipped")).toBe(10);
    expect(tally("first-response-overdue", "done")).toBe(10);
    expect(tally("first-response-reminder", "skipped")).toBe(10);
    expect(tally("delay-notice", "done")).toBe(10);
    expect(report.outcomes.length).toBe(50);

    // The customer hears once per case why it closed, and no stale "will close soon".
    expect((await notices(w, "notice.auto_closed")).length).toBe(10);
    expect((await notices(w, "notice.auto_close_soon")).length).toBe(0);
    expect((await notices(w, "notice.unanswered_delay")).length).toBe(10);
    // Engineers get one overdue alert per case and no stale "due soon".
    const overdue = await notices(w, "alert.first_response_overdue");
    expect(overdue.length).toBe(10);
    expect(overdue.every((r) => r.channelId === TRIAGE)).toBe(true);
    expect(overdue.filter((r) => r.payload.kind === "triage.notice").map((r) => r.caseId)).toEqual(unanswered.slice(0, 5));
    expect(overdue.filter((r) => r.payload.kind === "channel.notice").map((r) => r.caseId)).toEqual(unanswered.slice(5));
    expect((await notices(w, "alert.first_response_soon")).length).toBe(0);

    // Everything due was done: the next pass finds nothing.
    expect((await pass(w)).outcomes).toEqual([]);
  });

  it("a dry run lists what the pass will do and writes nothing", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    const a = await customerOpensCase(w, channelId);
    await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 11:00"));
    await engineerAnswers(w, a);
    w.clock.set(tokyo("2026-06-10 12:00"));

    const before = await snapshot(w);
    const dry = await pass(w, { dryRun: true });
    expect(await snapshot(w)).toEqual(before);
    expect(dry.dryRun).toBe(true);
    expect(dry.outcomes.find((o) => o.job === "auto-close")?.detail).toMatch(/^close as resolved, consuming 1 incident/);

    const real = await pass(w);
    const shape = (r: typeof real) => r.outcomes.map((o) => [o.job, o.subject, o.result]);
    expect(shape(real)).toEqual(shape(dry));
  });

  it("without a triage channel, tells the customer and records the alert it could not post (R-LIFE-6)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00"), triageChannel: null });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-03 11:00"));
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([
      ["first-response-reminder", "skipped"], ["first-response-overdue", "done"], ["delay-notice", "done"],
    ]);
    expect(report.outcomes.find((o) => o.job === "first-response-overdue")?.detail).toContain("nowhere (no triage channel)");
    const rows = await outbox(w);
    expect(rows.filter((r) => r.createdAt >= tokyo("2026-06-03 11:00")).map((r) => [r.channelId, r.payload.kind])).toEqual([[channelId, "case.notice"]]);
    const events = await w.database.db.client.caseEvent.findMany({ where: { caseId: id, actorId: "scheduler" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["first_response_overdue", "delay_notice"]);
  });

  it("a reply written just before the deadline but delivered just after still keeps the case open (R-LIFE-2)", async () => {
    w = await createWorld({ now: tokyo("2026-05-29 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 10:00"));
    await engineerAnswers(w, id);
    // Due Wed 6/10 10:00. A pass 5 minutes later leaves it: a delivery may still be on its way.
    w.clock.set(tokyo("2026-06-10 10:05"));
    expect((await pass(w)).outcomes.filter((o) => o.job === "auto-close")).toEqual([]);
    // Slack's retry brings the reply the customer wrote at 09:58.
    w.clock.set(tokyo("2026-06-10 10:07"));
    await customerReplies(w, id, tokyo("2026-06-10 09:58"));
    w.clock.set(tokyo("2026-06-10 12:00"));
    expect((await pass(w)).outcomes.filter((o) => o.job === "auto-close")).toEqual([]);
    expect((await w.database.db.client.case.findUniqueOrThrow({ where: { id } })).state).toBe("in_progress");
  });
});

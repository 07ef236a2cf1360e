// Weeks of simulated time, one pass an hour, through the real services and database: when reminders, alerts,
// delay notices and automatic closes happen around weekends, Golden Week and the year-end break.
// Rules: R-LIFE-2, R-LIFE-6, R-LIFE-7, R-CAL-1, R-CAL-2.
import { afterEach, describe, expect, it } from "vitest";
import { caseNumber } from "../../src/domain/case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import {
  createWorld, customerOpensCase, customerReplies, engineerAnswers, local, notices, outbox, registerCustomer, simulate, tokyo,
  type Timed, type World,
} from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const done = (seen: Timed[], caseId: number) =>
  seen.filter((o) => o.result === "done" && o.subject.startsWith(caseNumber(caseId))).map((o) => `${local(o.at)} ${o.job}`);

// Each test runs hundreds of passes; on a busy machine that takes a while.
describe("case timers over simulated weeks", { timeout: 120_000 }, () => {
  it("reminds and alerts engineers about an unanswered normal case once each, skipping 昭和の日, and tells the customer after 2 business days (R-LIFE-7, R-LIFE-6)", async () => {
    w = await createWorld({ now: tokyo("2026-04-28 15:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    const seen = await simulate(w, tokyo("2026-05-08 18:00"));
    // Due 4/30 15:00 (4/29 is a holiday); reminded 2 hours before; the delay counts 4/30 and 5/1.
    expect(done(seen, id)).toEqual([
      "2026-04-30 14:00 first-response-reminder",
      "2026-04-30 16:00 first-response-overdue",
      "2026-05-01 16:00 delay-notice",
    ]);
    const delay = await notices(w, "notice.unanswered_delay");
    expect(delay.map((r) => r.channelId)).toEqual([channelId]);
    expect((await notices(w, "alert.first_response_soon")).length).toBe(1);
    expect((await notices(w, "alert.first_response_overdue")).length).toBe(1);
    expect((await notices(w, "alert.unanswered_delay")).length).toBe(1);
    // Engineer alerts never reach the customer's channel.
    for (const r of await outbox(w)) if ("notice" in r.payload && r.payload.notice.startsWith("alert.")) expect(r.channelId).toBe("C0TRIAGE");
  });

  it("sends the delay notice once per question: follow-ups do not repeat it, a new question after an answer does (R-LIFE-6)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId, "A");
    w.clock.set(tokyo("2026-06-02 10:00"));
    await customerReplies(w, id);
    let seen = await simulate(w, tokyo("2026-06-05 10:00"));
    expect(done(seen, id)).toEqual(["2026-06-03 11:00 delay-notice"]);
    await engineerAnswers(w, id);
    w.clock.set(tokyo("2026-06-05 12:00"));
    await customerReplies(w, id);
    seen = await simulate(w, tokyo("2026-06-12 10:00"));
    // 6/5 12:00 + 2 business days = Tue 6/9 12:00: the weekend does not count.
    expect(done(seen, id)).toEqual(["2026-06-09 13:00 delay-notice"]);
    expect((await notices(w, "notice.unanswered_delay")).length).toBe(2);
  });

  it("closes a case 7 business days after the last answer across Golden Week, after one reminder 2 business days before, consuming its incident (R-LIFE-2, R-CAL-1)", async () => {
    w = await createWorld({ now: tokyo("2026-04-27 10:00") });
    const { channelId, contractId } = await registerCustomer(w, { incidents: 5 });
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-04-30 15:00"));
    await engineerAnswers(w, id);
    const seen = await simulate(w, tokyo("2026-05-20 18:00"));
    // 5/1 (1), 5/7 (2) … 5/14 (7): 5/2–5/6 are a weekend, 憲法記念日, みどりの日, こどもの日 and 振替休日.
    expect(done(seen, id)).toEqual(["2026-05-12 16:00 auto-close-reminder", "2026-05-14 16:00 auto-close"]);
    const c = await w.database.db.client.case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ state: "closed", closedBy: "scheduler", autoCloseAt: null, autoCloseRemindAt: null });
    expect(local(c.closedAt!)).toBe("2026-05-14 16:00");
    const ledger = await w.database.db.client.ledgerEntry.findMany({ where: { caseId: id }, orderBy: { id: "asc" } });
    expect(ledger.map((e) => e.kind)).toEqual(["reserve", "consume"]);
    expect(await w.database.db.client.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ available: 4, reserved: 0, consumed: 1 });
    // The customer is told why, once.
    const closed = await notices(w, "notice.auto_closed");
    expect(closed.map((r) => [r.channelId, r.caseId])).toEqual([[channelId, id]]);
    const reminder = await notices(w, "notice.auto_close_soon");
    expect(reminder.map((r) => r.payload)).toEqual([
      { kind: "case.notice", caseId: id, notice: "notice.auto_close_soon", params: { date: "2026-05-14", time: "15:00" } },
    ]);
  });

  it("a customer reply resets the idle timer; the case closes 7 business days after the engineer's new answer (R-LIFE-2)", async () => {
    w = await createWorld({ now: tokyo("2026-05-29 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 10:00"));
    await engineerAnswers(w, id);
    await simulate(w, tokyo("2026-06-09 09:00"));
    await customerReplies(w, id);
    w.clock.set(tokyo("2026-06-10 14:00"));
    await engineerAnswers(w, id);
    const seen = await simulate(w, tokyo("2026-06-26 18:00"));
    // Without the reply it would have closed Wed 6/10 10:00; the new answer moves it to Fri 6/19 14:00.
    expect(done(seen, id)).toEqual(["2026-06-17 15:00 auto-close-reminder", "2026-06-19 15:00 auto-close"]);
    expect((await notices(w, "notice.auto_close_soon")).map((r) => local(r.createdAt))).toEqual(["2026-06-08 11:00", "2026-06-17 15:00"]);
    expect((await notices(w, "notice.auto_closed")).length).toBe(1);
  });

  it("does not count the year-end break or 成人の日: an answer on 12/25 closes on 2027-01-12 (R-CAL-2)", async () => {
    w = await createWorld({ now: tokyo("2026-12-24 10:00") });
    const { channelId } = await registerCustomer(w, { confirmedOn: "2026-10-01" });
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-12-25 10:00"));
    await engineerAnswers(w, id);
    const seen = await simulate(w, tokyo("2027-01-15 18:00"));
    // 12/28 (1), 1/4 (2) … 1/8 (6), 1/12 (7): 12/29–1/3 is the company's break and 1/11 is 成人の日.
    expect(done(seen, id)).toEqual(["2027-01-07 11:00 auto-close-reminder", "2027-01-12 11:00 auto-close"]);
    // Nothing at all is said during the break.
    const during = (await outbox(w)).filter((r) => r.createdAt > tokyo("2026-12-26 00:00") && r.createdAt < tokyo("2027-01-04 00:00"));
    expect(during).toEqual([]);
  });

  it("never reminds or closes a case that was resolved, and clears a leftover timer on a closed case without a message (R-LIFE-3)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-01 11:00"));
    await engineerAnswers(w, id);
    expect((await resolveCase(w.deps, { caseId: id, actorId: "U0ENG1" })).ok).toBe(true);
    const before = (await outbox(w)).length;
    const seen = await simulate(w, tokyo("2026-06-30 10:00"));
    expect(seen).toEqual([]);
    expect((await outbox(w)).length).toBe(before);

    // A timer left behind on a closed case (say, by an older version) is cleared, and nothing is sent.
    await w.database.db.client.case.update({ where: { id }, data: { autoCloseRemindAt: tokyo("2026-06-29 10:00"), autoCloseAt: tokyo("2026-06-30 10:00") } });
    const cleanup = await simulate(w, tokyo("2026-07-01 12:00"));
    expect(cleanup.map((o) => [o.job, o.result])).toEqual([["auto-close-reminder", "skipped"], ["auto-close", "skipped"]]);
    expect((await outbox(w)).length).toBe(before);
    expect(await w.database.db.client.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "resolved", autoCloseAt: null, autoCloseRemindAt: null });
    expect(await w.database.db.client.ledgerEntry.count({ where: { caseId: id, kind: "consume" } })).toBe(1);
  });
});

// Slack retries a delivery that failed, so a message can reach the app minutes after the reply to it. The
// conversation's order is the messages' own `ts` (when people wrote them), never the order they arrived in:
// a late customer message that the engineer's answer already followed is recorded but does not put the case back
// on T4U's side, clear its automatic close or bring a delay notice; a late answer written before the customer's
// latest message answers only what came before it. All through signed deliveries into the real receiver.
// Rules: R-LIFE-2, R-LIFE-5, R-LIFE-6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQueue } from "../../src/services/queue.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { openCaseDirect, rootTsOf } from "./flows.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db.client;

/** The Slack ts of a message written at `iso`. */
function tsAt(iso: string, micros = 100): string {
  return `${Math.floor(Date.parse(iso) / 1000)}.${String(micros).padStart(6, "0")}`;
}

/** Delivers a thread message written at `iso` (a retry when `late`) and waits until the app has recorded it. */
async function deliver(rootTs: string, who: "customer" | "engineer", iso: string, text: string, late = false): Promise<void> {
  const author = who === "customer" ? { userId: CUSTOMER, userTeamId: CUSTOMER_TEAM } : { userId: ENGINEER, userTeamId: HOME_TEAM };
  const ts = tsAt(iso);
  const response = await h.driver.message({ channelId: CUSTOMER_CHANNEL, ...author, text, threadTs: rootTs, ts, ...(late ? { retryNum: 1 } : {}) });
  expect(response.status).toBe(200);
  await expect.poll(() => db().caseMessage.count({ where: { channelId: CUSTOMER_CHANNEL, ts } }), { timeout: 10_000 }).toBe(1);
}

async function openAt(iso: string, title: string): Promise<{ id: number; rootTs: string }> {
  h.clock.set(iso);
  const id = await openCaseDirect(h, title, CUSTOMER);
  await h.drain();
  return { id, rootTs: await rootTsOf(h, id) };
}

function botTexts(rootTs: string): string[] {
  return h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === rootTs && m.ts !== rootTs && m.bot_id !== undefined).map((m) => m.text ?? "");
}

const HOUR = 3_600_000;
const DELAY_NOTICE = "回答までにお時間をいただいており";
const AUTO_CLOSED = "最後のご回答から 7 営業日ご返信がなかったため、解決済みとしてクローズいたしました。";

describe("a customer message delivered after the answer that followed it", () => {
  it("is recorded but leaves the case answered, with its automatic close; no delay notice; it closes after 7 business days (R-LIFE-2, R-LIFE-6)", async () => {
    const c = await openAt("2026-11-24T01:00:00Z", "遅れて届く追加の質問");
    h.clock.set("2026-11-24T01:25:00Z");
    await deliver(c.rootTs, "engineer", "2026-11-24T01:20:00Z", "設定ファイルを再作成してください。");
    const answered = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(answered.state).toBe("answered");
    expect(answered.autoCloseAt).not.toBeNull();

    await deliver(c.rootTs, "customer", "2026-11-24T01:10:00Z", "ログも添付します。", true);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ state: "answered", oldestUnansweredAt: null, delayNoticeAt: null });
    expect(after.autoCloseAt?.toISOString()).toBe(answered.autoCloseAt?.toISOString());
    expect(after.autoCloseRemindAt?.toISOString()).toBe(answered.autoCloseRemindAt?.toISOString());
    expect(after.lastCustomerMessageAt?.toISOString()).toBe("2026-11-24T01:10:00.000Z");
    const recorded = await db().caseMessage.findMany({ where: { caseId: c.id }, orderBy: { postedAt: "asc" }, select: { authorRole: true } });
    expect(recorded.map((m) => m.authorRole)).toEqual(["customer", "engineer"]);
    const queue = await loadQueue(h.running.deps);
    expect(queue.rows.find((r) => r.id === c.id)?.waitingOn).toBe("customer");

    // Two business days later nobody is told of a delay; seven business days after the answer it closes.
    h.clock.set("2026-11-26T02:00:00Z");
    await h.running.scheduler.runOnce();
    // The scheduler waits a grace period past each timer, for deliveries still on their way.
    h.clock.set(new Date(after.autoCloseRemindAt!.getTime() + HOUR));
    await h.running.scheduler.runOnce();
    h.clock.set(new Date(after.autoCloseAt!.getTime() + HOUR));
    await h.running.scheduler.runOnce();
    await h.drain();
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("closed");
    const texts = botTexts(c.rootTs);
    expect(texts.filter((t) => t.includes(AUTO_CLOSED))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(DELAY_NOTICE))).toEqual([]);
  });

  it("still puts the case back on T4U when it was written after the answer, however late it arrives (R-LIFE-2)", async () => {
    const c = await openAt("2026-12-07T01:00:00Z", "回答後の質問が遅れて届く");
    h.clock.set("2026-12-07T01:40:00Z");
    await deliver(c.rootTs, "engineer", "2026-12-07T01:20:00Z", "再起動をお試しください。");
    await deliver(c.rootTs, "customer", "2026-12-07T01:30:00Z", "再起動しても変わりません。", true);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ state: "in_progress", autoCloseAt: null, autoCloseRemindAt: null });
    expect(after.oldestUnansweredAt?.toISOString()).toBe("2026-12-07T01:30:00.000Z");
    expect(after.delayNoticeAt).not.toBeNull();
  });

  it("moves the queue position to the earlier question when a question arrives after a later one (R-LIFE-5, R-LIFE-6)", async () => {
    const c = await openAt("2026-12-08T01:00:00Z", "質問の順序が入れ替わる");
    h.clock.set("2026-12-08T02:00:00Z");
    await deliver(c.rootTs, "engineer", "2026-12-08T01:20:00Z", "手順書をお送りします。");
    await deliver(c.rootTs, "customer", "2026-12-08T01:50:00Z", "手順 3 でエラーになります。");
    const first = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    await deliver(c.rootTs, "customer", "2026-12-08T01:30:00Z", "手順 2 の意味を教えてください。", true);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.state).toBe("in_progress");
    expect(after.oldestUnansweredAt?.toISOString()).toBe("2026-12-08T01:30:00.000Z");
    expect(after.lastCustomerMessageAt?.toISOString()).toBe("2026-12-08T01:50:00.000Z");
    // Two business days from the earlier question, which is sooner than from the later one.
    expect(after.delayNoticeAt!.getTime()).toBeLessThan(first.delayNoticeAt!.getTime());
  });
});

describe("an engineer's answer delivered after a later customer message", () => {
  it("does not count as answering it: the case stays on T4U's side, waiting since the later message, and never closes by itself (R-LIFE-2, R-LIFE-5)", async () => {
    const c = await openAt("2026-12-09T01:00:00Z", "遅れて届く回答");
    h.clock.set("2026-12-09T01:30:00Z");
    await deliver(c.rootTs, "customer", "2026-12-09T01:10:00Z", "バージョンは 5.2 です。");
    await deliver(c.rootTs, "engineer", "2026-12-09T01:05:00Z", "バージョンを教えてください。", true);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    // The engineer did respond (first response at 01:05), so the case is being handled, not merely received.
    expect(after).toMatchObject({ state: "in_progress", autoCloseAt: null, autoCloseRemindAt: null, assigneeId: ENGINEER });
    expect(after.firstResponseAt?.toISOString()).toBe("2026-12-09T01:05:00.000Z");
    expect(after.oldestUnansweredAt?.toISOString()).toBe("2026-12-09T01:10:00.000Z");
    const queue = await loadQueue(h.running.deps);
    const row = queue.rows.find((r) => r.id === c.id);
    expect(row?.waitingOn).toBe("t4u");
    expect(row?.since.toISOString()).toBe("2026-12-09T01:10:00.000Z");
    await h.drain();
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, c.rootTs)?.blocks ?? [])).toContain("*ステータス*\\n対応中");
  });

  it("an older answer arriving after a newer one leaves the 7 business days running from the newer (R-LIFE-2)", async () => {
    const c = await openAt("2026-12-10T01:00:00Z", "回答が二つ入れ替わる");
    h.clock.set("2026-12-10T01:30:00Z");
    await deliver(c.rootTs, "engineer", "2026-12-10T01:20:00Z", "追加の手順です。");
    const answered = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    await deliver(c.rootTs, "engineer", "2026-12-10T01:15:00Z", "まず手順 1 をお試しください。", true);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.state).toBe("answered");
    expect(after.lastEngineerMessageAt?.toISOString()).toBe("2026-12-10T01:20:00.000Z");
    expect(after.autoCloseAt?.toISOString()).toBe(answered.autoCloseAt?.toISOString());
    expect(after.firstResponseAt?.toISOString()).toBe("2026-12-10T01:15:00.000Z");
  });
});

// Slack failing under the app: rate limits with Retry-After, server errors, calls that hang, answers lost after
// Slack did the work, and the API unreachable for a while. What the customer must see is committed first and
// delivered later from the outbox: every message exactly once, in order, paced per channel.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { Actions } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { startApiProxy, type ApiProxy } from "./api-proxy.ts";
import { auditDelivery, auditLedger, outboxIdOf } from "./audit.ts";
import { openCaseDirect, openModal, rootTsOf, submitCase } from "./flows.ts";
import { received } from "../support/case-modal.ts";

const INTERVAL_MS = 200;
let h: Harness;
let proxy: ApiProxy;

beforeAll(async () => {
  proxy = await startApiProxy();
  h = await startHarness({
    channelIntervalMs: INTERVAL_MS, slackTimeoutMs: 1_000,
    // The app reaches "Slack" only through the relay, which the tests can cut; the team id spares a start-up call.
    env: { SLACK_API_URL: proxy.url, SLACK_TEAM_ID: HOME_TEAM },
  });
  proxy.target = Number(new URL(h.slack.origin).port);
  await h.registerCustomer({ incidents: 50 });
});
afterAll(async () => {
  await h?.close();
  await proxy?.stop();
});

const attemptsOf = (method: string, channel: string) => h.slack.calls.filter((c) => c.method === method && c.args.channel === channel);
const rootsTitled = (title: string) => h.slack.messages(CUSTOMER_CHANNEL).filter((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes(title));
const pending = () => h.database.db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } });

async function expectAllDelivered(): Promise<void> {
  expect(await pending()).toBe(0);
  expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  expect(await auditLedger(h.database.db)).toEqual([]);
}

describe("Slack failing: nothing lost, nothing doubled (R-CON-7, R-INC-6)", () => {
  it("waits out a 429 for exactly its Retry-After, then posts each message once", async () => {
    h.slack.fail("chat.postMessage", { status: 429, retryAfter: 2, times: 2 });
    const caseId = await openCaseDirect(h, "レート制限中の案件", CUSTOMER);
    await h.drain();
    // The case and its reservation exist although Slack refused every post so far.
    expect(await h.database.db.client.case.findUnique({ where: { id: caseId } })).toMatchObject({ state: "open", rootTs: null });
    expect(rootsTitled("レート制限中の案件")).toHaveLength(0);
    const refused = h.slack.calls.filter((c) => c.method === "chat.postMessage").length;

    h.clock.advance(1_999);
    await h.drain();
    expect(h.slack.calls.filter((c) => c.method === "chat.postMessage").length).toBe(refused);

    h.clock.advance(1);
    await h.drain();
    expect(rootsTitled("レート制限中の案件")).toHaveLength(1);
    await expectAllDelivered();
  });

  it("retries server errors with back-off, keeping a case's messages in order behind a failed update", async () => {
    const caseId = await openCaseDirect(h, "サーバーエラー中の案件", CUSTOMER);
    await h.drain();
    h.slack.fail("chat.update", { status: 502, times: 1 });
    h.slack.fail("chat.postMessage", { status: 503, times: 1 });
    expect((await resolveCase(h.running.deps, { caseId, actorId: ENGINEER })).ok).toBe(true);
    await h.drain();
    const root = await rootTsOf(h, caseId);
    const resolvedNotice = () => h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === root && m.text.includes("解決"));
    // The refresh failed, so the resolution notice written after it waits: the thread never runs ahead of the card.
    expect(resolvedNotice()).toHaveLength(0);
    h.clock.advance(2_000);
    await h.drain();
    h.clock.advance(4_000);
    await h.drain();
    expect(resolvedNotice()).toHaveLength(1);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, root)?.blocks)).toContain("解決");
    await expectAllDelivered();
  });

  it("gives up on a call that hangs after the client timeout and delivers it on a later attempt", async () => {
    h.slack.fail("chat.postMessage", { hang: true, times: 1 });
    // No triage announcement, so that the case message is the post that hangs.
    await openCase({ ...h.running.deps, triageChannel: null }, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "応答のない呼び出し", description: "詳細", level: "normal" });
    await h.drain();
    expect(rootsTitled("応答のない呼び出し")).toHaveLength(0);
    h.clock.advance(2_000);
    await h.drain();
    expect(rootsTitled("応答のない呼び出し")).toHaveLength(1);
    await expectAllDelivered();
  });

  it("does not post twice when Slack posted but its answer was lost", async () => {
    proxy.mode = "lose-answers";
    const caseId = await openCaseDirect(h, "回答が失われた投稿", CUSTOMER);
    await h.drain();
    proxy.mode = "pass";
    // Slack has the message; the app does not know it.
    expect(rootsTitled("回答が失われた投稿")).toHaveLength(1);
    expect((await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs).toBeNull();
    h.clock.advance(2_000);
    await h.drain();
    h.clock.advance(4_000);
    await h.drain();
    expect(rootsTitled("回答が失われた投稿")).toHaveLength(1);
    expect(await rootTsOf(h, caseId)).toBe(rootsTitled("回答が失われた投稿")[0]?.ts);
    const triage = h.slack.messages(TRIAGE_CHANNEL).filter((m) => JSON.stringify(m.blocks ?? []).includes("回答が失われた投稿"));
    expect(triage).toHaveLength(1);
    await expectAllDelivered();
  });

  it("keeps working while the API is unreachable and catches up, paced, when it returns", async () => {
    const modals = [await openModal(h, CUSTOMER, CUSTOMER_TEAM), await openModal(h, CUSTOMER, CUSTOMER_TEAM)];
    const earlier = await openCaseDirect(h, "停止前の案件", CUSTOMER);
    await h.drain();
    const earlierRoot = await rootTsOf(h, earlier);
    const slackCallsBefore = h.slack.calls.length;
    await proxy.stop();

    // People keep working: two cases opened, an answer, a follow-up and a resolution, all acknowledged.
    for (const [i, viewId] of modals.entries()) {
      // Answered at once; with Slack unreachable the modal cannot be updated after, but the case is opened.
      const submitted = await submitCase(h, viewId, CUSTOMER, CUSTOMER_TEAM, { title: `停止中の案件${i + 1}` }, { waitForOutcome: false });
      expect(submitted.status).toBe(200);
      expect(received(submitted)).toBe(true);
      await expect.poll(() => h.database.db.client.case.count({ where: { title: `停止中の案件${i + 1}` } })).toBe(1);
    }
    expect((await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "ご確認ください。", threadTs: earlierRoot })).status).toBe(200);
    expect((await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "追加の質問です。", threadTs: earlierRoot })).status).toBe(200);
    await expect.poll(() => h.database.db.client.caseMessage.count({ where: { case: { id: earlier } } })).toBe(2);
    const earlierTriage = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: earlier } })).triageTs!;
    expect((await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: earlierTriage, value: String(earlier) })).status).toBe(200);
    await expect.poll(async () => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: earlier } })).state).toBe("resolved");

    // Delivery keeps failing with the network error and backs off; nothing reaches Slack, nothing is lost.
    for (let i = 0; i < 4; i += 1) {
      await h.drain();
      h.clock.advance(2_000 * 2 ** i);
    }
    expect(h.slack.calls.length).toBe(slackCallsBefore);
    expect(await h.database.db.client.case.count({ where: { title: { startsWith: "停止中の案件" } } })).toBe(2);
    expect(await pending()).toBeGreaterThanOrEqual(7);
    expect(await auditLedger(h.database.db)).toEqual([]);

    await proxy.start();
    h.clock.advance(300_000);
    const burstFrom = h.slack.calls.length;
    await h.drain();
    await expectAllDelivered();
    expect(rootsTitled("停止中の案件1")).toHaveLength(1);
    expect(rootsTitled("停止中の案件2")).toHaveLength(1);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, earlierRoot)?.blocks)).toContain("解決");

    // About one message per second per channel in production; here the interval is 200 ms.
    const burst = h.slack.calls.slice(burstFrom).filter((c) => c.ok && (c.method === "chat.postMessage" || c.method === "chat.update"));
    for (const channel of [CUSTOMER_CHANNEL, TRIAGE_CHANNEL]) {
      const at = burst.filter((c) => c.args.channel === channel).map((c) => c.at);
      expect(at.length).toBeGreaterThan(channel === CUSTOMER_CHANNEL ? 5 : 1);
      const gaps = at.slice(1).map((t, i) => t - at[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
    }
  });

  it("sets aside a message Slack refuses for good, and its replies, so the channel's later messages still arrive", async () => {
    h.slack.fail("chat.postMessage", { error: "invalid_blocks", times: 1 });
    const noTriage = { ...h.running.deps, triageChannel: null };
    const refused = await openCase(noTriage, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "Slackが拒否した案件", description: "詳細", level: "normal" });
    const later = await openCaseDirect(h, "拒否の後の案件", CUSTOMER);
    for (let i = 0; i < 25; i += 1) {
      await h.drain();
      h.clock.advance(500);
    }
    const rows = await h.database.db.client.outboxMessage.findMany({ where: { caseId: refused.ok ? refused.caseId : -1, channelId: CUSTOMER_CHANNEL }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.failedAt !== null, r.lastError?.split(":")[0]])).toEqual([["case_root", true, "invalid_blocks"], ["case_notice", true, "not_yet"]]);
    // T4U is told at once that the customer does not see the case.
    expect(h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.text.includes("invalid_blocks") && m.text.includes("自動では再送しません"))).toHaveLength(1);
    const laterRoot = await rootTsOf(h, later);
    expect(h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === laterRoot)).toHaveLength(1);
    expect(await h.database.db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } })).toBe(0);
  });

  it("tags every post with its outbox entry, so each can be traced to what was committed", () => {
    const posted = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.bot_id);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.every((m) => outboxIdOf(m) !== null)).toBe(true);
    expect(attemptsOf("chat.postMessage", CUSTOMER_CHANNEL).some((c) => !c.ok)).toBe(true);
  });
});

// After a case is resolved or closes by itself, the customer is asked once in its thread how satisfied they are
// (1–5), and may add a comment. Only the customer's workspace can answer, and only once per case; a cancelled case
// is not asked. Through the real receiver, a real database and the Slack stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { InsightIds } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { customerCase, ephemeralAfter, rootTs } from "./engineer-helpers.ts";

let h: Harness;
beforeAll(async () => {
  // Mon 2026-06-01 10:00 in Tokyo.
  h = await startHarness({ now: "2026-06-01T01:00:00Z" });
  await h.registerCustomer({ incidents: 10, confirmedOn: "2026-04-01" });
});
afterAll(async () => {
  await h?.close();
});

const [, , , four, five] = InsightIds.actions.rateScores;

/** The rating question (or its answered form) in a case's thread. */
async function ratingMessage(caseId: number) {
  const root = await rootTs(h, caseId);
  return h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.thread_ts === root && JSON.stringify(m.blocks ?? []).includes("case_rating"));
}

function click(actionId: string, caseId: number, ts: string, who = { userId: CUSTOMER, userTeamId: CUSTOMER_TEAM }) {
  return h.driver.blockAction({ actionId, value: String(caseId), channelId: CUSTOMER_CHANNEL, messageTs: ts, ...who });
}

const rating = (caseId: number) => h.database.db.client.caseRating.findUnique({ where: { caseId } });

describe("the satisfaction rating of a case", () => {
  let caseId: number;
  let askTs: string;

  it("asks the customer in the thread once the case is resolved, with five buttons", async () => {
    caseId = await customerCase(h, "ライセンス認証エラー");
    expect(await ratingMessage(caseId)).toBeUndefined();
    await resolveCase(h.running.deps, { caseId, actorId: ENGINEER });
    await h.drain();
    const asked = await ratingMessage(caseId);
    expect(asked?.text).toContain(`案件 #${String(caseId).padStart(4, "0")} の対応はいかがでしたでしょうか`);
    expect(JSON.stringify(asked?.blocks)).toContain("★★★★★ 5");
    askTs = asked!.ts;
  });

  it("refuses an engineer and a person of another workspace in the channel, and records nothing", async () => {
    const engineer = await ephemeralAfter(h, CUSTOMER_CHANNEL, ENGINEER, () => click(five, caseId, askTs, { userId: ENGINEER, userTeamId: HOME_TEAM }));
    expect(engineer).toContain("お客様のみ");
    const outsider = await ephemeralAfter(h, CUSTOMER_CHANNEL, OTHER_CUSTOMER, () => click(five, caseId, askTs, { userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM }));
    expect(outsider).toContain("お客様のみ");
    expect(await rating(caseId)).toBeNull();
  });

  it("records the first of two clicks racing, thanks the customer in place and offers a comment", async () => {
    const [a, b] = await Promise.all([click(four, caseId, askTs), click(five, caseId, askTs)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await expect.poll(() => rating(caseId)).not.toBeNull();
    await h.drain();
    const stored = await rating(caseId);
    expect(await h.database.db.client.caseRating.count({ where: { caseId } })).toBe(1);
    expect([4, 5]).toContain(stored?.score);
    const answered = await ratingMessage(caseId);
    expect(answered?.ts).toBe(askTs);
    expect(answered?.text).toContain(`ご評価ありがとうございました。${"★".repeat(stored!.score)}`);
    expect(JSON.stringify(answered?.blocks)).toContain("コメントを送る");
    expect(JSON.stringify(answered?.blocks)).not.toContain(five);
  });

  it("takes one comment from the customer through a modal", async () => {
    const opened = await click(InsightIds.actions.rateComment, caseId, askTs);
    expect(opened.slackWouldReject).toBeUndefined();
    await expect.poll(() => h.slack.views().filter((v) => v.open && v.callback_id === InsightIds.views.rateComment).length).toBe(1);
    const submitted = await h.driver.viewSubmission({
      callbackId: InsightIds.views.rateComment, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: { [InsightIds.inputs.commentBlock]: { [InsightIds.inputs.comment]: "迅速にご対応いただき助かりました。" } },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.slackWouldReject).toBeUndefined();
    expect((await rating(caseId))?.comment).toBe("迅速にご対応いただき助かりました。");
    await h.drain();
    const answered = await ratingMessage(caseId);
    expect(JSON.stringify(answered?.blocks)).toContain("コメントもお寄せいただき");
    expect(JSON.stringify(answered?.blocks)).not.toContain(InsightIds.actions.rateComment);
  });

  it("asks when a case closes by itself after seven business days without a reply", async () => {
    const idle = await customerCase(h, "インストール手順の確認");
    const root = await rootTs(h, idle);
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "手順書をお送りします。", threadTs: root, ts: `${Math.floor(h.clock.now().getTime() / 1000)}.000300` });
    await expect.poll(async () => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: idle } })).state).toBe("answered");
    h.clock.set(new Date("2026-06-15T02:00:00Z"));
    await h.running.scheduler.runOnce();
    await h.drain();
    expect((await h.database.db.client.case.findUniqueOrThrow({ where: { id: idle } })).state).toBe("closed");
    expect((await ratingMessage(idle))?.text).toContain("対応はいかがでしたでしょうか");
  });

  it("does not ask about a case cancelled as a product defect", async () => {
    const cancelled = await customerCase(h, "製品の不具合");
    await cancelCase(h.running.deps, { caseId: cancelled, actorId: ENGINEER, note: "製品の不具合でした" });
    await h.drain();
    expect(await ratingMessage(cancelled)).toBeUndefined();
  });
});

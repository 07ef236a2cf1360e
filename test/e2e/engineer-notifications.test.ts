// Personal notifications, end to end: an engineer is told by direct message about their own cases — assigned to
// them, the customer wrote, the first response due soon or overdue, their proposal approved or declined, the case
// closing by itself tomorrow, the customer's rating — once, in their own Slack language, a burst in one message;
// a case nobody has is told to the triage channel instead, and no customer ever gets such a message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { Actions, InsightIds, Inputs, Views } from "../../src/slack/ids.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, OTHER_CUSTOMER, startHarness, TRIAGE_CHANNEL, type Harness,
} from "../support/harness.ts";
import { AN_ENGINEER, A_CUSTOMER, caseRow, clickButton, customerCase, openActionModal, rootTs, submit, triageTs, type Person } from "./engineer-helpers.ts";

let h: Harness;

beforeAll(async () => {
  // Tue 2026-11-24 10:00 in Tokyo.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 100 });
  h.slack.setUser({ id: ENGINEER, team_id: HOME_TEAM, locale: "ja-JP" });
  h.slack.setUser({ id: ENGINEER_2, team_id: HOME_TEAM, locale: "en-US" });
});
afterAll(async () => {
  await h?.close();
});

const MINUTE = 60_000;
const dmChannel = (userId: string) => `D${userId.slice(1)}`;
/** The app's direct messages to a person, as text and blocks together. */
const dms = (userId: string) => h.slack.messages(dmChannel(userId)).map((m) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`);
const number = (caseId: number) => `#${String(caseId).padStart(4, "0")}`;
/** The lines (one per notification) of the person's direct messages that speak of the case and say `words`. */
function told(userId: string, caseId: number, words: string): string[] {
  const lines = h.slack.messages(dmChannel(userId)).flatMap((m) => (m.blocks ?? []).flatMap((b) => {
    const text = (b as { type?: string; text?: { text?: string } }).type === "section" ? (b as { text?: { text?: string } }).text?.text : undefined;
    return text ? [text] : [];
  }));
  return lines.filter((line) => line.includes(`${number(caseId)} `) && line.includes(words));
}

/** Delivers what is due, then lets the minute a notification waits for others pass, and delivers again. */
async function aMinuteLater(): Promise<void> {
  await h.drain();
  h.clock.advance(MINUTE);
  await h.drain();
}

const tsNow = () => `${Math.floor(h.clock.now().getTime() / 1000)}.${String(Math.floor(Math.random() * 999_999)).padStart(6, "0")}`;

async function customerWrites(caseId: number, text: string, options: { ts?: string; eventId?: string; retryNum?: number } = {}) {
  // Written after whatever came before (a message of the same second as the engineer's answer counts as answered).
  if (!options.ts) h.clock.advance(1000);
  const response = await h.driver.message({
    channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text, threadTs: await rootTs(h, caseId), ts: options.ts ?? tsNow(), external: true,
    ...(options.eventId ? { eventId: options.eventId } : {}), ...(options.retryNum ? { retryNum: options.retryNum } : {}),
  });
  expect(response.status).toBe(200);
}

async function engineerAnswers(caseId: number, who = ENGINEER) {
  const response = await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: who, userTeamId: HOME_TEAM, text: "ご確認いたしました。", threadTs: await rootTs(h, caseId), ts: tsNow(), external: true });
  expect(response.status).toBe(200);
  await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("answered");
}

async function take(caseId: number, who: Person = AN_ENGINEER) {
  expect((await clickButton(h, who, caseId, Actions.take)).status).toBe(200);
  await expect.poll(async () => (await caseRow(h, caseId)).assigneeId).toBe(who.userId);
}

async function assign(caseId: number, by: Person, to: string) {
  const view = await openActionModal(h, by, caseId, Actions.assign, Views.assign);
  expect((await submit(h, by, view, { [Inputs.assignee.block]: { [Inputs.assignee.action]: to } })).json).toBeNull();
}

describe("assigned to you", () => {
  it("tells the assignee once, in their own language, a minute after the first of a burst, with a link to the case", async () => {
    const caseId = await customerCase(h, "割り当ての通知");
    await assign(caseId, AN_ENGINEER, ENGINEER_2);
    await h.drain();
    // The first notification waits a minute for others to come with it.
    expect(told(ENGINEER_2, caseId, "assigned")).toHaveLength(0);
    await aMinuteLater();
    const [message] = told(ENGINEER_2, caseId, "You are now assigned to");
    expect(message).toContain(`<@${ENGINEER}>`);
    expect(message).toContain("割り当ての通知");
    expect(message).toContain("株式会社サンプル");
    expect(message).toMatch(/<https?:\/\/[^|>]+\|#\d{4} /);
    // Choosing the same assignee again changes nothing and tells nobody again.
    await assign(caseId, AN_ENGINEER, ENGINEER_2);
    await aMinuteLater();
    expect(told(ENGINEER_2, caseId, "You are now assigned to")).toHaveLength(1);
  });

  it("tells nobody when an engineer takes a case themselves", async () => {
    const caseId = await customerCase(h, "自分で担当する案件");
    await take(caseId);
    await aMinuteLater();
    expect(dms(ENGINEER).filter((m) => m.includes(number(caseId)))).toHaveLength(0);
  });
});

describe("the customer wrote in your case", () => {
  it("tells the engineer who has the case, once however often Slack delivers the message, in Japanese", async () => {
    const caseId = await customerCase(h, "お客様の返信");
    await take(caseId);
    await engineerAnswers(caseId);
    h.clock.advance(1000);
    const ts = tsNow();
    await customerWrites(caseId, "ログを添付いたします。ご確認ください。", { ts, eventId: "Ev0REPLY1" });
    await customerWrites(caseId, "ログを添付いたします。ご確認ください。", { ts, eventId: "Ev0REPLY1", retryNum: 1 });
    await aMinuteLater();
    const messages = told(ENGINEER, caseId, "お客様から新しいメッセージがあります");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("ログを添付いたします。");
  });

  it("gathers what arrives within a minute into one message", async () => {
    const caseId = await customerCase(h, "続けて届くメッセージ");
    await take(caseId);
    await engineerAnswers(caseId);
    const before = dms(ENGINEER).length;
    await customerWrites(caseId, "1点目です。");
    h.clock.advance(10_000);
    await customerWrites(caseId, "2点目です。");
    h.clock.advance(10_000);
    await customerWrites(caseId, "3点目です。");
    await aMinuteLater();
    const added = dms(ENGINEER).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain("お知らせが 3 件あります");
    for (const words of ["1点目です。", "2点目です。", "3点目です。"]) expect(added[0]).toContain(words);
  });

  it("alerts the triage thread instead when nobody has the case, and sends no direct message", async () => {
    const caseId = await customerCase(h, "担当者のいない案件");
    const before = [dms(ENGINEER).length, dms(ENGINEER_2).length];
    await customerWrites(caseId, "追加の情報です。");
    await aMinuteLater();
    const triage = await triageTs(h, caseId);
    const alerts = h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.thread_ts === triage && (m.text ?? "").includes("担当者はまだいません"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain(number(caseId));
    expect([dms(ENGINEER).length, dms(ENGINEER_2).length]).toEqual(before);
  });
});

describe("first response due soon and overdue (R-LIFE-7)", () => {
  it("tells the assignee before the first response falls due, and once more when it is overdue", async () => {
    const caseId = await customerCase(h, "初回回答期限の通知");
    await assign(caseId, AN_ENGINEER, ENGINEER_2);
    const row = await caseRow(h, caseId);
    h.clock.set(new Date(row.firstResponseRemindAt!.getTime() + 11 * MINUTE));
    await h.running.scheduler.runOnce();
    await aMinuteLater();
    expect(told(ENGINEER_2, caseId, "is due soon")).toHaveLength(1);
    h.clock.set(new Date(row.firstResponseDueAt!.getTime() + 11 * MINUTE));
    await h.running.scheduler.runOnce();
    await h.running.scheduler.runOnce();
    await aMinuteLater();
    expect(told(ENGINEER_2, caseId, "is overdue")).toHaveLength(1);
    expect(told(ENGINEER_2, caseId, "is due soon")).toHaveLength(1);
  });
});

describe("your proposal approved or declined (R-INC-5)", () => {
  const proposalMessage = async (caseId: number) => {
    const ts = await rootTs(h, caseId);
    return h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === ts && JSON.stringify(m.blocks ?? []).includes('"block_id":"proposal:')).at(-1);
  };
  const proposeLevelA = async (caseId: number) => {
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeLevelA, Views.levelA);
    const response = await submit(h, AN_ENGINEER, view, {
      [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
      [Inputs.reason.block]: { [Inputs.reason.action]: "お客様の環境を再現して検証する必要があります。" },
    });
    expect(response.json).toBeNull();
    await h.drain();
    return (await proposalMessage(caseId))!.ts;
  };
  const answer = (ts: string, actionId: string) => h.driver.blockAction({ actionId, userId: A_CUSTOMER.userId, userTeamId: A_CUSTOMER.teamId, channelId: CUSTOMER_CHANNEL, messageTs: ts });

  it("tells the engineer who proposed when the customer approves", async () => {
    const caseId = await customerCase(h, "承認される提案");
    await take(caseId);
    const ts = await proposeLevelA(caseId);
    expect((await answer(ts, Actions.approveProposal)).status).toBe(200);
    await expect.poll(async () => (await caseRow(h, caseId)).level).toBe("A");
    await aMinuteLater();
    expect(told(ENGINEER, caseId, "あなたの提案（サービスレベルAへの変更）を承認しました")).toHaveLength(1);
  });

  it("tells the engineer who proposed when the customer declines", async () => {
    const caseId = await customerCase(h, "承認されない提案");
    await take(caseId);
    const ts = await proposeLevelA(caseId);
    expect((await answer(ts, Actions.declineProposal)).status).toBe(200);
    await expect.poll(async () => (await h.database.db.client.proposal.findFirstOrThrow({ where: { caseId } })).state).toBe("declined");
    await aMinuteLater();
    expect(told(ENGINEER, caseId, "承認しませんでした")).toHaveLength(1);
  });
});

describe("your case closes by itself tomorrow (R-LIFE-2)", () => {
  it("tells the assignee on the day before the automatic close, once", async () => {
    const caseId = await customerCase(h, "自動クローズの通知");
    await take(caseId);
    await engineerAnswers(caseId);
    const closeAt = (await caseRow(h, caseId)).autoCloseAt!;
    // Two days ahead is not yet "tomorrow".
    h.clock.set(new Date(closeAt.getTime() - 2 * 24 * 60 * MINUTE));
    await h.running.scheduler.runOnce();
    await aMinuteLater();
    expect(told(ENGINEER, caseId, "自動でクローズします")).toHaveLength(0);
    h.clock.set(new Date(closeAt.getTime() - 20 * 60 * MINUTE));
    await h.running.scheduler.runOnce();
    await h.running.scheduler.runOnce();
    await aMinuteLater();
    const messages = told(ENGINEER, caseId, "自動でクローズします");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/2026年\d+月\d+日（.）/);
  });
});

describe("the customer rated your case", () => {
  it("tells the engineer who had the case the score", async () => {
    const caseId = await customerCase(h, "評価される案件");
    await take(caseId);
    await resolveCase(h.running.deps, { caseId, actorId: ENGINEER });
    await h.drain();
    const root = await rootTs(h, caseId);
    const ask = h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.thread_ts === root && JSON.stringify(m.blocks ?? []).includes("case_rating"));
    const four = InsightIds.actions.rateScores[3];
    expect((await h.driver.blockAction({ actionId: four, value: String(caseId), channelId: CUSTOMER_CHANNEL, messageTs: ask!.ts, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM })).status).toBe(200);
    await expect.poll(() => h.database.db.client.caseRating.findUnique({ where: { caseId } })).not.toBeNull();
    await aMinuteLater();
    const messages = told(ENGINEER, caseId, "評価をいただきました");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("★★★★☆（4）");
  });
});

describe("only T4U's people", () => {
  it("never sends a customer a direct message, nor says any of this in the customer's channel", async () => {
    const opened = h.slack.callsTo("conversations.open").map((c) => (typeof c.args.users === "string" ? c.args.users : ""));
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((u) => u === ENGINEER || u === ENGINEER_2)).toBe(true);
    expect(h.slack.messages(dmChannel(CUSTOMER))).toHaveLength(0);
    expect(h.slack.messages(dmChannel(OTHER_CUSTOMER))).toHaveLength(0);
    const customerSide = h.slack.messages(CUSTOMER_CHANNEL).map((m) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`).join("\n");
    for (const words of ["の担当になりました", "新しいメッセージがあります", "お知らせが", "評価をいただきました"]) expect(customerSide).not.toContain(words);
  });
});

describe("without a triage channel", () => {
  it("warns at the start that alerts about cases nobody has reach no one", async () => {
    const lines: string[] = [];
    const bare = await startHarness({ env: { TRIAGE_CHANNEL: "" }, logger: createLogger("info", (line) => lines.push(line)) });
    try {
      const warning = lines.map((line) => JSON.parse(line) as { level: string; msg: string }).find((l) => l.level === "warn" && l.msg.includes("TRIAGE_CHANNEL"));
      expect(warning?.msg).toContain("TRIAGE_CHANNEL is not set");
      expect(warning?.msg).toContain("not posted anywhere");
    } finally {
      await bare.close();
    }
  });
});

// Every engineer action on a case, end to end through signed requests: what it does to the case, the ledger and
// the messages customers and engineers see. Rules: R-INC-2/3/5/6/7/8, R-LIFE-6, R-ROLE.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER, ENGINEER_2, INTERNAL, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import {
  A_CUSTOMER, AN_ENGINEER, caseRow, clickButton, customerCase, ephemeralAfter, everything, modalErrors, openActionModal, rootTs, submit, threadTexts, triageTs, type Person,
} from "./engineer-helpers.ts";

let h: Harness;
let contractId: number;
beforeAll(async () => {
  h = await startHarness();
  ({ contractId } = await h.registerCustomer({ incidents: 30 }));
});
afterAll(async () => {
  await h?.close();
});

const contract = () => h.database.db.client.contract.findUniqueOrThrow({ where: { id: contractId } });
const rootBlocks = async (caseId: number, channel = CUSTOMER_CHANNEL) => JSON.stringify(h.slack.message(channel, await rootTs(h, caseId))?.blocks ?? []);
const triageBlocks = async (caseId: number) => JSON.stringify(h.slack.message(TRIAGE_CHANNEL, await triageTs(h, caseId))?.blocks ?? []);

/** The proposal message of a case still offering its buttons, as the customer sees it in the thread. */
async function proposalMessage(caseId: number, channel = CUSTOMER_CHANNEL) {
  const ts = (await caseRow(h, caseId)).rootTs;
  return h.slack.messages(channel).filter((m) => m.thread_ts === ts && JSON.stringify(m.blocks ?? []).includes('"block_id":"proposal:')).at(-1);
}

function answer(who: Person, messageTs: string, actionId: string, channelId = CUSTOMER_CHANNEL) {
  return h.driver.blockAction({ actionId, userId: who.userId, userTeamId: who.teamId, channelId, messageTs });
}

async function propose(caseId: number, callbackId: string, action: string, values: Record<string, Record<string, unknown>>) {
  const view = await openActionModal(h, AN_ENGINEER, caseId, action, callbackId);
  const response = await submit(h, AN_ENGINEER, view, values);
  expect(response.json).toBeNull();
  await h.drain();
  return view;
}

describe("assigning (R-ROLE: engineers assign)", () => {
  it("assigns a case to another engineer: the customer and the triage channel see who has it", async () => {
    const caseId = await customerCase(h, "割り当ての確認");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.assign, Views.assign);
    const response = await submit(h, AN_ENGINEER, view, { [Inputs.assignee.block]: { [Inputs.assignee.action]: ENGINEER_2 } });
    expect(response.json).toBeNull();
    expect(await caseRow(h, caseId)).toMatchObject({ assigneeId: ENGINEER_2, state: "in_progress" });
    await h.drain();
    expect(await rootBlocks(caseId)).toContain(`<@${ENGINEER_2}>`);
    expect(await triageBlocks(caseId)).toContain(`<@${ENGINEER_2}>`);
    expect((await threadTexts(h, caseId)).some((t) => t.includes(`<@${ENGINEER_2}> が担当いたします`))).toBe(true);
    const event = await h.database.db.client.caseEvent.findFirstOrThrow({ where: { caseId, kind: "assigned" } });
    expect(event).toMatchObject({ actorId: ENGINEER, data: { assigneeId: ENGINEER_2 } });
  });

  it("accepts only configured engineers as assignees, inline, changing nothing", async () => {
    const caseId = await customerCase(h, "担当者の誤り");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.assign, Views.assign, "triage");
    const before = await everything(h);
    const response = await submit(h, AN_ENGINEER, view, { [Inputs.assignee.block]: { [Inputs.assignee.action]: INTERNAL } });
    expect(modalErrors(response)[Inputs.assignee.block]).toContain("サポート担当を選んでください");
    expect(await everything(h)).toBe(before);
  });
});

describe("level A (R-INC-2, R-INC-5, R-INC-6)", () => {
  it("asks the customer in the thread with the reason and the cost; nothing is reserved before approval", async () => {
    const caseId = await customerCase(h, "環境依存の不具合");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeLevelA, Views.levelA);
    expect(JSON.stringify(view.blocks)).toContain("1 インシデントから 3 インシデントになります");
    const before = await contract();
    await propose(caseId, Views.levelA, Actions.proposeLevelA, {
      [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
      [Inputs.reason.block]: { [Inputs.reason.action]: "お客様の環境を再現して検証する必要があります。" },
    });
    const message = JSON.stringify((await proposalMessage(caseId))?.blocks);
    expect(message).toContain("サービスレベルA（環境の再現による検証）");
    expect(message).toContain("お客様の環境を再現して検証する必要があります。");
    expect(message).toContain("1 インシデント → 3 インシデント");
    expect(message).toContain(Actions.approveProposal);
    expect(await contract()).toEqual(before);
    expect((await caseRow(h, caseId)).level).toBe("normal");
  });

  it("on the customer's approval reserves 2 more at once, shows level A everywhere, and a double click acts once", async () => {
    const caseId = (await h.database.db.client.case.findFirstOrThrow({ where: { title: "環境依存の不具合" } })).id;
    const message = await proposalMessage(caseId);
    const before = await contract();
    const [first, second] = await Promise.all([
      answer(A_CUSTOMER, message!.ts, Actions.approveProposal),
      answer(A_CUSTOMER, message!.ts, Actions.approveProposal),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await expect.poll(async () => (await caseRow(h, caseId)).level).toBe("A");
    await expect.poll(() => h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.text.includes("既にご回答いただいています")).length).toBe(1);
    expect(await contract()).toMatchObject({ available: before.available - 2, reserved: before.reserved + 2 });
    expect(await h.database.db.client.ledgerEntry.count({ where: { caseId, kind: "reserve", amount: 2 } })).toBe(1);
    await h.drain();
    expect(await rootBlocks(caseId)).toContain("3 インシデント（予約中）");
    expect(await rootBlocks(caseId)).toContain("サービスレベルA");
    expect((await threadTexts(h, caseId)).some((t) => t.includes("サービスレベルAとしました") && t.includes("1 から 3"))).toBe(true);
    // The proposal now says who approved, and offers no buttons any more.
    const answered = JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, message!.ts)?.blocks);
    expect(answered).toContain("ご承認くださいました");
    expect(answered).not.toContain(Actions.approveProposal);
    // Engineers hear of it in the case's triage thread.
    const triage = await triageTs(h, caseId);
    expect(h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.thread_ts === triage && m.text?.includes("提案を承認しました（インシデント 1 → 3）"))).toHaveLength(1);
  });

  it("refuses an approval the balance cannot cover, telling the customer why; nothing changes", async () => {
    await h.registerCustomer({ name: "小口のお客様", channelId: "C0SMALL", incidents: 3, team: "T0SMALL" });
    const small: Person = { userId: "U0SMALL", teamId: "T0SMALL", role: "a customer" };
    const open = () => openCase(h.running.deps, {
      requestKey: randomUUID(), channelId: "C0SMALL", openedBy: small.userId,
      title: "小口の案件", description: "詳細", level: "normal",
    });
    const opened = await open();
    if (!opened.ok) throw new Error("not opened");
    await h.drain();
    const caseId = opened.caseId;
    const modal = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeLevelA, Views.levelA);
    const proposed = await submit(h, AN_ENGINEER, modal, { [Inputs.reason.block]: { [Inputs.reason.action]: "正式な報告書が必要です。" } });
    expect(proposed.json).toBeNull();
    await h.drain();
    await open(); // the balance falls to 1 before the customer answers
    await h.drain();
    const message = await proposalMessage(caseId, "C0SMALL");
    const before = await everything(h);
    const text = await ephemeralAfter(h, "C0SMALL", small.userId, () => answer(small, message!.ts, Actions.approveProposal, "C0SMALL"));
    expect(text).toContain("インシデントが不足しているため");
    expect(text).toContain("追加で必要: 2、ご利用可能: 1");
    expect(await everything(h)).toBe(before);
  });

  it("a decline changes nothing but is recorded and acknowledged in the thread", async () => {
    const caseId = await customerCase(h, "提案を断る案件");
    await propose(caseId, Views.levelA, Actions.proposeLevelA, { [Inputs.reason.block]: { [Inputs.reason.action]: "報告書を作成します。" } });
    const message = await proposalMessage(caseId);
    const before = await contract();
    await answer(A_CUSTOMER, message!.ts, Actions.declineProposal);
    await expect.poll(async () => (await h.database.db.client.proposal.findFirstOrThrow({ where: { caseId } })).state).toBe("declined");
    expect(await contract()).toEqual(before);
    expect(await caseRow(h, caseId)).toMatchObject({ level: "normal", incidents: 1 });
    await h.drain();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("承認しないとのご回答"))).toBe(true);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, message!.ts)?.blocks)).not.toContain(Actions.declineProposal);
  });

  it("lowering a level A case needs no approval: 2 incidents are released at once and the customer is told", async () => {
    const caseId = await customerCase(h, "レベルAで作成された案件", "A");
    expect(await rootBlocks(caseId)).not.toContain(`${Actions.proposeLevelA}:${caseId}`);
    const before = await contract();
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.lowerLevel, Views.lowerLevel);
    expect((await submit(h, AN_ENGINEER, view, {})).json).toBeNull();
    expect(await caseRow(h, caseId)).toMatchObject({ level: "normal", incidents: 1 });
    expect(await contract()).toMatchObject({ available: before.available + 2, reserved: before.reserved - 2 });
    await h.drain();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("通常サービスに変更いたしました") && t.includes("3 から 1") && t.includes("差分の 2 インシデントをご返却いたしました"))).toBe(true);
  });
});

describe("split (R-INC-3)", () => {
  it("on approval creates the other parts as new linked cases, each reserving its own incident, and says why", async () => {
    const caseId = await customerCase(h, "複数の問題");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeSplit, Views.split);
    expect(JSON.stringify(view.blocks)).toContain("複数の問題\\n");
    await propose(caseId, Views.split, Actions.proposeSplit, {
      [Inputs.parts.block]: { [Inputs.parts.action]: "ライセンス認証\n帳票の文字化け" },
      [Inputs.reason.block]: { [Inputs.reason.action]: "原因の異なる2つの事象のため、別々に調査します。" },
    });
    const message = await proposalMessage(caseId);
    expect(JSON.stringify(message?.blocks)).toContain("2. 帳票の文字化け");
    const before = await contract();
    await answer(A_CUSTOMER, message!.ts, Actions.approveProposal);
    await expect.poll(() => h.database.db.client.case.count({ where: { parentCaseId: caseId } })).toBe(1);
    const part = await h.database.db.client.case.findFirstOrThrow({ where: { parentCaseId: caseId } });
    expect(part).toMatchObject({ title: "帳票の文字化け", incidents: 1, channelId: CUSTOMER_CHANNEL });
    expect(await caseRow(h, caseId)).toMatchObject({ title: "ライセンス認証", incidents: 1 });
    expect(await contract()).toMatchObject({ available: before.available - 1, reserved: before.reserved + 1 });
    await h.drain();
    expect(await rootBlocks(part.id)).toContain("帳票の文字化け");
    expect((await threadTexts(h, part.id)).some((t) => t.includes("分割して作成しました") && t.includes("原因の異なる2つの事象"))).toBe(true);
    expect((await threadTexts(h, caseId)).some((t) => t.includes("分割しました") && t.includes(`#${String(part.id).padStart(4, "0")}`))).toBe(true);
    expect(await triageBlocks(part.id)).toContain("帳票の文字化け");
  });
});

describe("expected answer date (R-LIFE-6)", () => {
  it("tells the customer at once when the date is 2+ business days after the question, and clears the automatic notice", async () => {
    const caseId = await customerCase(h, "時間のかかる調査"); // Tuesday 2026-11-24
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.setExpectedDate, Views.expectedDate);
    expect((await submit(h, AN_ENGINEER, view, { [Inputs.date.block]: { [Inputs.date.action]: "2026-11-26" } })).json).toBeNull();
    expect(await caseRow(h, caseId)).toMatchObject({ expectedAnswerOn: "2026-11-26", delayNoticeAt: null });
    await h.drain();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("2026年11月26日（木） ごろになる見込み"))).toBe(true);
    expect(await rootBlocks(caseId)).toContain("回答予定日: 2026年11月26日（木）");
    expect(await triageBlocks(caseId)).toContain("2026年11月26日（木）");
  });

  it("says nothing to the customer for the next business day, and refuses a past date inline", async () => {
    const caseId = await customerCase(h, "すぐ回答できる質問");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.setExpectedDate, Views.expectedDate);
    const before = await everything(h);
    expect(modalErrors(await submit(h, AN_ENGINEER, view, { [Inputs.date.block]: { [Inputs.date.action]: "2026-11-20" } }))[Inputs.date.block]).toContain("今日以降");
    expect(await everything(h)).toBe(before);
    expect((await submit(h, AN_ENGINEER, view, { [Inputs.date.block]: { [Inputs.date.action]: "2026-11-25" } })).json).toBeNull();
    await h.drain();
    expect((await caseRow(h, caseId)).delayNoticeAt).not.toBeNull();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("見込み"))).toBe(false);
  });
});

describe("ending a case without consuming (R-INC-7, R-INC-8)", () => {
  it("cancels as a product defect: released, the customer told the cause, the internal note kept out of their channel", async () => {
    const caseId = await customerCase(h, "製品の不具合");
    const before = await contract();
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.cancelDefect, Views.cancelDefect);
    expect((await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: "社内チケット BUG-4711" } })).json).toBeNull();
    expect(await caseRow(h, caseId)).toMatchObject({ state: "cancelled", closedBy: ENGINEER, closeReason: "社内チケット BUG-4711" });
    expect(await contract()).toMatchObject({ available: before.available + 1, reserved: before.reserved - 1, consumed: before.consumed });
    expect(await h.database.db.client.ledgerEntry.count({ where: { caseId, kind: "release", actorId: ENGINEER } })).toBe(1);
    expect(await h.database.db.client.caseEvent.count({ where: { caseId, kind: "cancel_defect", actorId: ENGINEER } })).toBe(1);
    await h.drain();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("弊社製品の不具合") && t.includes("消費されません"))).toBe(true);
    expect(JSON.stringify(h.slack.messages(CUSTOMER_CHANNEL))).not.toContain("BUG-4711");
    expect(await triageBlocks(caseId)).toContain("キャンセル");
  });

  it("declines as out of scope only with a reason, which the customer sees; released", async () => {
    const caseId = await customerCase(h, "対象外の相談");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.declineScope, Views.declineScope);
    const before = await everything(h);
    expect(modalErrors(await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: "   " } }))[Inputs.reason.block]).toContain("ご入力ください");
    expect(await everything(h)).toBe(before);
    const released = await contract();
    expect((await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: "他社製ハードウェアの故障はサポート対象外です。" } })).json).toBeNull();
    expect(await caseRow(h, caseId)).toMatchObject({ state: "declined", closedBy: ENGINEER });
    expect(await contract()).toMatchObject({ available: released.available + 1, consumed: released.consumed });
    await h.drain();
    expect((await threadTexts(h, caseId)).some((t) => t.includes("対象外と判断いたしました") && t.includes("他社製ハードウェア"))).toBe(true);
  });

  it("a menu on a closed case's triage message is gone, and an old modal cannot act on it any more", async () => {
    const caseId = await customerCase(h, "二重の終了");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.declineScope, Views.declineScope, "triage");
    const resolve = await clickButton(h, AN_ENGINEER, caseId, Actions.resolve, "menu");
    expect(resolve.status).toBe(200);
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("resolved");
    await h.drain();
    expect(await triageBlocks(caseId)).not.toContain(Actions.caseMenu);
    const before = await everything(h);
    const errors = modalErrors(await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: "対象外です。" } }));
    expect(errors[Inputs.reason.block]).toContain("既にクローズしている");
    expect(await everything(h)).toBe(before);
  });
});

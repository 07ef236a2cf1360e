// Staff controls live where staff are: the case message in the customer's channel carries only what customers may
// use, whatever the case's state; engineers act from the triage announcement or from the 「案件を操作」 shortcut on
// the case message, whose menu follows the case as they act; what cannot be undone asks first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, ReportIds, Shortcuts, Views } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import {
  A_COLLEAGUE, AN_ENGINEER, caseRow, clickButton, customerCase, ephemeralAfter, openActionModal, openStaffMenu, rootTs, triageTs,
} from "./engineer-helpers.ts";

/** Every control only T4U's engineers may use: none of them may appear in anything posted to a shared channel. */
const STAFF_ONLY_IDS = [
  Actions.take, Actions.resolve, Actions.caseMenu, Actions.assign, Actions.proposeLevelA, Actions.proposeSplit, Actions.setExpectedDate,
  Actions.cancelDefect, Actions.declineScope, Actions.lowerLevel, ReportIds.actions.draft,
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 20 });
});
afterAll(async () => {
  await h?.close();
});

function staffIdsIn(value: unknown): string[] {
  const json = JSON.stringify(value);
  return STAFF_ONLY_IDS.filter((id) => json.includes(`"${id}"`) || json.includes(`"${id}:`));
}

const elementsOf = (blocks: unknown[]) => (blocks as Array<{ type: string; elements?: Array<{ action_id?: string; confirm?: unknown }> }>)
  .flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));

describe("the customer's channel", () => {
  it("never shows a staff control, through opening, taking, answering, a level A case and resolving", async () => {
    const normal = await customerCase(h, "画面が固まる");
    const levelA = await customerCase(h, "報告書が必要な障害", "A");
    await clickButton(h, AN_ENGINEER, normal, Actions.take);
    await expect.poll(async () => (await caseRow(h, normal)).assigneeId).toBe(ENGINEER);
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: AN_ENGINEER.teamId, text: "ご確認ください。", threadTs: await rootTs(h, normal) });
    await expect.poll(async () => (await caseRow(h, normal)).state).toBe("answered");
    await clickButton(h, AN_ENGINEER, normal, Actions.resolve);
    await expect.poll(async () => (await caseRow(h, normal)).state).toBe("resolved");
    await h.drain();
    const posted = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.bot_id);
    expect(posted.length).toBeGreaterThan(4);
    expect(posted.flatMap((m) => staffIdsIn(m.blocks ?? []))).toEqual([]);
    // What customers may use is there: their balance on each case, a new case once one has ended.
    const ended = h.slack.message(CUSTOMER_CHANNEL, await rootTs(h, normal))!;
    expect(elementsOf(ended.blocks ?? []).map((e) => e.action_id)).toEqual([Actions.openFollowUpCase, Actions.showBalance]);
    expect(elementsOf(h.slack.message(CUSTOMER_CHANNEL, await rootTs(h, levelA))!.blocks ?? []).map((e) => e.action_id)).toEqual([Actions.showBalance]);
    // The triage announcement keeps the engineers' controls, the report entry of a level A case included.
    expect(staffIdsIn(h.slack.message(TRIAGE_CHANNEL, await triageTs(h, levelA))!.blocks)).toEqual(expect.arrayContaining([Actions.resolve, Actions.caseMenu, ReportIds.actions.draft]));
  });
});

describe("the 「案件を操作」 shortcut on a case message", () => {
  it("opens the staff menu for an engineer, which follows the case as they take and resolve it", async () => {
    const caseId = await customerCase(h, "ショートカットで対応");
    const menu = await openStaffMenu(h, AN_ENGINEER, caseId);
    expect(elementsOf(menu.blocks).map((e) => e.action_id)).toEqual([Actions.take, Actions.resolve, Actions.caseMenu]);
    await h.driver.blockAction({ actionId: Actions.take, userId: ENGINEER, userTeamId: AN_ENGINEER.teamId, view: { id: menu.id, callbackId: Views.staffMenu } });
    await expect.poll(() => elementsOf(h.slack.views().find((v) => v.id === menu.id)!.blocks).map((e) => e.action_id)).toEqual([Actions.resolve, Actions.caseMenu]);
    expect((await caseRow(h, caseId)).assigneeId).toBe(ENGINEER);
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: AN_ENGINEER.teamId, view: { id: menu.id, callbackId: Views.staffMenu } });
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("resolved");
    await expect.poll(() => JSON.stringify(h.slack.views().find((v) => v.id === menu.id)!.blocks)).toContain("既に終了しているため");
  });

  it("stacks a menu option's modal on the staff menu, as Slack requires of a modal opened from a modal", async () => {
    const caseId = await customerCase(h, "ショートカットから回答予定日");
    const modal = await openActionModal(h, AN_ENGINEER, caseId, Actions.setExpectedDate, Views.expectedDate, "menu");
    const below = h.slack.views().find((v) => v.id === modal.previous_view_id);
    expect(below?.callback_id).toBe(Views.staffMenu);
  });

  it("refuses, politely, T4U staff who are not engineers, and opens nothing", async () => {
    const caseId = await customerCase(h, "エンジニア以外のショートカット");
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, A_COLLEAGUE.userId, () => h.driver.messageShortcut({
      callbackId: Shortcuts.caseStaffMenu, userId: A_COLLEAGUE.userId, channelId: CUSTOMER_CHANNEL, message: { ts: h.driver.nextTs(), text: "", user: h.slack.botUserId },
    }));
    expect(text).toBe("恐れ入りますが、「案件を操作」は T4U のサポート担当のみご利用いただけます。");
    expect(h.slack.views().filter((v) => v.user_id === A_COLLEAGUE.userId && v.callback_id === Views.staffMenu)).toEqual([]);
    expect((await caseRow(h, caseId)).assigneeId).toBeNull();
  });

  it("tells an engineer who uses it on a message that is not a case where it works", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, ENGINEER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.caseStaffMenu, userId: ENGINEER, channelId: CUSTOMER_CHANNEL, message: { ts: h.driver.nextTs(), text: "ただの雑談", user: "U0CUST1" },
    }));
    expect(text).toContain("案件のメッセージではありません");
  });
});

describe("acts that cannot be undone ask first", () => {
  it("Resolve asks in a confirmation that names the incidents to be consumed, with 「戻る」 beside 「解決を確定」", async () => {
    const caseId = await customerCase(h, "確認ダイアログ");
    const resolve = elementsOf(h.slack.message(TRIAGE_CHANNEL, await triageTs(h, caseId))!.blocks ?? []).find((e) => e.action_id === Actions.resolve)!;
    expect(resolve.confirm).toMatchObject({
      text: { text: expect.stringContaining("予約中の 1 インシデントを消費します。解決した案件は再開できません。") },
      confirm: { text: "解決を確定" }, deny: { text: "戻る" },
    });
  });
});

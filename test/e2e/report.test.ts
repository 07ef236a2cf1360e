// The formal report of a level A case, end to end through signed requests: drafted in a modal (each save a
// version), reviewed in the triage thread by someone other than its author, delivered to the customer's case
// thread as a PDF, and re-issued as 第2版 saying what changed. Staff only at every step. Rules: R-INC-2, R-ROLE.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { Actions, ReportIds } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, ENGINEER_2, HOME_TEAM, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import type { SlackView } from "../support/slack-api.ts";
import { HAS_PDFTOTEXT, joined, pdfText } from "../report/pdf-text.ts";
import {
  A_COLLEAGUE, A_CUSTOMER, A_MANAGER, AN_ENGINEER, caseRow, chooseMenu, clickButton, ephemeralAfter, modalErrors, openActionModal, rootTs, submit, triageTs, type Person,
} from "./engineer-helpers.ts";

const A_SECOND_ENGINEER: Person = { userId: ENGINEER_2, teamId: HOME_TEAM, role: "another engineer" };
const LONG = "弊社にて、お客様のご利用環境（らかん™ 4.2、Windows Server 2022）を再現し、ライセンス認証の処理を検証いたしました。"
  + "その結果、認証サーバーへの接続がプロキシ設定により遮断され、「E-1024」が表示されることを確認いたしました。";
const I = ReportIds.inputs;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 30 });
});
afterAll(async () => {
  await h?.close();
});

async function reportCase(title: string, levelReason: "report" | "reproduction" = "report"): Promise<number> {
  const result = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title, product: "らかん™ 4.2",
    description: "ライセンス認証の画面でエラー E-1024 が表示されます。", level: "A", levelReason,
  });
  if (!result.ok) throw new Error(result.reason);
  await h.drain();
  return result.caseId;
}

function sectionValues(overrides: Record<string, Record<string, unknown>> = {}) {
  return {
    [I.summary.block]: { [I.summary.action]: "ライセンス認証時に E-1024 が表示される事象について、調査結果をご報告いたします。" },
    [I.investigation.block]: { [I.investigation.action]: LONG.repeat(6) },
    [I.cause.block]: { [I.cause.action]: "プロキシサーバーの設定により、認証サーバーへの通信が遮断されていたことが原因です。" },
    [I.measures.block]: { [I.measures.action]: "プロキシの除外設定に認証サーバーを追加してください。" },
    [I.nextSteps.block]: { [I.nextSteps.action]: "次期バージョンでエラーメッセージに原因を表示いたします。" },
    ...overrides,
  };
}

const openDraft = (who: Person, caseId: number) => openActionModal(h, who, caseId, ReportIds.actions.draft, ReportIds.views.draft, "triage");

/** The review messages of a case's report in its triage thread, in the order they were posted. */
async function reviewMessages(caseId: number) {
  const ts = await triageTs(h, caseId);
  return h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.thread_ts === ts && JSON.stringify(m.blocks ?? []).includes(`"block_id":"${ReportIds.reviewHeadBlock}:`));
}

async function clickReview(who: Person, caseId: number, actionId: string) {
  const message = (await reviewMessages(caseId)).at(-1)!;
  const block = (message.blocks as { block_id?: string }[]).find((b) => b.block_id?.startsWith(`${ReportIds.reviewBlock}:`));
  return h.driver.blockAction({ actionId, userId: who.userId, userTeamId: who.teamId, channelId: TRIAGE_CHANNEL, messageTs: message.ts, ...(block?.block_id ? { blockId: block.block_id } : {}) });
}

const versions = (caseId: number) => h.database.db.client.reportVersion.findMany({ where: { report: { caseId } }, orderBy: { number: "asc" } });
const latestReviewText = async (caseId: number) => JSON.stringify((await reviewMessages(caseId)).at(-1)?.blocks ?? []);
const uploadsFor = async (caseId: number) => {
  const ts = await rootTs(h, caseId);
  return h.slack.uploads.filter((u) => u.channel_id === CUSTOMER_CHANNEL && u.thread_ts === ts);
};

function modalsOf(userId: string, callbackId: string): SlackView[] {
  return h.slack.views().filter((v) => v.open && v.callback_id === callbackId && v.user_id === userId);
}

async function saveDraft(who: Person, caseId: number, values: Record<string, Record<string, unknown>> = sectionValues()): Promise<void> {
  const view = await openDraft(who, caseId);
  const told = () => h.slack.ephemerals(TRIAGE_CHANNEL).filter((e) => e.user === who.userId).length;
  const before = told();
  const response = await submit(h, who, view, values);
  expect(response.json).toBeNull();
  // Saved once the author is told so (after the review message is posted).
  await expect.poll(told).toBe(before + 1);
}

describe("drafting the report (staff only, each save a version)", () => {
  it("opens from the triage message's menu prefilled from the case, and saves v1 sent for review", async () => {
    const caseId = await reportCase("ライセンス認証でエラーが表示される");
    const view = await openDraft(AN_ENGINEER, caseId);
    const modal = JSON.stringify(view.blocks);
    expect(modal).toContain("ライセンス認証でエラーが表示される");
    expect(modal).toContain("らかん™ 4.2");
    expect(modal).toContain("E-1024");
    for (const heading of ["件名", "概要", "発生事象", "調査・検証の内容", "原因", "対策・回避策", "今後の対応"]) expect(modal).toContain(heading);
    expect(await submit(h, AN_ENGINEER, view, sectionValues())).toMatchObject({ json: null });
    await expect.poll(async () => (await reviewMessages(caseId)).length).toBe(1);
    expect(await versions(caseId)).toMatchObject([{ number: 1, state: "in_review", savedBy: ENGINEER, locale: "ja" }]);
    expect(await latestReviewText(caseId)).toContain(ReportIds.actions.approve);
    const event = await h.database.db.client.caseEvent.findFirstOrThrow({ where: { caseId, kind: "report_saved" } });
    expect(event.actorId).toBe(ENGINEER);
  });

  it("refuses a required section left blank, inline, and saves nothing", async () => {
    const caseId = await reportCase("必須項目の確認");
    const view = await openDraft(AN_ENGINEER, caseId);
    const errors = modalErrors(await submit(h, AN_ENGINEER, view, sectionValues({ [I.summary.block]: { [I.summary.action]: "   " } })));
    expect(Object.keys(errors)).toEqual([I.summary.block]);
    expect(await versions(caseId)).toEqual([]);
  });

  it("is refused to customers, T4U staff who are not engineers, and managers; nothing opens", async () => {
    const caseId = await reportCase("権限の確認");
    for (const who of [A_CUSTOMER, A_COLLEAGUE, A_MANAGER]) {
      const text = await ephemeralAfter(h, TRIAGE_CHANNEL, who.userId, () => chooseMenu(h, who, caseId, ReportIds.actions.draft, "triage"));
      expect(text, who.role).toMatch(/サポート担当/);
      expect(modalsOf(who.userId, ReportIds.views.draft), who.role).toEqual([]);
    }
  });

  it("is offered only on level A cases, and refused for a normal case even when asked for", async () => {
    const normal = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "通常の案件", description: "質問です。", level: "normal" });
    if (!normal.ok) throw new Error(normal.reason);
    await h.drain();
    const triage = h.slack.message(TRIAGE_CHANNEL, await triageTs(h, normal.caseId));
    expect(JSON.stringify(triage?.blocks)).not.toContain(ReportIds.actions.draft);
    expect(JSON.stringify(h.slack.message(TRIAGE_CHANNEL, await triageTs(h, await reportCase("レベルAの案件")))?.blocks)).toContain(ReportIds.actions.draft);
  });
});

describe("review, delivery and re-issue", () => {
  // One report through its whole life: each step starts from where the one before left it.
  let caseId: number;

  it("the author cannot approve their own version, nor can staff who are not engineers or managers", async () => {
    caseId = await reportCase("報告書の一連の流れ");
    await saveDraft(AN_ENGINEER, caseId);
    await expect.poll(async () => (await reviewMessages(caseId)).length).toBe(1);
    expect(await ephemeralAfter(h, TRIAGE_CHANNEL, ENGINEER, () => clickReview(AN_ENGINEER, caseId, ReportIds.actions.approve))).toMatch(/ご自身が保存した版/);
    expect(await ephemeralAfter(h, TRIAGE_CHANNEL, A_COLLEAGUE.userId, () => clickReview(A_COLLEAGUE, caseId, ReportIds.actions.approve))).toMatch(/サポート担当/);
    expect(await ephemeralAfter(h, TRIAGE_CHANNEL, CUSTOMER, () => clickReview(A_CUSTOMER, caseId, ReportIds.actions.approve))).toBeTruthy();
    expect((await versions(caseId))[0]).toMatchObject({ state: "in_review", reviewedBy: null });
  });

  it("another engineer asks for changes with a comment; the author's next save is v2 and supersedes v1", async () => {
    const before = modalsOf(ENGINEER_2, ReportIds.views.changes).length;
    await clickReview(A_SECOND_ENGINEER, caseId, ReportIds.actions.requestChanges);
    await expect.poll(() => modalsOf(ENGINEER_2, ReportIds.views.changes).length).toBe(before + 1);
    const modal = modalsOf(ENGINEER_2, ReportIds.views.changes).at(-1)!;
    expect(await submit(h, A_SECOND_ENGINEER, modal, { [I.comment.block]: { [I.comment.action]: "原因の説明をもう少し具体的にしてください。" } })).toMatchObject({ json: null });
    expect((await versions(caseId))[0]).toMatchObject({ state: "changes_requested", reviewedBy: ENGINEER_2 });
    await expect.poll(() => latestReviewText(caseId)).toContain("原因の説明をもう少し具体的に");

    const view = await openDraft(AN_ENGINEER, caseId);
    expect(JSON.stringify(view.blocks)).toContain("v1");
    await submit(h, AN_ENGINEER, view, sectionValues({ [I.cause.block]: { [I.cause.action]: "社内プロキシ（192.0.2.10:8080）の設定で認証サーバーへの HTTPS 通信が遮断されていました。" } }));
    await expect.poll(async () => (await versions(caseId)).map((v) => v.state)).toEqual(["superseded", "in_review"]);
    await expect.poll(async () => (await reviewMessages(caseId)).length).toBe(2);
  });

  it("a manager approves v2; who and when are recorded; customers cannot send it", async () => {
    await clickReview(A_MANAGER, caseId, ReportIds.actions.approve);
    await expect.poll(async () => (await versions(caseId))[1]?.state).toBe("approved");
    const v2 = (await versions(caseId))[1]!;
    expect(v2).toMatchObject({ reviewedBy: MANAGER, reviewedAt: h.clock.now() });
    await expect.poll(() => latestReviewText(caseId)).toContain(ReportIds.actions.deliver);
    await ephemeralAfter(h, TRIAGE_CHANNEL, CUSTOMER, () => clickReview(A_CUSTOMER, caseId, ReportIds.actions.deliver));
    await ephemeralAfter(h, TRIAGE_CHANNEL, MANAGER, () => clickReview(A_MANAGER, caseId, ReportIds.actions.deliver));
    expect(await uploadsFor(caseId)).toEqual([]);
  });

  it("「お客様へ送付」 uploads 第1版 to the case thread once, however many clicks, and records it", async () => {
    await Promise.all([clickReview(AN_ENGINEER, caseId, ReportIds.actions.deliver), clickReview(AN_ENGINEER, caseId, ReportIds.actions.deliver)]);
    await expect.poll(async () => (await uploadsFor(caseId)).length).toBe(1);
    await expect.poll(async () => (await versions(caseId))[1]?.fileId).toBeTruthy();
    const [upload] = await uploadsFor(caseId);
    expect(upload).toMatchObject({ filename: expect.stringMatching(/^report_\d+_v1\.pdf$/) });
    expect(upload!.initial_comment).toContain("第1版");
    expect(upload!.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await versions(caseId))[1]).toMatchObject({ edition: 1, deliveredBy: ENGINEER });
    const event = await h.database.db.client.caseEvent.findFirstOrThrow({ where: { caseId, kind: "report_delivered" } });
    expect(event.data).toMatchObject({ version: 2, edition: 1 });
    await expect.poll(() => latestReviewText(caseId)).toContain(ReportIds.actions.reissue);
  });

  it.skipIf(!HAS_PDFTOTEXT)("the delivered PDF's text has the case number, every heading, the long paragraph intact, and page numbers", async () => {
    const [upload] = await uploadsFor(caseId);
    const text = pdfText(upload!.content);
    const number = `#${String(caseId).padStart(4, "0")}`;
    expect(text).toContain(number);
    for (const heading of ["調査報告書", "件名", "概要", "発生事象", "調査・検証の内容", "原因", "対策・回避策", "今後の対応", "株式会社サンプル 御中", "第1版"]) expect(text).toContain(heading);
    expect(joined(text)).toContain(joined(LONG.repeat(6)));
    expect(joined(text)).toMatch(/1\/\d/);
  });

  it("a corrected re-issue needs what changed, and goes out as 第2版 saying so", async () => {
    const before = modalsOf(ENGINEER, ReportIds.views.draft).length;
    await clickReview(AN_ENGINEER, caseId, ReportIds.actions.reissue);
    await expect.poll(() => modalsOf(ENGINEER, ReportIds.views.draft).length).toBe(before + 1);
    const view = modalsOf(ENGINEER, ReportIds.views.draft).at(-1)!;
    expect(JSON.stringify(view.blocks)).toContain("第2版での変更点");
    const note = "回避策の手順に誤りがあったため訂正しました。";
    const errors = modalErrors(await submit(h, AN_ENGINEER, view, { ...sectionValues(), [I.changeNote.block]: { [I.changeNote.action]: "  " } }));
    expect(Object.keys(errors)).toEqual([I.changeNote.block]);
    await submit(h, AN_ENGINEER, view, { ...sectionValues(), [I.changeNote.block]: { [I.changeNote.action]: note } });
    await expect.poll(async () => (await versions(caseId)).length).toBe(3);
    await expect.poll(async () => (await reviewMessages(caseId)).length).toBe(3);
    await clickReview(A_SECOND_ENGINEER, caseId, ReportIds.actions.approve);
    await expect.poll(async () => (await versions(caseId))[2]?.state).toBe("approved");
    await expect.poll(() => latestReviewText(caseId)).toContain(ReportIds.actions.deliver);
    await clickReview(AN_ENGINEER, caseId, ReportIds.actions.deliver);
    await expect.poll(async () => (await uploadsFor(caseId)).length).toBe(2);
    const second = (await uploadsFor(caseId))[1]!;
    expect(second.filename).toMatch(/_v2\.pdf$/);
    expect(second.initial_comment).toContain("第2版");
    expect(second.initial_comment).toContain(note);
    await expect.poll(async () => (await versions(caseId))[2]?.edition).toBe(2);
    if (HAS_PDFTOTEXT) {
      const text = pdfText(second.content);
      expect(text).toContain("第2版");
      expect(joined(text)).toContain(joined(note));
    }
  });
});

describe("resolving a report case (R-INC-2)", () => {
  it("asks first while no report was delivered, and resolves once confirmed", async () => {
    const caseId = await reportCase("報告書未送付での解決");
    const before = modalsOf(ENGINEER, ReportIds.views.resolveConfirm).length;
    await clickButton(h, AN_ENGINEER, caseId, Actions.resolve);
    await expect.poll(() => modalsOf(ENGINEER, ReportIds.views.resolveConfirm).length).toBe(before + 1);
    expect((await caseRow(h, caseId)).state).not.toBe("resolved");
    const modal = modalsOf(ENGINEER, ReportIds.views.resolveConfirm).at(-1)!;
    expect(JSON.stringify(modal.blocks)).toContain("報告書をまだお客様へ送付していません");
    expect(await submit(h, AN_ENGINEER, modal, {})).toMatchObject({ json: null });
    expect((await caseRow(h, caseId)).state).toBe("resolved");
  });

  it("resolves at once a level A case for reproduction, which has no report to send", async () => {
    const caseId = await reportCase("再現検証の案件", "reproduction");
    await clickButton(h, AN_ENGINEER, caseId, Actions.resolve);
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("resolved");
  });
});

describe("English channels", () => {
  it.skipIf(!HAS_PDFTOTEXT)("a report for an English channel is written and delivered in English", async () => {
    const channelId = "C0ENGLISH";
    await h.registerCustomer({ name: "Sample Ltd", channelId, locale: "en" });
    const opened = await openCase(h.running.deps, {
      requestKey: randomUUID(), channelId, openedBy: CUSTOMER, title: "License activation fails", description: "Error E-1024 on activation.", level: "A", levelReason: "report",
    });
    if (!opened.ok) throw new Error(opened.reason);
    await h.drain();
    const caseId = opened.caseId;
    await saveDraft(AN_ENGINEER, caseId, {
      [I.summary.block]: { [I.summary.action]: "We report the results of our investigation into error E-1024." },
      [I.measures.block]: { [I.measures.action]: "Add the licence server to the proxy's exclusions." },
    });
    await expect.poll(async () => (await reviewMessages(caseId)).length).toBe(1);
    await clickReview(A_SECOND_ENGINEER, caseId, ReportIds.actions.approve);
    await expect.poll(() => latestReviewText(caseId)).toContain(ReportIds.actions.deliver);
    await clickReview(AN_ENGINEER, caseId, ReportIds.actions.deliver);
    const root = await rootTs(h, caseId);
    await expect.poll(() => h.slack.uploads.filter((u) => u.channel_id === channelId && u.thread_ts === root).length).toBe(1);
    const upload = h.slack.uploads.find((u) => u.channel_id === channelId && u.thread_ts === root)!;
    expect(upload.initial_comment).toContain("edition 1");
    const text = pdfText(upload.content);
    for (const word of ["Investigation Report", "To: Sample Ltd", "Summary", "What happened", "Remedy and workaround", "Next steps", "Edition 1"]) expect(text).toContain(word);
  });
});

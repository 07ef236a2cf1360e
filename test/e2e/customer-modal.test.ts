// The case modal's inline errors, end to end: every field says what is wrong where it is wrong, and a case that
// cannot be opened (contract expired, every incident used, not enough for level A) says what to do next with
// T4U's configured contact — before the customer types, and again on submit. A refused submit writes nothing.
// Rules: R-INC-2, R-INC-6, R-CON-2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { modalAfter, modalErrors, openCaseFromEntry, rootOf, submitCase } from "./customer-helpers.ts";
import { expectOpened, refusalShown } from "../support/case-modal.ts";

const CONTACT = "T4U株式会社 サポートサービス窓口（support@t4u.example / 03-0000-0000）";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { SUPPORT_CONTACT: CONTACT } });
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

async function written() {
  return { cases: await h.database.db.client.case.count(), ledger: await h.database.db.client.ledgerEntry.count() };
}

/** A text Slack's client would have stopped at max_length; sent as the raw state an older client could send. */
const raw = (value: string) => ({ type: "plain_text_input", value });

describe("inline errors on the fields", () => {
  it("flags an empty title, an overlong description and an overlong product at once, and writes nothing", async () => {
    await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    const before = await written();
    const response = await h.driver.viewSubmission({
      callbackId: Views.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: {
        // Spaces and control characters only: nothing left once the control characters are dropped.
        [Inputs.title.block]: { [Inputs.title.action]: " \u0007\u001b " },
        [Inputs.description.block]: { [Inputs.description.action]: raw("あ".repeat(3001)) },
        [Inputs.product.block]: { [Inputs.product.action]: raw("P".repeat(101)) },
      },
    });
    expect(response.slackWouldReject).toBeUndefined();
    expect(modalErrors(response)).toEqual({
      [Inputs.title.block]: "ご入力ください。",
      [Inputs.description.block]: "3000 文字以内でご入力ください。",
      [Inputs.product.block]: "100 文字以内でご入力ください。",
    });
    expect(await written()).toEqual(before);
  });

  it("counts characters, not bytes: 150 kanji fit the title, 151 do not", async () => {
    // The modal of the previous test is still open: refused submissions keep it on screen.
    const tooLong = await h.driver.viewSubmission({
      callbackId: Views.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: { [Inputs.title.block]: { [Inputs.title.action]: raw("件".repeat(151)) }, [Inputs.description.block]: { [Inputs.description.action]: "本文" } },
    });
    expect(modalErrors(tooLong)).toEqual({ [Inputs.title.block]: "150 文字以内でご入力ください。" });
    const fits = await submitCase(h, { title: "件".repeat(150), description: "本文" });
    await expectOpened(h, fits, fits.viewId);
    expect((await h.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } })).title).toBe("件".repeat(150));
  });

  it("drops control characters but keeps line breaks", async () => {
    await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    const response = await submitCase(h, { title: "ライセンス\u0007認証\u001bエラー", description: "手順:\n1. 起動\u0000\n2. 認証", product: "らかん\u0008 3.2" });
    await expectOpened(h, response, response.viewId);
    const created = await h.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(created).toMatchObject({ title: "ライセンス認証エラー", description: "手順:\n1. 起動\n2. 認証", product: "らかん 3.2" });
  });

  it("opens a level A case with the reason the customer chose, reserving 3 (R-INC-2)", async () => {
    await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    const before = (await h.database.db.client.contract.findFirstOrThrow()).available;
    const submitted = await submitCase(h, { title: "正式な報告書が必要です", description: "監査のため", level: "A:report" });
    await expectOpened(h, submitted, submitted.viewId);
    const created = await h.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(created).toMatchObject({ level: "A", levelReason: "report", incidents: 3 });
    expect((await h.database.db.client.contract.findFirstOrThrow()).available).toBe(before - 3);
    await h.drain();
    expect(JSON.stringify(rootOf(h, `#${String(created.id).padStart(4, "0")}`).blocks)).toContain("サービスレベルA（正式な報告書の作成）");
  });

  it("flags a channel that is not registered on the channel picker of /support", async () => {
    const form = await modalAfter(h, ENGINEER, () => h.driver.slashCommand({ command: Commands.support, userId: ENGINEER, channelId: "C0MGRS" }));
    const before = await written();
    const response = await h.driver.viewSubmission({
      callbackId: Views.openCase, userId: ENGINEER, userTeamId: HOME_TEAM,
      values: {
        // A stale choice: the channel list was built before this channel stopped being a customer's.
        [Inputs.channel.block]: { [Inputs.channel.action]: { type: "static_select", selected_option: { text: { type: "plain_text", text: "old" }, value: "C0GONE" } } },
        [Inputs.title.block]: { [Inputs.title.action]: "件名" },
        [Inputs.description.block]: { [Inputs.description.action]: "本文" },
      },
    });
    // The picker can be set again: the form comes back, saying why above its fields.
    const refusal = await refusalShown(h, response, form.id);
    expect(refusal.form).toBe(true);
    expect(refusal.text).toBe(`:warning: 恐れ入りますが、このチャンネルはサポート契約に登録されていないため、案件を作成いたしかねます。ご不明な点がございましたら、${CONTACT} までお問い合わせください。`);
    expect(await written()).toEqual(before);
  });
});

describe("a case that cannot be opened says what to do next", () => {
  it("an expired contract: warned on opening the modal, refused on submit, with the contact (R-CON-2)", async () => {
    await h.registerCustomer({ name: "期限切れ株式会社", channelId: "C0EXPIRED", incidents: 10, confirmedOn: "2025-01-01", team: "T0EXP" });
    const modal = await modalAfter(h, "U0EXP1", () => openCaseFromEntry(h, { userId: "U0EXP1", teamId: "T0EXP", channelId: "C0EXPIRED" }));
    const warning = JSON.stringify(modal.blocks[0]);
    expect(warning).toContain("現在、新しい案件を作成できません。");
    expect(warning).toContain("サポート契約の有効期限が過ぎております");
    expect(warning).toContain(CONTACT);
    const before = await written();
    const response = await submitCase(h, { userId: "U0EXP1", teamId: "T0EXP", title: "質問", description: "本文" });
    expect((await refusalShown(h, response, response.viewId)).text).toBe(`:warning: 恐れ入りますが、サポート契約の有効期限が過ぎております。ご契約の更新については ${CONTACT} までお問い合わせください。`);
    expect(await written()).toEqual(before);
  });

  it("every incident used: warned and refused as used up, not as expired (R-CON-2)", async () => {
    await h.registerCustomer({ name: "使い切り株式会社", channelId: "C0USEDUP", incidents: 1, team: "T0USED" });
    await modalAfter(h, "U0USED1", () => openCaseFromEntry(h, { userId: "U0USED1", teamId: "T0USED", channelId: "C0USEDUP" }));
    const last = await submitCase(h, { userId: "U0USED1", teamId: "T0USED", title: "最後の質問", description: "本文" });
    await expectOpened(h, last, last.viewId);
    await h.drain();
    const only = await h.database.db.client.case.findFirstOrThrow({ where: { channelId: "C0USEDUP" } });
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: only.triageTs! });
    await expect.poll(async () => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: only.id } })).state).toBe("resolved");

    const modal = await modalAfter(h, "U0USED1", () => openCaseFromEntry(h, { userId: "U0USED1", teamId: "T0USED", channelId: "C0USEDUP" }));
    expect(JSON.stringify(modal.blocks[0])).toContain(`ご契約のインシデントをすべてご利用いただいたため、現在のご契約は終了しております。引き続きのご依頼には契約の更新が必要です。お手続きについては ${CONTACT}`);
    const before = await written();
    const response = await submitCase(h, { userId: "U0USED1", teamId: "T0USED", title: "もう一つ", description: "本文" });
    const { text } = await refusalShown(h, response, response.viewId);
    expect(text).toContain("すべてご利用いただいたため、現在のご契約は終了しております");
    expect(text).not.toContain("有効期限");
    expect(await written()).toEqual(before);
  });

  it("not enough for level A, in English for an English reader in an English channel, with the contact (R-INC-6)", async () => {
    await h.registerCustomer({ name: "Small Co", channelId: "C0SMALLEN", incidents: 2, locale: "en", team: "T0SMALL" });
    h.slack.setUser({ id: "U0SMALL1", team_id: "T0SMALL", locale: "en-GB" });
    const modal = await modalAfter(h, "U0SMALL1", () => openCaseFromEntry(h, { userId: "U0SMALL1", teamId: "T0SMALL", channelId: "C0SMALLEN" }));
    expect(JSON.stringify(modal.blocks)).toContain("You have *2* available.");
    const before = await written();
    const response = await submitCase(h, { userId: "U0SMALL1", teamId: "T0SMALL", title: "Reproduce our setup", description: "Details", level: "A:reproduction" });
    const { text } = await refusalShown(h, response, response.viewId);
    expect(text).toContain("needed: 3");
    expect(text).toContain(CONTACT);
    expect(await written()).toEqual(before);
    // A normal case still fits, chosen on the form shown again.
    const normal = await submitCase(h, { userId: "U0SMALL1", teamId: "T0SMALL", title: "A normal question", description: "Details", level: "normal" });
    await expectOpened(h, normal, normal.viewId);
  });

  it("errors follow the person's language too", async () => {
    await modalAfter(h, "U0SMALL1", () => openCaseFromEntry(h, { userId: "U0SMALL1", teamId: "T0SMALL", channelId: "C0SMALLEN" }));
    const response = await submitCase(h, { userId: "U0SMALL1", teamId: "T0SMALL", title: "\u0007", description: "x" });
    expect(modalErrors(response)).toEqual({ [Inputs.title.block]: "Please fill this in." });
  });
});

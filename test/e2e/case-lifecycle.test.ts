// One case from open to resolved, end to end: signed requests into the real receiver, a real database, and the
// Slack stand-in checking every call. Rules: R-INC-6, R-LIFE-1, R-ROLE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, INTERNAL, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { expectOpened, refusalShown, viewText } from "../support/case-modal.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function entryTs(): string {
  const entry = h.slack.messages(CUSTOMER_CHANNEL).find((m) => JSON.stringify(m.blocks ?? []).includes(Actions.openCase));
  if (!entry) throw new Error("no entry message");
  return entry.ts;
}

/** The modal opens after the click is acknowledged, as in Slack: wait until the person sees it. */
async function modalOpenFor(userId: string) {
  await expect.poll(() => h.slack.views().filter((v) => v.open && v.callback_id === Views.openCase && v.user_id === userId).length).toBeGreaterThan(0);
  return h.slack.views().filter((v) => v.open && v.callback_id === Views.openCase && v.user_id === userId).at(-1);
}

async function customerOpensCase(title: string, level = "normal") {
  const click = await h.driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entryTs() });
  expect(click.status).toBe(200);
  const modal = await modalOpenFor(CUSTOMER);
  return { modal: modal!, submitted: await h.driver.viewSubmission({
    callbackId: Views.openCase, viewId: modal!.id, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
    values: {
      [Inputs.title.block]: { [Inputs.title.action]: title },
      [Inputs.description.block]: { [Inputs.description.action]: "ライセンス認証の画面でエラー E-1024 が表示されます。" },
      [Inputs.level.block]: { [Inputs.level.action]: level },
    },
  }) };
}

function rootOf(title: string) {
  return h.slack.messages(CUSTOMER_CHANNEL).find((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes(title));
}

describe("a case from open to resolved", () => {
  it("posts a pinned entry message with an open-a-case button when a channel is registered", async () => {
    await h.registerCustomer({ incidents: 10 });
    const entry = h.slack.messages(CUSTOMER_CHANNEL)[0];
    expect(entry?.text).toContain("サポート窓口");
    expect(JSON.stringify(entry?.blocks)).toContain("案件を作成");
    expect(h.slack.callsTo("pins.add").length).toBe(1);
  });

  it("shows the customer, before submit, what a case costs and how many incidents remain", async () => {
    const click = await h.driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entryTs() });
    expect(click.slackWouldReject).toBeUndefined();
    const modal = await modalOpenFor(CUSTOMER);
    expect(JSON.stringify(modal?.blocks)).toContain("現在ご利用いただけるインシデントは *10 インシデント* です");
  });

  it("opens a case from the modal: root message, 1 incident reserved, nothing else spent", async () => {
    const { modal, submitted } = await customerOpensCase("ライセンス認証エラー");
    expect(submitted.slackWouldReject).toBeUndefined();
    // Answered at once, then the modal says which case was opened and what it reserved.
    expect(await expectOpened(h, submitted, modal.id)).toBe("#0001");
    expect(viewText(h.slack.view(modal.id)!)).toContain("1 インシデントを予約いたしました");
    await h.drain();
    const root = rootOf("ライセンス認証エラー");
    expect(root).toBeDefined();
    const text = JSON.stringify(root?.blocks);
    expect(text).toContain("#0001 ライセンス認証エラー");
    expect(text).toContain("受付");
    expect(text).toContain("1 インシデント（予約中）");
    const contract = await h.database.db.client.contract.findFirstOrThrow();
    expect(contract).toMatchObject({ purchased: 10, available: 9, reserved: 1, consumed: 0 });
    const ledger = await h.database.db.client.ledgerEntry.findMany({ orderBy: { id: "asc" } });
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual([["purchase", 10], ["reserve", 1]]);
    const notice = h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.thread_ts === root?.ts);
    expect(notice?.text).toContain("案件 #0001 を受け付けました");
  });

  it("announces the case in the triage channel", async () => {
    const triage = h.slack.messages("C0TRIAGE");
    expect(triage.length).toBe(1);
    expect(JSON.stringify(triage[0]?.blocks)).toContain("株式会社サンプル");
  });

  it("records an engineer's answer in the thread and shows the case as answered", async () => {
    const root = rootOf("ライセンス認証エラー");
    const answer = await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "ログを拝見しました。", threadTs: root?.ts });
    expect(answer.status).toBe(200);
    await expect.poll(async () => (await h.database.db.client.case.findFirstOrThrow()).state).toBe("answered");
    await h.drain();
    expect(JSON.stringify(rootOf("ライセンス認証エラー")?.blocks)).toContain("回答済み・ご確認待ち");
    const messages = await h.database.db.client.caseMessage.findMany();
    expect(messages.map((m) => [m.userId, m.authorRole])).toEqual([[ENGINEER, "engineer"]]);
  });

  it("shows the customer no Resolve on the case message: nothing there invites a click that would be refused", async () => {
    const root = rootOf("ライセンス認証エラー");
    await expect(h.driver.blockAction({ actionId: Actions.resolve, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: root!.ts })).rejects.toThrow("no element");
    expect((await h.database.db.client.case.findFirstOrThrow()).state).toBe("answered");
  });

  it("refuses Resolve on the triage message from T4U staff who are not engineers", async () => {
    const triage = (await h.database.db.client.case.findFirstOrThrow()).triageTs!;
    await h.driver.blockAction({ actionId: Actions.resolve, userId: INTERNAL, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: triage });
    await expect.poll(() => h.slack.ephemerals(TRIAGE_CHANNEL).filter((e) => e.user === INTERNAL).length).toBe(1);
    expect(h.slack.ephemerals(TRIAGE_CHANNEL).at(-1)?.text).toContain("サポート担当のみ");
    expect((await h.database.db.client.case.findFirstOrThrow()).state).toBe("answered");
  });

  it("resolves on the engineer's confirmed click on the triage message: consumes the reservation and shows the final state and balance", async () => {
    const triage = (await h.database.db.client.case.findFirstOrThrow()).triageTs!;
    const button = JSON.stringify(h.slack.message(TRIAGE_CHANNEL, triage)?.blocks);
    // Resolving cannot be undone (R-LIFE-3): Slack asks first, saying what happens to the incidents.
    expect(button).toContain("予約中の 1 インシデントを消費します");
    const first = h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: triage });
    const second = h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: triage });
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await expect.poll(async () => (await h.database.db.client.case.findFirstOrThrow()).state).toBe("resolved");
    await h.drain();
    const contract = await h.database.db.client.contract.findFirstOrThrow();
    expect(contract).toMatchObject({ available: 9, reserved: 0, consumed: 1 });
    const consumed = await h.database.db.client.ledgerEntry.count({ where: { kind: "consume" } });
    expect(consumed).toBe(1);
    const text = JSON.stringify(rootOf("ライセンス認証エラー")?.blocks);
    expect(text).toContain("解決");
    expect(text).toContain("ご利用可能なインシデント: 9 インシデント");
    expect(text).not.toContain(Actions.resolve);
  });

  it("shows managers every customer's balance with /balance", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, userId: MANAGER, channelId: "C0MGRS" });
    expect(reply.slackWouldReject).toBeUndefined();
    const body = JSON.stringify(reply.json);
    expect(body).toContain("株式会社サンプル");
    expect(body).toContain("残り *9* / 購入 10 · 消費 1 · 予約 0");
  });

  it("refuses /balance to anyone who is not a manager", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, userId: ENGINEER, channelId: "C0MGRS" });
    expect(JSON.stringify(reply.json)).toContain("管理者のみ");
    expect(JSON.stringify(reply.json)).not.toContain("株式会社サンプル");
  });

  it("refuses a level A case without enough incidents in the modal, keeping what was typed, and writes nothing", async () => {
    await h.registerCustomer({ name: "小口のお客様", channelId: "C0SMALL", incidents: 2, team: "T0SMALL" });
    const entry = h.slack.messages("C0SMALL")[0]!;
    await h.driver.blockAction({ actionId: Actions.openCase, userId: "U0SMALL", userTeamId: "T0SMALL", channelId: "C0SMALL", messageTs: entry.ts });
    const modal = await modalOpenFor("U0SMALL");
    const before = await h.database.db.client.ledgerEntry.count();
    const submitted = await h.driver.viewSubmission({
      callbackId: Views.openCase, viewId: modal!.id, userId: "U0SMALL", userTeamId: "T0SMALL",
      values: {
        [Inputs.title.block]: { [Inputs.title.action]: "環境を再現して検証してほしい" },
        [Inputs.description.block]: { [Inputs.description.action]: "詳細" },
        [Inputs.level.block]: { [Inputs.level.action]: "A:reproduction" },
      },
    });
    const refusal = await refusalShown(h, submitted, modal!.id);
    expect(refusal.form).toBe(true);
    expect(refusal.text).toContain("インシデントが不足しております（必要: 3 インシデント、ご利用可能: 2 インシデント）");
    // The form comes back as it was submitted: the title typed and the level chosen are kept.
    const blocks = JSON.stringify(refusal.view.blocks);
    expect(blocks).toContain('"initial_value":"環境を再現して検証してほしい"');
    expect(blocks).toMatch(/"initial_option":\{[^}]*\}?[^}]*"value":"A:reproduction"/);
    expect(await h.database.db.client.ledgerEntry.count()).toBe(before);
    expect(await h.database.db.client.case.count({ where: { channelId: "C0SMALL" } })).toBe(0);
  });
});

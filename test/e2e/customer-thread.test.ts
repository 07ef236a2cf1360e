// The case's thread is the conversation, end to end: the customer's messages are follow-ups that consume nothing
// and put the case back on T4U's side, resetting the idle timer; edits and deletions only mark the record; the
// root message keeps one truthful status line in place while the thread gets a short notice of each change; after
// the case ends, one polite reply offers a new case linked to the old one, which stays closed.
// Rules: R-INC-4, R-LIFE-2, R-LIFE-3, R-INC-6/7/8.
import { jaDate } from "../../src/slack/i18n/dates.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNumber } from "../../src/domain/case.ts";
import { endCase } from "../../src/services/end-case.ts";
import { Actions, Inputs } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { botReplies, inputValue, modalAfter, openCaseFromEntry, rootOf, submitCase, thread } from "./customer-helpers.ts";
import { expectOpened } from "../support/case-modal.ts";

const ENGLISH_CHANNEL = "C0ENGLISH";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db.client;

async function openCase(title: string, opts: { channelId?: string; userId?: string; teamId?: string } = {}): Promise<{ id: number; rootTs: string }> {
  const channelId = opts.channelId ?? CUSTOMER_CHANNEL;
  await modalAfter(h, opts.userId ?? CUSTOMER, () => openCaseFromEntry(h, { ...opts, channelId }));
  const submitted = await submitCase(h, { userId: opts.userId, teamId: opts.teamId, title, description: `${title} の詳細` });
  await expectOpened(h, submitted, submitted.viewId);
  await h.drain();
  const created = await db().case.findFirstOrThrow({ where: { title }, orderBy: { id: "desc" } });
  return { id: created.id, rootTs: rootOf(h, caseNumber(created.id), channelId).ts };
}

/** Writes in a case's thread and waits until the app has recorded it. */
async function say(rootTs: string, text: string, who: "customer" | "engineer", channelId = CUSTOMER_CHANNEL, customer = { userId: CUSTOMER, userTeamId: CUSTOMER_TEAM }): Promise<string> {
  const ts = h.driver.nextTs();
  const author = who === "customer" ? customer : { userId: ENGINEER, userTeamId: HOME_TEAM };
  await h.driver.message({ channelId, ...author, text, threadTs: rootTs, ts });
  await expect.poll(() => db().caseMessage.count({ where: { channelId, ts } })).toBe(1);
  return ts;
}

async function balance() {
  const c = await db().contract.findFirstOrThrow({ where: { customer: { name: "株式会社サンプル" } } });
  return { available: c.available, reserved: c.reserved, consumed: c.consumed, ledger: await db().ledgerEntry.count({ where: { contractId: c.id } }) };
}

function rootJson(rootTs: string, channelId = CUSTOMER_CHANNEL): string {
  return JSON.stringify(h.slack.message(channelId, rootTs)?.blocks ?? []);
}

describe("follow-ups in an open case's thread", () => {
  let c: { id: number; rootTs: string };

  it("records a customer's message on a just-opened case without spending anything; the case stays received (R-INC-4)", async () => {
    c = await openCase("ライセンス認証エラー");
    const before = await balance();
    await say(c.rootTs, "補足: Windows 11 です。", "customer");
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("open");
    expect(await balance()).toEqual(before);
    await h.drain();
    expect(rootJson(c.rootTs)).toContain("*ステータス*\\n受付");
  });

  it("shows an engineer's answer as waiting on the customer, with the date it will close by itself (R-LIFE-2)", async () => {
    await say(c.rootTs, "再インストールをお試しください。", "engineer");
    const answered = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(answered.state).toBe("answered");
    expect(answered.autoCloseAt).not.toBeNull();
    await h.drain();
    const date = h.running.deps.calendar.localDate(answered.autoCloseAt!);
    expect(rootJson(c.rootTs)).toContain("回答済み・ご確認待ち");
    expect(rootJson(c.rootTs)).toContain(`${jaDate(date)}までにご返信がない場合は、解決済みとして自動でクローズいたします。`);
    expect(rootJson(c.rootTs)).not.toContain(date);
  });

  it("moves the case back to T4U on the customer's reply and resets the idle timer, spending nothing (R-INC-4, R-LIFE-2)", async () => {
    const before = await balance();
    const ts = await say(c.rootTs, "再インストールしても同じエラーです。", "customer");
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ state: "in_progress", autoCloseAt: null, autoCloseRemindAt: null });
    expect(after.lastCustomerMessageAt?.getTime()).toBe(Math.round(Number(ts) * 1000));
    await h.drain();
    expect(rootJson(c.rootTs)).toContain("*ステータス*\\n対応中");
    expect(rootJson(c.rootTs)).not.toContain("自動でクローズ");
    for (let i = 1; i <= 5; i++) await say(c.rootTs, `追加の質問 ${i}`, "customer");
    expect(await balance()).toEqual(before);
    expect(await db().ledgerEntry.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("records a message Slack delivers twice only once", async () => {
    const ts = await say(c.rootTs, "ログを添付します。", "customer");
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "ログを添付します。", threadTs: c.rootTs, ts, retryNum: 1 });
    // A later message is recorded only after the redelivery was handled.
    await say(c.rootTs, "よろしくお願いします。", "customer");
    expect(await db().caseMessage.count({ where: { ts } })).toBe(1);
  });

  it("keeps the record whole when a message is edited or deleted: same place, same state, nothing lost", async () => {
    const ts = await say(c.rootTs, "エラーコードは E-1042 です。", "customer");
    const before = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    const count = await db().caseMessage.count({ where: { caseId: c.id } });
    await h.driver.event({
      type: "message", subtype: "message_changed", hidden: true, channel: CUSTOMER_CHANNEL, ts: h.driver.nextTs(),
      message: { type: "message", user: CUSTOMER, ts, thread_ts: c.rootTs, text: "エラーコードは E-1024 です（訂正）。", edited: { user: CUSTOMER, ts: h.driver.nextTs() } },
      previous_message: { type: "message", user: CUSTOMER, ts, thread_ts: c.rootTs, text: "エラーコードは E-1042 です。" },
    });
    await expect.poll(async () => (await db().caseMessage.findFirstOrThrow({ where: { ts } })).text).toBe("エラーコードは E-1024 です（訂正）。");
    const edited = await db().caseMessage.findFirstOrThrow({ where: { ts } });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.postedAt.getTime()).toBe(Math.round(Number(ts) * 1000));

    await h.driver.event({
      type: "message", subtype: "message_deleted", hidden: true, channel: CUSTOMER_CHANNEL, ts: h.driver.nextTs(), deleted_ts: ts,
      previous_message: { type: "message", user: CUSTOMER, ts, thread_ts: c.rootTs, text: "エラーコードは E-1024 です（訂正）。" },
    });
    await expect.poll(async () => (await db().caseMessage.findFirstOrThrow({ where: { ts } })).deletedAt).not.toBeNull();
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect({ state: after.state, lastCustomerMessageAt: after.lastCustomerMessageAt, oldest: after.oldestUnansweredAt })
      .toEqual({ state: before.state, lastCustomerMessageAt: before.lastCustomerMessageAt, oldest: before.oldestUnansweredAt });
    expect(await db().caseMessage.count({ where: { caseId: c.id } })).toBe(count);
    // The conversation goes on as before.
    await say(c.rootTs, "修正版をお送りします。", "engineer");
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("answered");
  });
});

/** Where engineers click: the case's announcement in the triage channel. */
async function onTriage(caseId: number): Promise<{ channelId: string; messageTs: string }> {
  return { channelId: TRIAGE_CHANNEL, messageTs: (await db().case.findUniqueOrThrow({ where: { id: caseId } })).triageTs! };
}

describe("the case message through every state, with a notice in the thread for each change", () => {
  it("in progress with the engineer who took it", async () => {
    const c = await openCase("担当テスト");
    await h.driver.blockAction({ actionId: Actions.take, userId: ENGINEER, userTeamId: HOME_TEAM, ...(await onTriage(c.id)) });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("in_progress");
    await h.drain();
    expect(rootJson(c.rootTs)).toContain("*ステータス*\\n対応中");
    expect(rootJson(c.rootTs)).toContain(`*担当*\\n<@${ENGINEER}>`);
    const notices = botReplies(h, c.rootTs).map((m) => m.text);
    expect(notices).toEqual([expect.stringContaining(`案件 ${caseNumber(c.id)} を受け付けました。1 インシデントを予約いたしました`), `<@${ENGINEER}> が担当いたします。`]);
  });

  const ended = [
    ["auto_close", "closed", "クローズ", "1 インシデント（消費済み）", "7 営業日ご返信がなかったため"],
    ["cancel_defect", "cancelled", "キャンセル", "1 インシデント（消費なし）", "製品の不具合と判明したため"],
    ["decline_scope", "declined", "対象外", "1 インシデント（消費なし）", "サポートサービスの対象外と判断いたしました"],
  ] as const;
  for (const [action, state, label, incidents, notice] of ended) {
    it(`${state}: "${label}", ${incidents}, no controls, the remaining balance, and a notice`, async () => {
      const c = await openCase(`${state} のテスト`);
      await say(c.rootTs, "ご回答です。", "engineer");
      // The automatic close happens when its time has come (the scheduler's part); the clock goes there and back.
      const now = h.clock.now();
      if (action === "auto_close") h.clock.set((await db().case.findUniqueOrThrow({ where: { id: c.id } })).autoCloseAt!);
      const result = await endCase(h.running.deps, action, { caseId: c.id, actorId: action === "auto_close" ? "scheduler" : ENGINEER, reason: action === "decline_scope" ? "導入支援は対象外です" : undefined });
      expect(result).toMatchObject({ ok: true, state });
      await h.drain();
      h.clock.set(now);
      const json = rootJson(c.rootTs);
      expect(json).toContain(`*ステータス*\\n${label}`);
      expect(json).toContain(incidents);
      expect(json).toContain("ご利用可能なインシデント:");
      expect(json).not.toContain(Actions.resolve);
      expect(json).not.toContain("自動でクローズいたします");
      // The last notice, before the satisfaction question a resolved or closed case asks after it.
      expect(botReplies(h, c.rootTs).filter((m) => !JSON.stringify(m.blocks ?? []).includes("case_rating")).at(-1)!.text).toContain(notice);
    });
  }
});

describe("after the case has ended (R-LIFE-3)", () => {
  let old: { id: number; rootTs: string };

  it("answers a customer's message with one polite reply and a button, and the case stays resolved", async () => {
    old = await openCase("解決済みになる案件");
    await say(old.rootTs, "ご回答です。", "engineer");
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, ...(await onTriage(old.id)) });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: old.id } })).state).toBe("resolved");
    await h.drain();
    const closedAt = (await db().case.findUniqueOrThrow({ where: { id: old.id } })).closedAt;
    const before = await balance();
    const rootBefore = rootJson(old.rootTs);

    await say(old.rootTs, "すみません、別の画面でも同じエラーが出ました。", "customer");
    await say(old.rootTs, "スクリーンショットはこちらです。", "customer");
    await h.drain();
    const replies = botReplies(h, old.rootTs).filter((m) => m.text.includes("再開や継続はいたしかねます"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(`恐れ入りますが、案件 ${caseNumber(old.id)} はクローズ済みのため、再開や継続はいたしかねます。引き続きご質問がございましたら、新しい案件を作成してください。`);
    expect(JSON.stringify(replies[0]!.blocks)).toContain("新しい案件を作成");
    expect(await db().case.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ state: "resolved", closedAt });
    expect(await balance()).toEqual(before);
    expect(rootJson(old.rootTs)).toBe(rootBefore);
  });

  it("opens a new case linked to the old one, filled in with what the customer wrote; the old one stays closed", async () => {
    const reply = botReplies(h, old.rootTs).find((m) => JSON.stringify(m.blocks ?? []).includes(Actions.openFollowUpCase))!;
    const modal = await modalAfter(h, CUSTOMER, () => h.driver.blockAction({
      actionId: Actions.openFollowUpCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: reply.ts,
    }));
    expect(JSON.stringify(modal.blocks)).toContain(`クローズ済みの案件 ${caseNumber(old.id)} の続きとして作成いたします。`);
    expect(inputValue(modal, Inputs.description.block)).toBe("スクリーンショットはこちらです。");
    const before = await balance();
    const submitted = await submitCase(h, { title: "別の画面でも同じエラー" });
    await expectOpened(h, submitted, submitted.viewId);
    const fresh = await db().case.findFirstOrThrow({ where: { title: "別の画面でも同じエラー" } });
    expect(fresh).toMatchObject({ previousCaseId: old.id, state: "open", incidents: 1 });
    expect((await db().case.findUniqueOrThrow({ where: { id: old.id } })).state).toBe("resolved");
    expect(await balance()).toMatchObject({ available: before.available - 1, reserved: before.reserved + 1, consumed: before.consumed });
    await h.drain();
    expect(thread(h, rootOf(h, caseNumber(fresh.id)).ts).some((m) => m.text.includes("を受け付けました"))).toBe(true);
    // Writing in the old thread again changes nothing there and sends no second reply.
    await say(old.rootTs, "新しい案件を作りました。", "customer");
    await h.drain();
    expect(botReplies(h, old.rootTs).filter((m) => m.text.includes("再開や継続はいたしかねます"))).toHaveLength(1);
    expect((await db().case.findUniqueOrThrow({ where: { id: old.id } })).state).toBe("resolved");
  });

  it("says the same in English in an English channel", async () => {
    await h.registerCustomer({ name: "Example Ltd", channelId: ENGLISH_CHANNEL, incidents: 5, locale: "en", team: "T0ENGCO" });
    const c = await openCase("Licence check fails", { channelId: ENGLISH_CHANNEL, userId: "U0ENGCO1", teamId: "T0ENGCO" });
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, ...(await onTriage(c.id)) });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("resolved");
    await say(c.rootTs, "One more thing", "customer", ENGLISH_CHANNEL, { userId: "U0ENGCO1", userTeamId: "T0ENGCO" });
    await h.drain();
    const reply = botReplies(h, c.rootTs, ENGLISH_CHANNEL).at(-1)!;
    expect(reply.text).toBe(`Case ${caseNumber(c.id)} is closed and cannot be reopened or continued. If you have further questions, please open a new case.`);
    expect(JSON.stringify(reply.blocks)).toContain("Open a new case");
    expect(rootJson(c.rootTs, ENGLISH_CHANNEL)).toContain("*Status*\\nResolved");
  });
});

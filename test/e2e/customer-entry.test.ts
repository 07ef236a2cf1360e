// Every way a case begins, end to end: the offer under a customer's own message (nothing spent before their
// submit, one offer however often Slack redelivers), the message shortcut for T4U's engineers and managers, and
// the entry message T4U can post again with /support entry. Customers are external users (team T0CUST).
// Rules: R-INC-6 (reserve only on opening), R-ROLE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNumber } from "../../src/domain/case.ts";
import { OFFER_QUIET_MS } from "../../src/services/offer-case.ts";
import { t } from "../../src/slack/i18n/index.ts";
import { Actions, Commands, Inputs, Shortcuts } from "../../src/slack/ids.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, INTERNAL, MANAGER, startHarness, type Harness,
} from "../support/harness.ts";
import { botReplies, caseNoticeAfter, entryTs, ephemeralAfter, inputValue, modalAfter, rootOf, submitCase } from "./customer-helpers.ts";
import { expectOpened, refusalShown } from "../support/case-modal.ts";

const COLLEAGUE = "U0CUST2";
const ENGLISH_CHANNEL = "C0ENGLISH";
const ENGLISH_TEAM = "T0ENGCO";
const ENGLISH_CUSTOMER = "U0ENGCO1";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 10 });
  await h.registerCustomer({ name: "Example Ltd", channelId: ENGLISH_CHANNEL, incidents: 5, locale: "en", team: ENGLISH_TEAM });
  // Their people read Slack in English too: what only they see follows their own language.
  h.slack.setUser({ id: ENGLISH_CUSTOMER, team_id: ENGLISH_TEAM, locale: "en-US" });
});
afterAll(async () => {
  await h?.close();
});

async function offersFor(channelId: string, ts: string): Promise<number> {
  return h.database.db.client.outboxMessage.count({ where: { dedupeKey: `offer:${channelId}:${ts}` } });
}

/** A customer writes a top-level message (a while after their last one); resolves once the app has offered a case. */
async function customerWrites(text: string, opts: { channelId?: string; userId?: string; teamId?: string } = {}): Promise<string> {
  const channelId = opts.channelId ?? CUSTOMER_CHANNEL;
  // Offers are made at most once per person in a few minutes: each question here is a new moment.
  h.clock.advance(OFFER_QUIET_MS + 60_000);
  const ts = h.driver.nextTs();
  const sent = await h.driver.message({ channelId, userId: opts.userId ?? CUSTOMER, userTeamId: opts.teamId ?? CUSTOMER_TEAM, text, ts });
  expect(sent.status).toBe(200);
  await expect.poll(() => offersFor(channelId, ts)).toBe(1);
  await h.drain();
  return ts;
}

/** The offers made for a message: ephemerals, which only its author sees. */
function offersOf(sourceTs: string, channelId = CUSTOMER_CHANNEL) {
  return h.slack.ephemerals(channelId).filter((e) => JSON.stringify(e.blocks ?? []).includes(`"case_offer:${sourceTs}"`));
}

function clickOffer(sourceTs: string, userId = CUSTOMER, channelId = CUSTOMER_CHANNEL, teamId = CUSTOMER_TEAM) {
  const offer = offersOf(sourceTs, channelId)[0];
  if (!offer) throw new Error(`no offer for ${sourceTs}`);
  return h.driver.blockAction({ actionId: Actions.openCaseFromMessage, userId, userTeamId: teamId, channelId, messageTs: offer.message_ts });
}

async function spent() {
  const contract = await h.database.db.client.contract.findFirstOrThrow({ where: { customer: { name: "株式会社サンプル" } } });
  return { available: contract.available, reserved: contract.reserved, cases: await h.database.db.client.case.count() };
}

describe("the offer under a customer's own message", () => {
  let sourceTs = "";

  it("offers, once and to its author alone, a button; nothing in the channel, nothing spent (R-INC-6)", async () => {
    const before = await spent();
    sourceTs = await customerWrites("ライセンス認証でエラーになります\n画面に E-1024 と表示され、再起動しても直りません。");
    expect(botReplies(h, sourceTs)).toHaveLength(0);
    const offers = offersOf(sourceTs);
    expect(offers.map((o) => o.user)).toEqual([CUSTOMER]);
    expect(offers[0]!.text).toContain("この内容をサポート案件としてお送りになる場合は");
    expect(offers[0]!.text).toContain("ご本人にのみ表示されています");
    expect(offers[0]!.text).not.toContain(`<@${CUSTOMER}>`);
    expect(JSON.stringify(offers[0]!.blocks)).toContain("この内容で案件を作成");
    expect(await spent()).toEqual(before);
  });

  it("stays quiet for a short thanks, and for a second message from the same person within a few minutes", async () => {
    h.clock.advance(OFFER_QUIET_MS + 60_000);
    const thanks = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "ご対応ありがとうございました！", ts: thanks });
    const question = await customerWrites("帳票の印刷で文字化けします");
    const soon = h.driver.nextTs();
    h.clock.advance(60_000);
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "補足: Windows 11 の環境です", ts: soon });
    // A colleague writing at the same moment is offered all the same: the pause is per person.
    const colleague = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: COLLEAGUE, userTeamId: CUSTOMER_TEAM, text: "別の部署からの質問です", ts: colleague });
    await expect.poll(() => offersFor(CUSTOMER_CHANNEL, colleague)).toBe(1);
    await h.drain();
    expect([thanks, question, soon, colleague].map((ts) => offersOf(ts).length)).toEqual([0, 1, 0, 1]);
    expect([thanks, soon].flatMap((ts) => botReplies(h, ts))).toEqual([]);
  });

  it("does not offer twice when Slack redelivers the same message", async () => {
    const again = await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "ライセンス認証でエラーになります", ts: sourceTs, retryNum: 1 });
    expect(again.status).toBe(200);
    // A later message is answered only after the redelivery was handled: its offer is the sign that both are done.
    await customerWrites("別件です");
    await h.drain();
    expect(await offersFor(CUSTOMER_CHANNEL, sourceTs)).toBe(1);
    expect(offersOf(sourceTs)).toHaveLength(1);
  });

  it("offers nothing for T4U's own messages or for replies inside a thread", async () => {
    const engineerTs = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "本日 18 時からメンテナンスです", ts: engineerTs });
    const staffTs = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: INTERNAL, userTeamId: HOME_TEAM, text: "ご連絡です", ts: staffTs });
    const replyTs = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "補足です", ts: replyTs, threadTs: sourceTs });
    await customerWrites("もう一つ質問です");
    for (const ts of [engineerTs, staffTs, replyTs]) expect(await offersFor(CUSTOMER_CHANNEL, ts)).toBe(0);
    expect(botReplies(h, engineerTs)).toHaveLength(0);
  });

  it("opens the modal filled in with the message: title from its first line, the text as description", async () => {
    const before = await spent();
    const modal = await modalAfter(h, CUSTOMER, () => clickOffer(sourceTs));
    expect(inputValue(modal, Inputs.title.block)).toBe("ライセンス認証でエラーになります");
    expect(inputValue(modal, Inputs.description.block)).toBe("ライセンス認証でエラーになります\n画面に E-1024 と表示され、再起動しても直りません。");
    expect(JSON.stringify(modal.blocks)).toContain("現在ご利用いただけるインシデントは *10 インシデント* です");
    // Opening the modal is not consent: nothing is reserved until the customer submits.
    expect(await spent()).toEqual(before);
  });

  it("opens the case only on the customer's submit, keeps the message's ts, and points the message to the case", async () => {
    // An engineer opens the same message as a case at the same time, with the message shortcut.
    const engineerModal = await modalAfter(h, ENGINEER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: ENGINEER, channelId: CUSTOMER_CHANNEL, message: { ts: sourceTs, text: "ライセンス認証でエラーになります", user: CUSTOMER },
    }));
    expect(engineerModal).toBeDefined();
    const submitted = await submitCase(h, {});
    expect(submitted.slackWouldReject).toBeUndefined();
    await expectOpened(h, submitted, submitted.viewId);
    const created = await h.database.db.client.case.findFirstOrThrow({ where: { sourceTs } });
    expect(created).toMatchObject({ title: "ライセンス認証でエラーになります", openedBy: CUSTOMER, state: "open", incidents: 1, channelId: CUSTOMER_CHANNEL });
    expect(await spent()).toMatchObject({ available: 9, reserved: 1 });
    await h.drain();
    const root = rootOf(h, "#0001");
    const pointer = botReplies(h, sourceTs).at(-1)!;
    expect(pointer.text).toContain("このメッセージを案件 #0001 として受け付けました");
    // The pointer links to the case's root message, where the conversation continues.
    const link = h.slack.callsTo("chat.getPermalink").at(-1);
    expect(link?.args.message_ts).toBe(root.ts);
    expect(pointer.text).toContain(`/p${root.ts.replace(".", "")}|案件 #0001 のスレッド>`);
  });

  it("lets a message become one case only: the engineer's later submit is told in the modal, a later click too", async () => {
    const late = await submitCase(h, { userId: ENGINEER, teamId: HOME_TEAM });
    const refusal = await refusalShown(h, late, late.viewId);
    expect(refusal.form).toBe(false);
    expect(refusal.text).toContain("既に案件 #0001 として受け付けています");
    expect(await h.database.db.client.case.count({ where: { sourceTs } })).toBe(1);
    const told = await caseNoticeAfter(h, CUSTOMER, () => clickOffer(sourceTs));
    expect(told).toContain("このメッセージは既に案件 #0001 として受け付けています");
    expect(await spent()).toMatchObject({ available: 9, reserved: 1 });
  });

  it("opens the modal with the message as last edited, and Slack's markup turned back into text", async () => {
    const ts = await customerWrites("誤字のある件名");
    await h.driver.event({
      type: "message", subtype: "message_changed", hidden: true, channel: CUSTOMER_CHANNEL, ts: h.driver.nextTs(),
      message: { type: "message", user: CUSTOMER, team: CUSTOMER_TEAM, ts, text: "<@U0ENG1> 様\nログは <https://example.com/log|こちら> &amp; 手順書です", edited: { user: CUSTOMER, ts: h.driver.nextTs() } },
      previous_message: { type: "message", user: CUSTOMER, ts, text: "誤字のある件名" },
    });
    await expect.poll(async () => (await h.database.db.client.caseOffer.findUniqueOrThrow({ where: { channelId_sourceTs: { channelId: CUSTOMER_CHANNEL, sourceTs: ts } } })).text).toContain("example.com/log");
    const modal = await modalAfter(h, CUSTOMER, () => clickOffer(ts));
    expect(inputValue(modal, Inputs.title.block)).toBe("@U0ENG1 様");
    expect(inputValue(modal, Inputs.description.block)).toBe("@U0ENG1 様\nログは こちら (https://example.com/log) & 手順書です");
  });

  it("speaks English in a channel set to English", async () => {
    const ts = await customerWrites("The licence check fails\nError E-1024 after the update.", { channelId: ENGLISH_CHANNEL, userId: ENGLISH_CUSTOMER, teamId: ENGLISH_TEAM });
    const offer = offersOf(ts, ENGLISH_CHANNEL)[0]!;
    expect(offer.text).toContain("To send it as a support case");
    expect(JSON.stringify(offer.blocks)).toContain("Open a case from this");
    const modal = await modalAfter(h, ENGLISH_CUSTOMER, () => clickOffer(ts, ENGLISH_CUSTOMER, ENGLISH_CHANNEL, ENGLISH_TEAM));
    expect(inputValue(modal, Inputs.title.block)).toBe("The licence check fails");
    expect(JSON.stringify(modal.blocks)).toContain("You have *5* available.");
    await submitCase(h, { userId: ENGLISH_CUSTOMER, teamId: ENGLISH_TEAM });
    await h.drain();
    expect(botReplies(h, ts, ENGLISH_CHANNEL).at(-1)!.text).toMatch(/^This message is now case #\d{4}\./);
  });
});

describe("the message shortcut for T4U", () => {
  it("lets an engineer make a customer's message a case, filled in from the message", async () => {
    const ts = h.driver.nextTs();
    h.slack.recordMessage(CUSTOMER_CHANNEL, { ts, text: "バックアップが失敗します\nエラー B-77 が出ます", user: CUSTOMER, team: CUSTOMER_TEAM });
    const modal = await modalAfter(h, ENGINEER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: ENGINEER, channelId: CUSTOMER_CHANNEL,
      message: { ts, text: "バックアップが失敗します\nエラー B-77 が出ます", user: CUSTOMER },
    }));
    expect(inputValue(modal, Inputs.title.block)).toBe("バックアップが失敗します");
    const submitted = await submitCase(h, { userId: ENGINEER, teamId: HOME_TEAM });
    await expectOpened(h, submitted, submitted.viewId);
    const created = await h.database.db.client.case.findFirstOrThrow({ where: { sourceTs: ts } });
    expect(created).toMatchObject({ openedBy: ENGINEER, title: "バックアップが失敗します", state: "open" });
    await h.drain();
    // The customer sees, under their own message, which case it became.
    expect(botReplies(h, ts).at(-1)!.text).toContain(`このメッセージを案件 ${caseNumber(created.id)} として受け付けました`);
  });

  it("points a reply inside a thread to its case from that thread", async () => {
    const parent = await customerWrites("親メッセージ");
    const reply = h.driver.nextTs();
    h.slack.recordMessage(CUSTOMER_CHANNEL, { ts: reply, thread_ts: parent, text: "スレッド内の別の質問", user: CUSTOMER, team: CUSTOMER_TEAM });
    await modalAfter(h, MANAGER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: MANAGER, channelId: CUSTOMER_CHANNEL,
      message: { ts: reply, thread_ts: parent, text: "スレッド内の別の質問", user: CUSTOMER },
    }));
    await submitCase(h, { userId: MANAGER, teamId: HOME_TEAM });
    await h.drain();
    const created = await h.database.db.client.case.findFirstOrThrow({ where: { sourceTs: reply } });
    expect(created.openedBy).toBe(MANAGER);
    expect(botReplies(h, parent).at(-1)!.text).toContain("として受け付けました");
  });

  it("refuses T4U staff who are neither engineers nor managers, and opens nothing", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, INTERNAL, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: INTERNAL, channelId: CUSTOMER_CHANNEL, message: { ts: h.driver.nextTs(), text: "質問", user: CUSTOMER },
    }));
    expect(text).toContain("サポート担当と管理者のみ");
  });

  it("refuses in a channel that is not registered, saying how to register it", async () => {
    const text = await caseNoticeAfter(h, ENGINEER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: ENGINEER, channelId: "C0RANDOM", message: { ts: h.driver.nextTs(), text: "質問", user: CUSTOMER },
    }));
    expect(text).toContain("登録されていない");
    expect(text).toContain("contract add");
  });

  it("tells the engineer when the message is already a case", async () => {
    const first = await h.database.db.client.case.findFirstOrThrow({ where: { sourceTs: { not: null }, openedBy: CUSTOMER }, orderBy: { id: "asc" } });
    const text = await caseNoticeAfter(h, ENGINEER, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: ENGINEER, channelId: CUSTOMER_CHANNEL, message: { ts: first.sourceTs!, text: first.title, user: CUSTOMER },
    }));
    expect(text).toContain("既に案件 #0001");
  });
});

describe("the entry message", () => {
  it("is posted again and pinned with /support entry by an engineer; the pin moves to the new one", async () => {
    const old = entryTs(h);
    const reply = await h.driver.slashCommand({ command: Commands.support, text: "entry", userId: ENGINEER, channelId: CUSTOMER_CHANNEL });
    expect(reply.slackWouldReject).toBeUndefined();
    expect(JSON.stringify(reply.json)).toContain("案件作成メッセージを投稿し直し");
    await h.drain();
    const fresh = entryTs(h);
    expect(fresh).not.toBe(old);
    expect(h.slack.callsTo("pins.add").filter((c) => c.ok).map((c) => c.args.timestamp)).toContain(fresh);
    expect(h.slack.callsTo("pins.remove").filter((c) => c.ok).map((c) => c.args.timestamp)).toEqual([old]);
    expect((await h.database.db.client.customerChannel.findUniqueOrThrow({ where: { channelId: CUSTOMER_CHANNEL } })).entryTs).toBe(fresh);
    // The new message is the customer's way in.
    const modal = await modalAfter(h, CUSTOMER, () => h.driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: fresh }));
    expect(modal.callback_id).toBeDefined();
  });

  it("is refused to T4U staff who are neither engineers nor managers", async () => {
    const before = h.slack.messages(CUSTOMER_CHANNEL).length;
    const reply = await h.driver.slashCommand({ command: Commands.support, text: "entry", userId: INTERNAL, channelId: CUSTOMER_CHANNEL });
    expect(JSON.stringify(reply.json)).toContain("サポート担当のみ");
    await h.drain();
    expect(h.slack.messages(CUSTOMER_CHANNEL).length).toBe(before);
  });

  it("explains where to run it when run outside a customer channel", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.support, text: "entry", userId: MANAGER, channelId: "C0MGRS" });
    expect(JSON.stringify(reply.json)).toContain("登録済みのお客様チャンネルで `/support entry`");
  });
});

describe("the modal T4U opens with /support or the message shortcut", () => {
  /**
   * Runs `act` for someone whose language is not known yet (it is kept an hour, so the clock moves on first),
   * waits for the form, and returns the calls to Slack it made, in order.
   */
  async function callsUntilForm(userId: string, act: () => Promise<unknown>): Promise<Array<{ method: string; view?: unknown }>> {
    h.clock.advance(2 * 60 * 60_000);
    const from = h.slack.calls.length;
    await modalAfter(h, userId, act);
    return h.slack.calls.slice(from).map((c) => ({ method: c.method, view: c.args.view }));
  }

  function expectOpenedBeforeLookup(calls: Array<{ method: string; view?: unknown }>): void {
    const methods = calls.map((c) => c.method);
    // Slack's trigger lasts 3 s: it is spent on a loading view before the person's language (users.info) is read.
    expect(methods).toContain("users.info");
    expect(methods.indexOf("views.open")).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf("views.open")).toBeLessThan(methods.indexOf("users.info"));
    expect(JSON.stringify(calls.find((c) => c.method === "views.open")!.view)).toContain(t("ja", "modal.open.loading"));
  }

  it("opens a loading modal on /support before anything is looked up, then shows the form in it", async () => {
    const calls = await callsUntilForm(ENGINEER_2, () => h.driver.slashCommand({ command: Commands.support, userId: ENGINEER_2, channelId: CUSTOMER_CHANNEL }));
    expectOpenedBeforeLookup(calls);
    expect(calls.filter((c) => c.method === "views.open")).toHaveLength(1);
  });

  it("opens a loading modal on the message shortcut before anything is looked up, then shows the form in it", async () => {
    const ts = h.driver.nextTs();
    h.slack.recordMessage(CUSTOMER_CHANNEL, { ts, text: "印刷できません", user: CUSTOMER, team: CUSTOMER_TEAM });
    const calls = await callsUntilForm(ENGINEER_2, () => h.driver.messageShortcut({
      callbackId: Shortcuts.messageToCase, userId: ENGINEER_2, channelId: CUSTOMER_CHANNEL, message: { ts, text: "印刷できません", user: CUSTOMER },
    }));
    expectOpenedBeforeLookup(calls);
    expect(calls.filter((c) => c.method === "views.open")).toHaveLength(1);
  });

  it("asks to run /support again when Slack refuses to open the modal", async () => {
    h.slack.fail("views.open", { error: "expired_trigger_id" });
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, ENGINEER, () => h.driver.slashCommand({ command: Commands.support, userId: ENGINEER, channelId: CUSTOMER_CHANNEL }));
    expect(text).toBe("ただいま混み合っており、入力フォームを開けませんでした。恐れ入りますが、もう一度 `/support` を実行してください。");
  });
});

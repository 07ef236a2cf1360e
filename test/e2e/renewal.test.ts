// Renewals asked for in Slack (R-CON-4, R-CON-5, R-ROLE): the 60-day notice asks with buttons, the customer's answer
// is recorded once per click and a changed answer says so, outsiders are refused with nothing written, managers are
// reminded once when no answer came 30 days before the end, and an application turns into a contract change in one
// click by a manager — all through the real receiver, the database and the Slack stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Commands, RenewalIds, Views } from "../../src/slack/ids.ts";
import { balanceLine } from "../../src/slack/views/balance.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, MANAGER, HOME_TEAM, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, TRIAGE_CHANNEL,
  startHarness, type Harness,
} from "../support/harness.ts";
import type { SlackMessage } from "../support/slack-api.ts";
import { ephemeralAfter, modalErrors } from "./customer-helpers.ts";

let h: Harness;
let ours: { customerId: number; contractId: number };
let theirs: { customerId: number; contractId: number };
const db = () => h.database.db.client;
const A = RenewalIds.actions;

const hasAction = (m: SlackMessage, actionId: string) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${actionId}"`);
const question = (channelId = CUSTOMER_CHANNEL) => {
  const m = h.slack.messages(channelId).find((x) => !x.thread_ts && hasAction(x, A.answerContinue));
  if (!m) throw new Error(`no renewal question in ${channelId}`);
  return m;
};
const replies = (ts: string, channelId = CUSTOMER_CHANNEL) => h.slack.messages(channelId).filter((m) => m.thread_ts === ts && m.ts !== ts).map((m) => m.text);
const triage = () => h.slack.messages(TRIAGE_CHANNEL).map((m) => m.text);
const events = (contractId: number) => db().contractEvent.findMany({ where: { contractId, kind: "renewal_answered" }, orderBy: { id: "asc" } });

async function answer(actionId: string, who: { userId: string; teamId: string } = { userId: CUSTOMER, teamId: CUSTOMER_TEAM }, channelId = CUSTOMER_CHANNEL, value?: string) {
  const q = question(channelId);
  const response = await h.driver.blockAction({ actionId, userId: who.userId, userTeamId: who.teamId, channelId, messageTs: q.ts, ...(value ? { value } : {}) });
  await h.drain();
  return response;
}

beforeAll(async () => {
  // Contracts confirmed 2026-04-01 run to 2027-03-31; a year of usage before the notice goes out.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  ours = await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10 });
  theirs = await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 7 });
  // 2027-03-31 − 60 days is Sat 1/30: the notices go out Mon 2/1 at 10:00.
  h.clock.set("2027-02-01T01:30:00Z");
  await h.running.scheduler.runOnce();
  await h.drain();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("the renewal notice asks", { timeout: 60_000 }, () => {
  it("posts the question with three answers and last year's usage, and tells managers", () => {
    const q = question();
    expect(q.text).toContain("昨年度のご利用実績は 0 インシデント（うちサービスレベルA 0 件）でした");
    expect(q.text).toContain("継続についてご意向をお聞かせいただけますでしょうか");
    for (const id of [A.answerContinue, A.answerConsidering, A.answerDecline]) expect(hasAction(q, id)).toBe(true);
    expect(triage().some((t) => t.includes("株式会社サンプル") && t.includes("更新のご案内を送信しました"))).toBe(true);
  });

  it("refuses a person of another workspace in the channel, and writes nothing", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, OTHER_CUSTOMER, () => answer(A.answerDecline, { userId: OTHER_CUSTOMER, teamId: OTHER_CUSTOMER_TEAM }));
    expect(text).toBe(`このご案内へのご回答は、ご契約のお客様のみ行えます。ご不明な点がございましたら、${h.config.contact} までお問い合わせください。`);
    expect((await db().contract.findUniqueOrThrow({ where: { id: ours.contractId } })).renewalAnswer).toBeNull();
    expect(await events(ours.contractId)).toEqual([]);
  });

  it("refuses a customer answering another customer's contract from their own channel, and writes nothing", async () => {
    // The other customer's own question, with our contract's id put in the button's value (a forged payload).
    const q = question(OTHER_CHANNEL);
    // The driver only clicks buttons as the app posted them, so the forged value goes through a raw signed request.
    const before = h.slack.ephemerals(OTHER_CHANNEL).length;
    const payload = {
      type: "block_actions", user: { id: OTHER_CUSTOMER, team_id: OTHER_CUSTOMER_TEAM }, team: { id: OTHER_CUSTOMER_TEAM }, api_app_id: h.slack.appId,
      channel: { id: OTHER_CHANNEL }, container: { type: "message", message_ts: q.ts, channel_id: OTHER_CHANNEL }, message: { ts: q.ts, text: q.text },
      trigger_id: h.slack.issueTriggerId({ userId: OTHER_CUSTOMER }), is_enterprise_install: false, enterprise: null,
      actions: [{ type: "button", action_id: A.answerDecline, block_id: RenewalIds.answerBlock, value: String(ours.contractId), action_ts: "1" }],
    };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await h.driver.raw(body, { "content-type": "application/x-www-form-urlencoded", ...h.driver.sign(body) });
    await expect.poll(() => h.slack.ephemerals(OTHER_CHANNEL).length).toBe(before + 1);
    expect(h.slack.ephemerals(OTHER_CHANNEL).at(-1)?.text).toBe(`このご案内は、このチャンネルのご契約のものではないため、ご回答を承ることができませんでした。ご不明な点がございましたら、${h.config.contact} までお問い合わせください。`);
    await h.drain();
    expect((await db().contract.findMany({ select: { renewalAnswer: true } })).map((c) => c.renewalAnswer)).toEqual([null, null]);
    expect(await db().contractEvent.count()).toBe(0);
  });

  it("records 「検討中・相談したい」 once however often it is clicked, and says so in the thread and to managers", async () => {
    const q = question();
    await answer(A.answerConsidering);
    await expect.poll(async () => (await events(ours.contractId)).length).toBe(1);
    await h.drain();
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, CUSTOMER, () => answer(A.answerConsidering));
    expect(text).toBe("すでに「検討中・相談したい」とのご回答を承っております。変更される場合は、別のボタンを押してください。");
    const contract = await db().contract.findUniqueOrThrow({ where: { id: ours.contractId } });
    expect([contract.renewalAnswer, contract.renewalAnsweredBy]).toEqual(["considering", CUSTOMER]);
    expect((await events(ours.contractId)).length).toBe(1);
    expect(replies(q.ts)).toEqual([expect.stringContaining(`<@${CUSTOMER}> 様より、継続についてご検討中とのご回答を承りました。`)]);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, q.ts)?.blocks)).toContain("現在のご回答: *検討中・相談したい*");
    expect(triage().filter((t) => t.includes("更新のご回答: 「検討中・相談したい」")).length).toBe(1);
  });

  it("a different answer replaces it and says so; 「継続を希望する」 opens the application form prefilled", async () => {
    const q = question();
    const forms = () => h.slack.views().filter((v) => v.callback_id === RenewalIds.views.application && v.user_id === CUSTOMER);
    await answer(A.answerContinue);
    await expect.poll(async () => (await events(ours.contractId)).length).toBe(2);
    await answer(A.answerContinue);
    await expect.poll(() => forms().length).toBe(2);
    await h.drain();
    const contract = await db().contract.findUniqueOrThrow({ where: { id: ours.contractId } });
    expect(contract.renewalAnswer).toBe("continue");
    expect((await events(ours.contractId)).map((e) => e.data ?? {})).toEqual([
      expect.objectContaining({ answer: "considering", previous: null }),
      expect.objectContaining({ answer: "continue", previous: "considering" }),
    ]);
    expect(replies(q.ts).at(-1)).toBe(`ご回答の変更を承りました（「検討中・相談したい」→「継続を希望する」）。<@${CUSTOMER}> 様より継続のご意向を承りました。誠にありがとうございます。お申し込みフォームにご記入いただきましたら、担当よりお手続きのご連絡を差し上げます。`);
    expect(replies(q.ts).length).toBe(2);
    expect(triage().filter((t) => t.includes("「検討中・相談したい」→「継続を希望する」")).length).toBe(1);
    expect((await events(ours.contractId)).length).toBe(2);
    const form = JSON.stringify(forms().at(-1)?.blocks);
    expect(form).toContain('"initial_value":"株式会社サンプル"');
    expect(form).toContain('"initial_value":"5"');
    expect(form).toContain('"initial_date":"2027-04-01"');
  });
});

describe("managers' overview", { timeout: 60_000 }, () => {
  it("puts the unanswered notice first among those expiring and shows each answer", async () => {
    const rows = (await balanceOverview(h.running.deps)).filter((r) => r.attention === "expiring");
    expect(rows.map((r) => [r.name, r.renewal])).toEqual([["他社株式会社", { answer: null }], ["株式会社サンプル", { answer: "continue" }]]);
    const t = translator("ja");
    expect(balanceLine(rows[0]!, t)).toContain("更新のご回答待ち");
    expect(balanceLine(rows[1]!, t)).toContain("更新のご回答: 継続を希望する");
  });
});

describe("the application (登録用紙) becomes a request, and a manager registers it", { timeout: 60_000 }, () => {
  const I = RenewalIds.inputs;
  const submit = (values: Record<string, Record<string, unknown>>) =>
    h.driver.viewSubmission({ callbackId: RenewalIds.views.application, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, values });
  const filled = {
    [I.person.block]: { [I.person.action]: "山田 太郎" },
    [I.email.block]: { [I.email.action]: "yamada@example.co.jp" },
    [I.incidents.block]: { [I.incidents.action]: "15" },
  };

  it("checks the form inline: a malformed email and a past start date are named on their fields", async () => {
    const errors = modalErrors(await submit({ ...filled, [I.email.block]: { [I.email.action]: "yamada" }, [I.startsOn.block]: { [I.startsOn.action]: "2027-01-01" } }));
    expect(errors).toEqual({ [I.email.block]: expect.stringContaining("メールアドレスの形式"), [I.startsOn.block]: "本日以降の日付をお選びください。" });
    expect(await db().purchaseRequest.count()).toBe(0);
  });

  it("makes a request, shown to the customer and to managers with 「登録する」", async () => {
    expect((await submit(filled)).json).toBeNull();
    await h.drain();
    const rows = await db().purchaseRequest.findMany();
    expect(rows.map((r) => [r.kind, r.incidents, r.startsOn, r.contactName, r.state])).toEqual([["renewal", 15, "2027-04-01", "山田 太郎", "pending"]]);
    const customerMessage = h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.text.startsWith("お申し込みを承りました"));
    expect(customerMessage?.text).toBe("お申し込みを承りました（受付番号 R-0001）");
    const triageMessage = h.slack.messages(TRIAGE_CHANNEL).find((m) => hasAction(m, A.registerRequest));
    expect(triageMessage?.text).toContain("R-0001 株式会社サンプル よりお申し込み");
    expect(await db().contractEvent.count({ where: { kind: "request_created" } })).toBe(1);
  });

  it("refuses the request controls to anyone but a manager", async () => {
    const m = h.slack.messages(TRIAGE_CHANNEL).find((x) => hasAction(x, A.registerRequest))!;
    const before = h.slack.views().length;
    const text = await ephemeralAfter(h, TRIAGE_CHANNEL, CUSTOMER, () => h.driver.blockAction({ actionId: A.registerRequest, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: TRIAGE_CHANNEL, messageTs: m.ts }));
    expect(text).toContain("管理者");
    expect(h.slack.views().length).toBe(before);
  });

  it("「登録する」 opens the renewal modal filled in from the request; submitting it registers the contract and tells the customer", async () => {
    const m = h.slack.messages(TRIAGE_CHANNEL).find((x) => hasAction(x, A.registerRequest))!;
    await h.driver.blockAction({ actionId: A.registerRequest, userId: MANAGER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: m.ts });
    await expect.poll(() => h.slack.views().filter((v) => v.callback_id === Views.renewContract).length).toBe(1);
    const modal = h.slack.views().find((v) => v.callback_id === Views.renewContract)!;
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"15"');
    expect(JSON.stringify(modal.blocks)).toContain('"initial_date":"2027-04-01"');
    const submitRenewal = () => h.driver.viewSubmission({ callbackId: Views.renewContract, userId: MANAGER, userTeamId: HOME_TEAM, values: {}, viewId: modal.id, privateMetadata: modal.private_metadata });
    await submitRenewal();
    await h.drain();
    const contracts = await db().contract.findMany({ where: { customerId: ours.customerId }, orderBy: { id: "asc" } });
    expect(contracts.map((c) => [c.kind, c.startsOn, c.endsOn, c.purchased])).toEqual([["initial", "2026-04-01", "2027-03-31", 10], ["renewal", "2027-04-01", "2028-03-31", 15]]);
    const request = await db().purchaseRequest.findFirstOrThrow();
    expect([request.state, request.resultContractId, request.decidedBy]).toEqual(["registered", contracts[1]?.id, MANAGER]);
    expect(await db().contractEvent.findMany({ where: { kind: "request_registered" }, select: { actorId: true, contractId: true } })).toEqual([{ actorId: MANAGER, contractId: contracts[1]?.id }]);
    const customerMessage = h.slack.messages(CUSTOMER_CHANNEL).find((x) => x.text.startsWith("お申し込みを承りました"))!;
    expect(replies(customerMessage.ts)).toEqual(["お申し込みいただいた継続のお手続きが完了いたしました。新しいご契約は 15 インシデント、2027年4月1日（木）から2028年3月31日（金）までです。引き続きよろしくお願い申し上げます。"]);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, customerMessage.ts)?.blocks)).toContain(`ご登録が完了いたしました（契約 #${contracts[1]?.id}）`);
    expect(hasAction(h.slack.message(TRIAGE_CHANNEL, m.ts)!, A.registerRequest)).toBe(false);
  });
});

describe("the contracts' history in /balance <customer> (R-CON-7)", { timeout: 60_000 }, () => {
  it("tells who answered what and when, the changed answer, the application and who registered it as which contract", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "株式会社サンプル", userId: MANAGER, channelId: "C0MGRS" });
    expect(reply.slackWouldReject).toBeUndefined();
    const blocks = (reply.json as { blocks: { text?: { text: string } }[] }).blocks;
    const history = blocks.map((b) => b.text?.text ?? "").find((text) => text.startsWith("*経緯*"));
    const renewal = (await db().contract.findFirstOrThrow({ where: { customerId: ours.customerId, kind: "renewal" } })).id;
    expect(history?.split("\n").slice(1)).toEqual([
      `2027-02-01 10:30 · <@${MANAGER}> · R-0001 を契約 #${renewal} として登録`,
      `2027-02-01 10:30 · <@${CUSTOMER}> · R-0001 お申し込み（継続（新しい契約期間）、15 インシデント）`,
      `2027-02-01 10:30 · <@${CUSTOMER}> · 契約 #${ours.contractId} のご回答を変更: 検討中・相談したい → *継続を希望する*`,
      `2027-02-01 10:30 · <@${CUSTOMER}> · 契約 #${ours.contractId} の継続のご意向: *検討中・相談したい*`,
    ]);
  });
});

describe("the reminder to managers", { timeout: 60_000 }, () => {
  it("goes out once, 30 days before the end, only for the customer who has not answered", async () => {
    // 2027-03-31 − 30 days is Tue 3/1: 10:00 that morning.
    h.clock.set("2027-03-01T00:30:00Z");
    await h.running.scheduler.runOnce();
    await h.drain();
    expect(triage().filter((t) => t.includes("ご回答がまだありません"))).toEqual([]);
    h.clock.set("2027-03-01T01:30:00Z");
    await h.running.scheduler.runOnce();
    await h.running.scheduler.runOnce();
    await h.drain();
    const reminders = triage().filter((t) => t.includes("ご回答がまだありません"));
    expect(reminders).toEqual([expect.stringContaining("他社株式会社 の契約が 2027年3月31日（水） に終了します")]);
    expect((await db().contract.findUniqueOrThrow({ where: { id: theirs.contractId } })).renewalReminderAt).not.toBeNull();
  });
});

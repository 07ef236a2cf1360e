// The usage statement (利用明細): a customer asks for it from the entry message of their channel and sees, only to
// themselves, their contract's purchases, each case with what it consumed or released and why, and the balance —
// never another customer's — and gets it as a PDF by direct message. A manager gets any customer's from its detail, with the CSV, by direct message; the
// command line writes the CSV.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addIncidents } from "../../src/services/add-incidents.ts";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { openCase } from "../../src/services/open-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions, InsightIds, Views } from "../../src/slack/ids.ts";
import { managerHomeBlocks } from "../../src/slack/views/manager-home.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { entryTs } from "./customer-helpers.ts";
import { ephemeralAfter } from "./engineer-helpers.ts";
import { HAS_PDFTOTEXT, joined, pdfText } from "../report/pdf-text.ts";

let h: Harness;
let ours: { customerId: number; contractId: number };

async function opens(channelId: string, openedBy: string, title: string, level: "normal" | "A" = "normal"): Promise<number> {
  const r = await openCase(h.running.deps, { requestKey: randomUUID(), channelId, openedBy, title, description: "詳細は社外秘です。", level });
  if (!r.ok) throw new Error(`case refused: ${r.reason}`);
  return r.caseId;
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-06-01T01:00:00Z" });
  ours = await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10, confirmedOn: "2026-04-01" });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 7, confirmedOn: "2026-04-01", customerTeam: OTHER_CUSTOMER_TEAM });
  await addIncidents(h.running.deps, { contractId: ours.contractId, incidents: 5, note: "注文書 #42", actorId: MANAGER });
  await resolveCase(h.running.deps, { caseId: await opens(CUSTOMER_CHANNEL, CUSTOMER, "ライセンス認証エラー"), actorId: ENGINEER });
  await resolveCase(h.running.deps, { caseId: await opens(CUSTOMER_CHANNEL, CUSTOMER, "環境の再現による検証", "A"), actorId: ENGINEER });
  await cancelCase(h.running.deps, { caseId: await opens(CUSTOMER_CHANNEL, CUSTOMER, "製品の不具合だった件"), actorId: ENGINEER, note: "製品の不具合" });
  await opens(CUSTOMER_CHANNEL, CUSTOMER, "対応中の質問");
  await opens(OTHER_CHANNEL, OTHER_CUSTOMER, "他社の社外秘の質問");
  await h.drain();
});
afterAll(async () => {
  await h?.close();
});

/** The direct message channel the app reaches a person in. */
const dmOf = (userId: string) => `D${userId.slice(1)}`;
const pdfsTo = (channelId: string) => h.slack.uploads.filter((u) => u.channel_id === channelId && u.filename.endsWith(".pdf"));

function statementClick(userId: string, userTeamId: string, channelId = CUSTOMER_CHANNEL) {
  return () => h.driver.blockAction({ actionId: InsightIds.actions.statement, userId, userTeamId, channelId, messageTs: entryTs(h, channelId) });
}

describe("the usage statement", () => {
  it("shows a customer their own contract from the entry message, only to them", async () => {
    expect(h.slack.ephemerals(CUSTOMER_CHANNEL)).toHaveLength(0);
    await ephemeralAfter(h, CUSTOMER_CHANNEL, CUSTOMER, statementClick(CUSTOMER, CUSTOMER_TEAM));
    const shown = JSON.stringify(h.slack.ephemerals(CUSTOMER_CHANNEL).at(-1));
    expect(shown).toContain("株式会社サンプル 様 利用明細");
    expect(shown).toContain("ご購入 15 · 消費 4 · 予約中 1 · *ご利用可能 10*");
    expect(shown).toContain("追加購入 +5（注文書 #42）");
    const normal = translator("ja")("level.normal");
    expect(shown).toContain(`ライセンス認証エラー · ${normal} · 解決 · 1 消費`);
    expect(shown).toContain("環境の再現による検証 · サービスレベルA · 解決 · 3 消費");
    expect(shown).toContain(`製品の不具合だった件 · ${normal} · 製品の不具合のためキャンセル（消費なし） · 1 返却`);
    expect(shown).toContain(`対応中の質問 · ${normal} · 対応中 · 1 予約中`);
    expect(shown).not.toContain("他社");
    expect(h.slack.messages(CUSTOMER_CHANNEL).some((m) => JSON.stringify(m).includes("利用明細*"))).toBe(false);
  });

  it("sends the customer who asked the statement as a PDF by direct message, never into the channel", async () => {
    await expect.poll(() => pdfsTo(dmOf(CUSTOMER)).length).toBe(1);
    const pdf = pdfsTo(dmOf(CUSTOMER))[0]!;
    expect(pdf.initial_comment).toContain("利用明細書（PDF、");
    expect(pdf.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(h.slack.uploads.filter((u) => u.channel_id === CUSTOMER_CHANNEL)).toHaveLength(0);
    if (!HAS_PDFTOTEXT) return;
    const text = joined(pdfText(pdf.content));
    expect(text).toContain("株式会社サンプル様");
    expect(text).toContain("ライセンス認証エラー");
    expect(text).not.toContain("他社");
  });

  it("tells the customer, with whom to ask, when Slack does not let the PDF be sent to them directly", async () => {
    h.slack.fail("conversations.open", { error: "invalid_user_combination" });
    const before = pdfsTo(dmOf(CUSTOMER)).length;
    const mine = () => h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === CUSTOMER);
    const seen = mine().length;
    await statementClick(CUSTOMER, CUSTOMER_TEAM)();
    await expect.poll(() => mine().length).toBe(seen + 2);
    expect(mine().at(-1)!.text).toContain("恐れ入りますが、利用明細書（PDF）をダイレクトメッセージでお送りできませんでした。");
    expect(pdfsTo(dmOf(CUSTOMER))).toHaveLength(before);
  });

  it("refuses a person of another customer's workspace in this channel, and shows them no figures", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, OTHER_CUSTOMER, statementClick(OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみ");
    expect(text).not.toContain("ライセンス認証エラー");
    expect(pdfsTo(dmOf(OTHER_CUSTOMER))).toHaveLength(0);
  });

  it("shows the other customer only their own statement in their own channel", async () => {
    await ephemeralAfter(h, OTHER_CHANNEL, OTHER_CUSTOMER, statementClick(OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, OTHER_CHANNEL));
    const shown = JSON.stringify(h.slack.ephemerals(OTHER_CHANNEL).at(-1));
    expect(shown).toContain("他社株式会社 様 利用明細");
    expect(shown).toContain("他社の社外秘の質問");
    expect(shown).not.toContain("サンプル");
    expect(shown).not.toContain("ライセンス認証エラー");
    await expect.poll(() => pdfsTo(dmOf(OTHER_CUSTOMER)).length).toBe(1);
    if (!HAS_PDFTOTEXT) return;
    const text = joined(pdfText(pdfsTo(dmOf(OTHER_CUSTOMER))[0]!.content));
    expect(text).toContain("他社株式会社様");
    expect(text).not.toContain("サンプル");
  });

  it("sends a manager the statement with its CSV and PDF by direct message from the customer's detail", async () => {
    const rows = await balanceOverview(h.running.deps);
    await h.running.app.client.views.publish({ user_id: MANAGER, view: { type: "home", callback_id: Views.home, blocks: managerHomeBlocks(rows, translator("ja")) } });
    const home = h.slack.homeView(MANAGER)!;
    await h.driver.blockAction({ actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: home.id, callbackId: Views.home }, blockId: `balance_row_${ours.customerId}` });
    await expect.poll(() => h.slack.views().filter((v) => v.open && v.callback_id === Views.customerDetail).length).toBe(1);
    const detail = h.slack.views().find((v) => v.open && v.callback_id === Views.customerDetail)!;
    const click = await h.driver.blockAction({ actionId: InsightIds.actions.statement, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail }, blockId: "customer_actions" });
    expect(click.slackWouldReject).toBeUndefined();
    const toManager = () => h.slack.uploads.filter((u) => u.channel_id === dmOf(MANAGER) && u.filename.startsWith("statement_"));
    await expect.poll(() => toManager().length).toBe(2);
    const csv = toManager().find((u) => u.filename.endsWith(".csv"))!.content.toString("utf8");
    expect(csv.startsWith("\uFEFF契約,期間,区分,日付,終了日,案件,件名")).toBe(true);
    expect(csv).toContain(",環境の再現による検証,サービスレベルA,解決,3,0,0,,");
    expect(csv).toContain("追加購入,,,,5,注文書 #42");
    expect(csv).not.toContain("他社");
    const pdf = toManager().find((u) => u.filename.endsWith(".pdf"))!;
    expect(pdf.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!HAS_PDFTOTEXT) return;
    const text = joined(pdfText(pdf.content));
    expect(text).toContain("株式会社サンプル様");
    expect(text).toContain("環境の再現による検証");
    expect(text).toContain("注文書#42");
    expect(text).not.toContain("他社");
  });
});

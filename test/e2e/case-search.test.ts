// Finding any case, end to end through the real receiver: /case 12 and /case #0012 show the card to the engineer
// or manager who asked; /case <words> finds Japanese words inside longer text without spaces, in titles,
// descriptions and thread messages, every word somewhere in the case; edits are followed; nobody else is answered.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { CaseworkIds, Commands } from "../../src/slack/ids.ts";
import { entryTs } from "./customer-helpers.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, INTERNAL, MANAGER, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, type Harness,
} from "../support/harness.ts";

let h: Harness;
const ids: Record<string, number> = {};
const ASKED_IN = "D0ENG1";

async function open(key: string, channelId: string, openedBy: string, title: string, description: string) {
  const result = await openCase(h.running.deps, { requestKey: randomUUID(), channelId, openedBy, title, description, level: "normal" });
  if (!result.ok) throw new Error(result.reason);
  await h.drain();
  ids[key] = result.caseId;
}

async function rootOf(caseId: number): Promise<string> {
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
  return c.rootTs ?? "";
}

async function say(caseId: number, channelId: string, userId: string, teamId: string, text: string): Promise<string> {
  const ts = h.driver.nextTs();
  const response = await h.driver.message({ channelId, userId, userTeamId: teamId, text, threadTs: await rootOf(caseId), ts });
  expect(response.status).toBe(200);
  // The driver returns once the app has handled what it acknowledged.
  expect(await h.database.db.client.caseMessage.count({ where: { ts } })).toBe(1);
  return ts;
}

/** Runs /case as the person and returns what they were answered (the text and blocks, as one string). */
async function slashCase(userId: string, text: string): Promise<string> {
  const mine = () => h.slack.ephemerals(ASKED_IN).filter((e) => e.user === userId);
  const before = mine().length;
  const response = await h.driver.slashCommand({ command: Commands.case, text, userId, channelId: ASKED_IN });
  expect(response.slackWouldReject).toBeUndefined();
  const immediate = response.text ? JSON.stringify(response.json ?? response.text) : "";
  if (immediate.includes("text")) return immediate;
  await expect.poll(() => mine().length).toBe(before + 1);
  const answer = mine().at(-1)!;
  return `${answer.text} ${JSON.stringify(answer.blocks ?? [])}`;
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 50 });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 10 });
  await open("license", CUSTOMER_CHANNEL, CUSTOMER, "ライセンス認証に失敗する", "起動時にエラー E-1024 が表示され、製品を利用できません。");
  await open("printing", CUSTOMER_CHANNEL, CUSTOMER, "帳票の印刷が遅い", "月次の帳票を出力すると数分かかります。");
  await open("other", OTHER_CHANNEL, OTHER_CUSTOMER, "他社のライセンス認証について", "別の会社の案件です。");
  await say(ids.license!, CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, "社内のプロキシサーバー経由の環境でのみ発生しています。");
  await say(ids.license!, CUSTOMER_CHANNEL, ENGINEER, "T0HOME", "ログファイルの採取手順をお送りします。");
  await say(ids.other!, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, "こちらもプロキシサーバー経由です。");
});
afterAll(async () => {
  await h?.close();
});

describe("/case <number>: the case card", () => {
  it("shows the same card for 12, #0012 and full-width digits, only to the engineer who asked", async () => {
    const n = ids.license!;
    const plain = await slashCase(ENGINEER, String(n));
    const quoted = await slashCase(ENGINEER, `#${String(n).padStart(4, "0")}`);
    const wide = await slashCase(ENGINEER, `＃${String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`);
    for (const answer of [plain, quoted, wide]) {
      expect(answer).toContain(`#${String(n).padStart(4, "0")} ライセンス認証に失敗する`);
      expect(answer).toContain("株式会社サンプル");
      expect(answer).toContain("起動時にエラー E-1024");
      expect(answer).toContain("スレッドのメッセージ: 2 件");
      expect(answer).toContain("次の期限: 自動クローズ");
      expect(answer).toContain("履歴を出力");
      // The thread link is Slack's permalink of the case's root message.
      expect(answer).toContain(`archives/${CUSTOMER_CHANNEL}/p${(await rootOf(n)).replace(".", "")}`);
    }
    expect(h.slack.ephemerals(ASKED_IN).every((e) => e.user === ENGINEER)).toBe(true);
  });

  it("shows a manager the card too; a number that does not exist is said so", async () => {
    expect(await slashCase(MANAGER, String(ids.printing))).toContain("帳票の印刷が遅い");
    expect(await slashCase(ENGINEER, "#9999")).toContain("案件 #9999 は見つかりませんでした");
  });

  it("refuses T4U staff who are neither engineers nor managers, showing nothing of any case", async () => {
    const answer = await slashCase(INTERNAL, String(ids.license));
    expect(answer).toContain("T4U のサポート担当と管理者のみ");
    expect(answer).not.toContain("ライセンス");
    expect(await slashCase(INTERNAL, "ライセンス")).not.toContain("認証");
  });
});

describe("/case <words>: search", () => {
  it("finds a Japanese word inside a longer title, without spaces, newest first, across customers for staff", async () => {
    const answer = await slashCase(ENGINEER, "ライセンス認証");
    expect(answer).toContain("「ライセンス認証」を含む案件: 2 件");
    expect(answer.indexOf("他社のライセンス認証について")).toBeLessThan(answer.indexOf("ライセンス認証に失敗する"));
    expect(answer).not.toContain("帳票の印刷が遅い");
  });

  it("finds words in thread messages and descriptions, and every word must be somewhere in the case", async () => {
    const byMessage = await slashCase(ENGINEER, "サーバー経由");
    expect(byMessage).toContain("ライセンス認証に失敗する");
    expect(byMessage).toContain("他社のライセンス認証について");
    expect(byMessage).toContain("プロキシサーバー経由の環境");
    const both = await slashCase(ENGINEER, "採取手順　E-1024");
    expect(both).toContain("ライセンス認証に失敗する");
    expect(both).not.toContain("他社のライセンス認証について");
    expect(await slashCase(ENGINEER, "採取手順 帳票")).toContain("を含む案件は見つかりませんでした");
    expect(await slashCase(ENGINEER, "e-1024")).toContain("ライセンス認証に失敗する");
  });

  it("looks for words shorter than three characters in titles and descriptions, and says so", async () => {
    const answer = await slashCase(ENGINEER, "帳票");
    expect(answer).toContain("帳票の印刷が遅い");
    expect(answer).toContain("3 文字未満の語は件名と内容から探しました");
    // With a longer word, a short one narrows the cases down wherever it is, messages included.
    expect(await slashCase(ENGINEER, "ライセンス 採取")).toContain("ライセンス認証に失敗する");
    expect(await slashCase(ENGINEER, "ライセンス 採取")).not.toContain("他社の");
  });

  it("links each case found to its thread", async () => {
    const answer = await slashCase(ENGINEER, "印刷が遅");
    expect(answer).toContain(`archives/${CUSTOMER_CHANNEL}/p${(await rootOf(ids.printing!)).replace(".", "")}`);
  });

  it("follows edits and deletions of thread messages", async () => {
    const ts = await say(ids.printing!, CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, "プリンタードライバーは版数 3.2 です。");
    expect(await slashCase(ENGINEER, "プリンタードライバー")).toContain("帳票の印刷が遅い");
    const root = await rootOf(ids.printing!);
    await h.driver.event({
      type: "message", subtype: "message_changed", hidden: true, channel: CUSTOMER_CHANNEL, ts: h.driver.nextTs(),
      message: { type: "message", user: CUSTOMER, ts, thread_ts: root, text: "スプーラーの設定を変えました。", edited: { user: CUSTOMER, ts: h.driver.nextTs() } },
      previous_message: { type: "message", user: CUSTOMER, ts, thread_ts: root, text: "プリンタードライバーは版数 3.2 です。" },
    });
    await expect.poll(() => slashCase(ENGINEER, "スプーラー")).toContain("帳票の印刷が遅い");
    expect(await slashCase(ENGINEER, "プリンタードライバー")).toContain("を含む案件は見つかりませんでした");
    await h.driver.event({
      type: "message", subtype: "message_deleted", hidden: true, channel: CUSTOMER_CHANNEL, ts: h.driver.nextTs(), deleted_ts: ts,
      previous_message: { type: "message", user: CUSTOMER, ts, thread_ts: root, text: "スプーラーの設定を変えました。" },
    });
    await expect.poll(() => slashCase(ENGINEER, "スプーラー")).toContain("を含む案件は見つかりませんでした");
  });

  it("treats quotes, percent signs and underscores as characters, not as query syntax", async () => {
    for (const query of ['"認証"に', "100%_", "NEAR(ライセンス", "*"]) {
      expect(await slashCase(ENGINEER, query)).toContain("を含む案件は見つかりませんでした");
    }
  });

  it("answers /case alone with how to use it", async () => {
    expect(await slashCase(ENGINEER, "")).toContain("/case の使い方");
  });
});

describe("customers search their own channel's cases from the entry message", () => {
  async function openSearch(userId: string, teamId: string, channelId: string) {
    const mine = () => h.slack.views().filter((v) => v.callback_id === CaseworkIds.views.customerSearch && v.user_id === userId);
    const before = mine().length;
    const response = await h.driver.blockAction({ actionId: CaseworkIds.actions.customerSearch, userId, userTeamId: teamId, channelId, messageTs: entryTs(h, channelId) });
    expect(response.slackWouldReject).toBeUndefined();
    await expect.poll(() => mine().length).toBe(before + 1);
    return mine().at(-1)!;
  }

  async function search(userId: string, teamId: string, channelId: string, query: string): Promise<string> {
    const view = await openSearch(userId, teamId, channelId);
    const response = await h.driver.viewSubmission({
      callbackId: view.callback_id, viewId: view.id, userId, userTeamId: teamId,
      values: { [CaseworkIds.inputs.query.block]: { [CaseworkIds.inputs.query.action]: query } },
    });
    expect(response.slackWouldReject).toBeUndefined();
    const json = response.json as { response_action?: string; view?: unknown; errors?: unknown };
    return JSON.stringify(json);
  }

  it("finds words in their own cases, with links, and never another customer's case", async () => {
    const answer = await search(CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, "ライセンス認証");
    expect(answer).toContain('"response_action":"update"');
    expect(answer).toContain("ライセンス認証に失敗する");
    expect(answer).toContain(`archives/${CUSTOMER_CHANNEL}/p`);
    expect(answer).not.toContain("他社");
    // The other customer's thread said the same words: still nothing of theirs.
    const other = await search(CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, "こちらもプロキシ");
    expect(other).toContain("を含む案件は見つかりませんでした");
    const theirs = await search(OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, OTHER_CHANNEL, "ライセンス認証");
    expect(theirs).toContain("他社のライセンス認証について");
    expect(theirs).not.toContain("ライセンス認証に失敗する");
  });

  it("answers another customer's case number exactly like a number that does not exist", async () => {
    const number = `#${String(ids.other).padStart(4, "0")}`;
    expect(await search(CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, number)).toContain(`案件 ${number} は見つかりませんでした`);
    const own = await search(CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, String(ids.license));
    expect(own).toContain("ライセンス認証に失敗する");
    expect(own).not.toContain("履歴を出力");
    expect(own).not.toContain("トリアージ");
  });

  it("refuses a submission naming a channel that is not the submitter's own", async () => {
    // Slack would never send this (the modal was opened for the first customer): signed as if it came from Slack,
    // from a person of the other customer's organisation, naming the first customer's channel.
    const payload = {
      type: "view_submission", team: { id: OTHER_CUSTOMER_TEAM, domain: "other" },
      user: { id: OTHER_CUSTOMER, username: OTHER_CUSTOMER, name: OTHER_CUSTOMER, team_id: OTHER_CUSTOMER_TEAM },
      api_app_id: h.slack.appId, token: "legacy-verification-token", trigger_id: "1.2.forged",
      view: {
        id: "VFORGED", team_id: OTHER_CUSTOMER_TEAM, type: "modal", callback_id: CaseworkIds.views.customerSearch,
        private_metadata: JSON.stringify({ channelId: CUSTOMER_CHANNEL }), blocks: [], hash: "h", app_installed_team_id: "T0HOME",
        state: { values: { [CaseworkIds.inputs.query.block]: { [CaseworkIds.inputs.query.action]: { type: "plain_text_input", value: "ライセンス" } } } },
      },
      response_urls: [], is_enterprise_install: false,
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await h.driver.raw(body, { "content-type": "application/x-www-form-urlencoded", ...h.driver.sign(body) });
    const text = JSON.stringify(response.json);
    expect(text).toContain('"response_action":"errors"');
    expect(text).not.toContain("ライセンス認証に失敗する");
  });
});

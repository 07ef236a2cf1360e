// The scheduler inside the running app, as people see it in Slack: the customer's thread and channel, and the
// engineers' triage channel, with the injected clock moved by hand and passes run by the app's own scheduler.
// Rules: R-LIFE-2, R-LIFE-6, R-LIFE-7, R-CON-4.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";

let h: Harness;
const ids: Record<"answered" | "waiting", number> = { answered: 0, waiting: 0 };

beforeAll(async () => {
  // Mon 2026-06-01 10:00 in Tokyo.
  h = await startHarness({ now: "2026-06-01T01:00:00Z" });
  await h.registerCustomer({ confirmedOn: "2025-08-01" });
});
afterAll(async () => {
  await h?.close();
});

const at = (iso: string) => h.clock.set(new Date(`${iso}+09:00`));
const ts = () => `${Math.floor(h.clock.now().getTime() / 1000)}.000200`;

async function opens(title: string): Promise<number> {
  const opened = await openCase(h.running.deps, {
    requestKey: `scheduler-app-${title}`, channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER,
    title, description: "起動時にエラーが表示されます。", level: "normal",
  });
  if (!opened.ok) throw new Error("case refused");
  await h.drain();
  return opened.caseId;
}

async function rootTs(caseId: number): Promise<string> {
  return (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs ?? "";
}

async function triageThread(caseId: number): Promise<string[]> {
  const triageTs = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).triageTs;
  return h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.thread_ts === triageTs && m.ts !== triageTs).map((m) => m.text ?? "");
}

async function customerThread(caseId: number): Promise<string[]> {
  const root = await rootTs(caseId);
  return h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === root && m.ts !== root).map((m) => m.text ?? "");
}

async function tick() {
  await h.running.scheduler.runOnce();
  await h.drain();
}

describe("the app's scheduler, seen in Slack", () => {
  it("asks the customer about renewal 60 days before the contract ends, and tells managers (R-CON-4)", async () => {
    await tick();
    const top = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => !m.thread_ts).map((m) => m.text ?? "");
    expect(top.some((t) => t.includes("現在のサポート契約は *2026年7月31日（金）* に有効期限を迎えます") && t.includes("T4U株式会社 サポートサービス窓口"))).toBe(true);
    expect(h.slack.messages(TRIAGE_CHANNEL).some((m) => !m.thread_ts && (m.text ?? "").includes("更新のご案内を送信しました"))).toBe(true);
  });

  it("alerts engineers in the case's triage thread when a first response is overdue (R-LIFE-7)", async () => {
    ids.answered = await opens("ライセンス認証エラー");
    ids.waiting = await opens("インストールできない");
    const answer = await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "手順をご案内します。", threadTs: await rootTs(ids.answered), ts: ts() });
    expect(answer.status).toBe(200);
    await expect.poll(async () => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: ids.answered } })).state).toBe("answered");
    at("2026-06-02T10:15:00");
    await tick();
    const alerts = await triageThread(ids.waiting);
    expect(alerts).toEqual([expect.stringContaining(`#${String(ids.waiting).padStart(4, "0")}（株式会社サンプル）の初回回答期限（2026年6月2日（火） 10:00）を過ぎました`)]);
    expect(await triageThread(ids.answered)).toEqual([]);
  });

  it("apologises to the customer for the delay after 2 business days, once, and tells engineers (R-LIFE-6)", async () => {
    at("2026-06-03T10:30:00");
    await tick();
    at("2026-06-03T15:00:00");
    await tick();
    const thread = await customerThread(ids.waiting);
    expect(thread.filter((t) => t.includes("回答までにお時間をいただいており、大変申し訳ございません"))).toHaveLength(1);
    expect((await triageThread(ids.waiting)).filter((t) => t.includes("遅延のお詫びを自動で送信しました"))).toHaveLength(1);
  });

  it("reminds the customer 2 business days before the automatic close, then closes and says why (R-LIFE-2)", async () => {
    at("2026-06-08T10:30:00");
    await tick();
    expect((await customerThread(ids.answered)).at(-1)).toContain("解決済みとして自動でクローズいたします（予定: 2026年6月10日（水） 10:00）");
    at("2026-06-10T10:30:00");
    await tick();
    // The close notice, followed by the satisfaction question (see test/e2e/case-rating.test.ts).
    expect((await customerThread(ids.answered)).at(-2)).toContain("最後のご回答から 7 営業日ご返信がなかったため、解決済みとしてクローズいたしました");
    expect((await customerThread(ids.answered)).at(-1)).toContain("対応はいかがでしたでしょうか");
    const root = h.slack.messages(CUSTOMER_CHANNEL).find((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes("ライセンス認証エラー"));
    expect(JSON.stringify(root?.blocks)).toContain("クローズ");
    expect(await h.database.db.client.ledgerEntry.count({ where: { caseId: ids.answered, kind: "consume" } })).toBe(1);
  });
});

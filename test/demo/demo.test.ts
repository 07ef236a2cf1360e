// `npm run demo` plays the scripted day against the real app; this runs the same script in-process and checks
// the transcript a newcomer reads: each step shows what the app really said, and the balance after it.
// Rules: R-INC-6 (opening reserves), R-INC-2/R-INC-5 (level A on approval), R-LIFE-1 (resolving consumes),
// R-LIFE-2 (reminder, then the automatic close after 7 business days).
import { beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/script.ts";
import { displayWidth } from "../../src/demo/width.ts";
import { createTestDatabase } from "../support/database.ts";

interface Step { heading: string; body: string[] }

/** The transcript cut into its steps: a "── " heading and what follows it. */
function steps(lines: string[]): Step[] {
  const out: Step[] = [];
  for (const line of lines) {
    if (line.startsWith("── ")) out.push({ heading: line, body: [] });
    else out.at(-1)?.body.push(line.trim());
  }
  return out;
}

function step(all: Step[], heading: string): Step {
  const found = all.filter((s) => s.heading.includes(heading));
  if (found.length !== 1) throw new Error(`expected one step "${heading}", found ${found.length}: ${all.map((s) => s.heading).join(" | ")}`);
  return found[0]!;
}

const balance = (s: Step) => s.body.filter((l) => l.startsWith("残高") || l.startsWith("Balance")).at(-1);

describe("the demo's day in Japanese", () => {
  let lines: string[] = [];
  let all: Step[] = [];
  beforeAll(async () => {
    // Wide enough that no line wraps, so whole messages can be compared.
    lines = await runDemo({ lang: "ja", database: await createTestDatabase(), width: 1000 });
    all = steps(lines);
  });

  it("registers the customer and posts the entry message in its channel", () => {
    const s = step(all, "管理者 (U0MGR1) が /balance register で登録: 株式会社サンプル（10 インシデント）");
    expect(s.heading).toContain("2026-11-24（火）10:00");
    expect(s.body).toContain("● らかん™ サポート窓口");
    expect(s.body).toContain("[案件を作成] [ご依頼中の案件] [残りインシデントを確認] [利用明細] [過去の案件を検索]");
    expect(balance(s)).toBe("残高: 利用可能 10 / 予約 0 / 消費 0");
  });

  it("opens a case from the button: root message, notice in its thread, 1 incident reserved (R-INC-6)", () => {
    const s = step(all, "10:02 お客様 (U0CUST1) が「案件を作成」ボタンから案件を作成: ライセンス認証でエラーが表示される");
    expect(s.body).toContain("▢ モーダル「案件の作成」— お客様 (U0CUST1) の画面");
    expect(s.body).toContain("● #0001 ライセンス認証でエラーが表示される");
    expect(s.body).toContain("ステータス: 受付 · サービスレベル: 通常サービス · インシデント: 1 インシデント（予約中） · 担当: 未割り当て");
    expect(s.body).toContain("↳ 案件 #0001 を受け付けました。1 インシデントを予約いたしました。担当エンジニアより、このスレッドでご回答いたします。");
    expect(balance(s)).toBe("残高: 利用可能 9 / 予約 1 / 消費 0");
  });

  it("shows the engineer's answer in the thread and the case waiting on the customer", () => {
    const s = step(all, "10:20 エンジニア (U0ENG1) がスレッドで回答");
    expect(s.body.some((l) => l.startsWith("↳ エンジニア (U0ENG1): お問い合わせありがとうございます。"))).toBe(true);
    expect(s.body.some((l) => l.includes("ステータス: 回答済み・ご確認待ち"))).toBe(true);
  });

  it("reserves 3 incidents instead of 1 only once the customer approves level A (R-INC-2, R-INC-5)", () => {
    const proposed = step(all, "「サービスレベルAを提案」から、理由を添えて提案");
    expect(proposed.body).toContain("理由: お客様の検証環境と同じ構成を弊社で再現し、原因を特定する必要があります。");
    expect(proposed.body).toContain("[承認する] [承認しない]");
    expect(balance(proposed)).toBe("残高: 利用可能 9 / 予約 1 / 消費 0");
    const approved = step(all, "お客様 (U0CUST1) が提案の「承認する」をクリック");
    expect(approved.body).toContain("↳ @お客様 にご承認いただき、案件 #0001 をサービスレベルAとしました。インシデントを 1 から 3 に変更しました（残り 7）。");
    expect(balance(approved)).toBe("残高: 利用可能 7 / 予約 3 / 消費 0");
  });

  it("consumes the 3 reserved incidents when the engineer resolves (R-LIFE-1)", () => {
    const s = step(all, "エンジニア (U0ENG1) が「解決」をクリック");
    expect(s.body).toContain("↳ 本案件は @エンジニア にて解決とさせていただきました。3 インシデントを消費いたしました（ご利用可能: 7 インシデント）。ご利用いただき、誠にありがとうございました。");
    expect(s.body.some((l) => l.startsWith("ステータス: 解決"))).toBe(true);
    expect(balance(s)).toBe("残高: 利用可能 7 / 予約 0 / 消費 3");
  });

  it("reminds the customer 2 business days before, then closes the unanswered case after 7 business days (R-LIFE-2)", () => {
    const reminded = step(all, "最後の回答から 5 営業日");
    expect(reminded.heading).toContain("2026-12-01（火）");
    expect(reminded.body.some((l) => l.includes("案件 #0002 につきまして") && l.includes("自動でクローズいたします（予定: 2026年12月3日（木） 16:45）"))).toBe(true);
    expect(balance(reminded)).toBe("残高: 利用可能 6 / 予約 1 / 消費 3");
    const closed = step(all, "最後の回答から 7 営業日");
    expect(closed.heading).toContain("2026-12-03（木）");
    expect(closed.body).toContain("↳ 最後のご回答から 7 営業日ご返信がなかったため、解決済みとしてクローズいたしました。1 インシデントを消費いたしました（ご利用可能: 6 インシデント）。");
    expect(closed.body.some((l) => l.startsWith("ステータス: クローズ"))).toBe(true);
  });

  it("asks about the renewal 60 days before the end; the customer answers and applies; a manager registers it (R-CON-4, R-CON-5)", () => {
    const notice = step(all, "時計を進めます: 契約終了の 60 日前");
    expect(notice.heading).toContain("2027-09-24（金）");
    expect(notice.body).toContain("[継続を希望する] [検討中・相談したい] [継続しない]");
    const answered = step(all, "が更新のご案内の「継続を希望する」をクリック");
    expect(answered.body).toContain("↳ @お客様 様より継続のご意向を承りました。誠にありがとうございます。お申し込みフォームにご記入いただきましたら、担当よりお手続きのご連絡を差し上げます。");
    const applied = step(all, "がお申し込みフォーム（登録用紙）を送信");
    expect(applied.body).toContain("● お申し込みを承りました（受付番号 R-0001）");
    expect(applied.body).toContain("[登録する] [お断り／保留]");
    // A request is not a contract: nothing changes in the balance until a manager registers it.
    expect(balance(applied)).toBe("残高: 利用可能 6 / 予約 0 / 消費 4");
    const registered = step(all, "がトリアージのお申し込みの「登録する」から");
    expect(registered.body).toContain("↳ お申し込みいただいた継続のお手続きが完了いたしました。新しいご契約は 5 インシデント、2027年11月24日（水）から2028年11月23日（木）までです。引き続きよろしくお願い申し上げます。");
    expect(registered.body).toContain("状態: ご登録が完了いたしました（契約 #2）。");
  });

  it("shows the manager the contract's forecast in /balance <customer> and the customer only their own statement", () => {
    const forecast = step(all, "管理者 (U0MGR1) が /balance 株式会社サンプル で契約の残高と利用見込み");
    expect(forecast.body).toContain("#t4u-managers（T4U 社内）");
    expect(forecast.body).toContain("利用見込み");
    // A week of history: no rate is invented from it, but last year's use and a renewal size are given.
    expect(forecast.body).toContain("利用実績が 14 日に満たないため、利用ペースからの見込みはまだ出せません。");
    expect(forecast.body).toContain("過去 12 か月の消費: 4 インシデント（うちサービスレベルA 1 件） · 更新時の推奨数: 5 インシデント");
    const statement = step(all, "お客様 (U0CUST1) が受付メッセージの「利用明細」ボタンで利用明細を確認");
    expect(statement.body).toContain("● （お客様 (U0CUST1) にだけ表示） 株式会社サンプル 様 利用明細（2026-12-03 現在）");
    expect(statement.body).toContain("ご購入 10 · 消費 4 · 予約中 0 · ご利用可能 6");
    expect(statement.body).toContain("2026-11-24 #0001 ライセンス認証でエラーが表示される · サービスレベルA · 解決 · 3 消費");
    expect(statement.body).toContain("2026-11-24 #0002 帳票の印刷レイアウトが崩れる · 通常サービス · ご返信なしのため自動クローズ · 1 消費");
  });

  it("ends with 6 available on the first contract and 5 on the renewal, none reserved, 4 consumed", () => {
    expect(lines.filter((l) => l.includes("残高:")).at(-1)?.trim()).toBe("残高: 利用可能 11 / 予約 0 / 消費 4");
  });
});

describe("the demo in a channel set to English", () => {
  it("shows the customer's side in English, fits 100 columns, and ends with the same balance", async () => {
    const lines = await runDemo({ lang: "en", database: await createTestDatabase() });
    const text = lines.join("\n");
    expect(text).toContain("● Rakan™ support desk");
    expect(text).toContain("↳ We have received case #0001 and reserved 1 incident. An engineer will answer in this thread.");
    expect(text).toContain("Approved by @customer: case #0001 is now service level A.");
    expect(lines.filter((l) => l.includes("Balance:")).at(-1)?.trim()).toBe("Balance: available 11 / reserved 0 / consumed 4");
    expect(text).toContain("Your renewal is registered: a new contract of 5 incidents");
    expect(text).toContain("Usage forecast");
    expect(text).toContain("Usage statement of Sample Corporation");
    expect(lines.filter((l) => displayWidth(l) > 100)).toEqual([]);
  });
});

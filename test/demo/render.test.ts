// The demo's renderer: Block Kit as the text lines a reader of the transcript sees, and wrapping that keeps
// Japanese within the terminal's columns.
import { describe, expect, it } from "vitest";
import { mrkdwnToText, renderBlocks, renderMessage, inputLabels } from "../../src/demo/render.ts";
import { displayWidth, wrap } from "../../src/demo/width.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { caseMessage } from "../../src/slack/views/case-message.ts";
import { entryMessage } from "../../src/slack/views/entry-message.ts";
import type { CaseView } from "../../src/services/case-view.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });

describe("mrkdwn as text", () => {
  it("names mentioned people and channels, or shows their ids", () => {
    expect(mrkdwnToText("作成: <@U0CUST1> · <#C0SAMPLE> · <@U0OTHER>", { names: { U0CUST1: "お客様", C0SAMPLE: "sample-support" } }))
      .toBe("作成: @お客様 · #sample-support · @U0OTHER");
  });

  it("reads links by their label, dates by the formatter or their fallback, and drops bold marks", () => {
    expect(mrkdwnToText("*残り* <https://example.com|こちら> <!date^1764032520^{date_short_pretty} {time}|2026-11-25T01:02:00Z>"))
      .toBe("残り こちら 2026-11-25T01:02:00Z");
    expect(mrkdwnToText("期限 <!date^1764032520^{date}|x>", { formatDate: (s) => `@${s}` })).toBe("期限 @1764032520");
    expect(mrkdwnToText("現在ご利用可能なインシデントは *10* です。")).toBe("現在ご利用可能なインシデントは 10 です。");
  });

  it("unescapes what the app escaped, so a title with <!channel> reads as written", () => {
    expect(mrkdwnToText("&lt;!channel&gt; &amp; 他")).toBe("<!channel> & 他");
  });

  it("keeps snake_case and lone asterisks as they are", () => {
    expect(mrkdwnToText("case_open * 2")).toBe("case_open * 2");
  });
});

describe("blocks as lines", () => {
  it("renders header, label/value fields on one line, context, and buttons and menus in brackets", () => {
    const lines = renderBlocks([
      { type: "header", text: plain("#0001 ライセンス認証エラー") },
      { type: "section", fields: [mrkdwn("*ステータス*\n受付"), mrkdwn("*担当*\n<@U0ENG1>")] },
      { type: "section", text: mrkdwn("一行目\n二行目"), accessory: { type: "button", text: plain("開く"), action_id: "a" } },
      { type: "context", elements: [mrkdwn("作成: <@U0CUST1>"), mrkdwn("残り 9")] },
      { type: "divider" },
      {
        type: "actions", elements: [
          { type: "button", text: plain("解決"), action_id: "r" },
          { type: "static_select", placeholder: plain("その他の操作"), action_id: "m", options: [] },
        ],
      },
    ], { names: { U0ENG1: "エンジニア", U0CUST1: "お客様" } });
    expect(lines).toEqual([
      "#0001 ライセンス認証エラー",
      "ステータス: 受付 · 担当: @エンジニア",
      "一行目",
      "二行目 [開く]",
      "作成: @お客様 · 残り 9",
      "────────",
      "[解決] [その他の操作 ▾]",
    ]);
  });

  it("renders what the app really sends: the entry message and a case's root message", () => {
    const t = translator("ja");
    expect(renderMessage(entryMessage(t))).toEqual([
      "らかん™ サポート窓口",
      "ご質問やトラブルのご相談は「案件を作成」からお送りください。担当エンジニアがこのチャンネルのスレッドでご回答いたします。",
      "[案件を作成] [ご依頼中の案件] [残りインシデントを確認] [利用明細] [過去の案件を検索]",
    ]);
    const view: CaseView = {
      id: 1, number: "#0001", customerName: "株式会社サンプル", channelId: "C0SAMPLE", title: "帳票が崩れる", description: "2 ページ目以降がずれます。",
      product: null, level: "normal", levelReason: null, incidents: 1, state: "resolved", openedBy: "U0CUST1", assigneeId: null,
      rootTs: "1.1", triageTs: null, createdAt: new Date(0), autoCloseOn: null, expectedAnswerOn: null, firstResponseDueAt: null,
      available: 9, locale: "ja",
    };
    expect(renderMessage(caseMessage(view, t), { names: { U0CUST1: "お客様" } })).toEqual([
      "#0001 帳票が崩れる",
      "ステータス: 解決 · サービスレベル: 通常サービス · インシデント: 1 インシデント（消費済み） · 担当: 未割り当て",
      "2 ページ目以降がずれます。",
      "本案件は完了いたしました。引き続きのご質問は「新しい案件を作成」からお送りください。",
      "作成: @お客様 · ご利用可能なインシデント: 9 インシデント",
      "[新しい案件を作成] [残りインシデントを確認]",
    ]);
  });

  it("falls back to a message's text when it has no blocks, and shows inputs by label", () => {
    expect(renderMessage({ text: "*案件* を受け付けました。\n二行目" })).toEqual(["案件 を受け付けました。", "二行目"]);
    const inputs = [
      { type: "input", label: plain("件名"), element: { type: "plain_text_input", action_id: "t" } },
      { type: "input", label: plain("レベル"), element: { type: "radio_buttons", action_id: "l", initial_option: { text: plain("通常"), value: "normal" } } },
    ];
    expect(renderBlocks(inputs)).toEqual(["件名: […]", "レベル: [通常 ▾]"]);
    expect(inputLabels([{ type: "section", text: mrkdwn("x") }, ...inputs])).toEqual(["件名", "レベル"]);
  });

  it("ignores what it cannot read instead of failing", () => {
    expect(renderBlocks([null, 3, { type: "video" }, { type: "context" }, { type: "actions", elements: "x" }])).toEqual([]);
  });
});

describe("wrapping to the terminal", () => {
  it("counts Japanese characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("案件 #0001")).toBe(10);
  });

  it("wraps Japanese anywhere but keeps closing marks off the start of a line", () => {
    const lines = wrap("ああああ。いい", 9);
    expect(lines).toEqual(["あああ", "あ。いい"]);
    for (const line of wrap("お問い合わせありがとうございます。E-1024 は認証サーバーとの時刻のずれで発生します。", 30, "   ↳ ", "     ")) {
      expect(displayWidth(line)).toBeLessThanOrEqual(30);
      expect(line.trimStart().startsWith("。")).toBe(false);
    }
  });

  it("keeps katakana words whole where it can", () => {
    expect(wrap("残りのインシデント", 12)).toEqual(["残りの", "インシデント"]);
  });

  it("keeps English words whole, with a hanging indent", () => {
    expect(wrap("Case #0001 received; 1 incident reserved.", 20, "● ", "  ")).toEqual(["● Case #0001", "  received; 1", "  incident reserved."]);
  });

  it("splits a word longer than the line", () => {
    expect(wrap("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
});

// The views a customer meets before anything is spent: the draft made from their message, the case modal (cost,
// warnings, prefill within Slack's limits) and the offer under their message. Pure: no Slack, no database.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DESCRIPTION_MAX, TITLE_MAX } from "../../src/domain/case.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions, Inputs } from "../../src/slack/ids.ts";
import { caseOffer } from "../../src/slack/views/case-offer.ts";
import { draftFromMessage, fitInput, plainTextOf } from "../../src/slack/views/message-draft.ts";
import { openCaseModal, parseOpenCaseMetadata } from "../../src/slack/views/open-case-modal.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const metadata = { requestKey: "source:C0CUSTOMER:1790000000.000100", channelId: "C0CUSTOMER", sourceTs: "1790000000.000100", sourceThreadTs: "1790000000.000100", previousCaseId: null };

function initialValue(view: ReturnType<typeof openCaseModal>, block: string): unknown {
  const found = view.blocks.find((b) => "block_id" in b && b.block_id === block) as { element?: { initial_value?: string } } | undefined;
  return found?.element?.initial_value;
}

describe("a customer's message as a draft case", () => {
  it("takes the title from the first line and the whole text as the description", () => {
    expect(draftFromMessage("\n  ライセンス認証でエラー  \n画面に E-1024 と表示されます。\n再起動しても同じです。")).toEqual({
      title: "ライセンス認証でエラー",
      description: "ライセンス認証でエラー  \n画面に E-1024 と表示されます。\n再起動しても同じです。",
    });
  });

  it("turns Slack's markup back into what the customer typed", () => {
    expect(plainTextOf("<@U0ENG1> 手順は <https://example.com/doc|こちら> です &lt;重要&gt; &amp; <#C0ABC|support> <!here>"))
      .toBe("@U0ENG1 手順は こちら (https://example.com/doc) です <重要> & #support @here");
    expect(plainTextOf("<https://example.com>")).toBe("https://example.com");
  });

  it("drops control characters and keeps an empty message empty", () => {
    expect(draftFromMessage("件名\u0007です\r\n本文")).toEqual({ title: "件名です", description: "件名です\n本文" });
    expect(draftFromMessage("")).toEqual({ title: "", description: "" });
    expect(draftFromMessage(null)).toEqual({ title: "", description: "" });
  });

  it("always fits the modal's inputs, never splitting an emoji or a kanji (property)", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 4000 }), (text) => {
      const draft = draftFromMessage(text);
      expect(draft.title.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(draft.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      expect(draft.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(draft.description).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }));
    expect(fitInput("😀".repeat(100), 150)).toBe(`${"😀".repeat(74)}…`);
  });
});

describe("the case modal", () => {
  it("opens filled in with the message and within Slack's limits, in Japanese and English", () => {
    const long = `${"長い件名".repeat(60)}\n${"本文".repeat(2000)}`;
    for (const locale of ["ja", "en"] as const) {
      const view = openCaseModal({ metadata, channels: [], available: 9, prefill: draftFromMessage(long) }, translator(locale));
      expect(validateView(view)).toBeNull();
      expect(String(initialValue(view, Inputs.title.block)).length).toBeLessThanOrEqual(TITLE_MAX);
      expect(String(initialValue(view, Inputs.description.block)).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    }
  });

  it("tells before submit what a case reserves and what remains", () => {
    const view = openCaseModal({ metadata, channels: [], available: 9 }, translator("ja"));
    expect(JSON.stringify(view.blocks)).toContain("この案件で *1 インシデント*（サービスレベルAの場合は *3 インシデント*）を予約いたします。現在ご利用いただけるインシデントは *9 インシデント* です。");
    const en = openCaseModal({ metadata, channels: [], available: 9 }, translator("en"));
    expect(JSON.stringify(en.blocks)).toContain("This case reserves *1* incident (*3* for level A). You have *9* available.");
  });

  it("warns at the top when no case can be opened, with what to do next and T4U's contact", () => {
    const contact = "T4U株式会社 サポートサービス窓口（support@example.com）";
    const cases = [
      ["expired", "有効期限が過ぎております"], ["exhausted", "すべてご利用いただいたため、現在のご契約は終了しております"], ["no_contract", "有効なサポート契約が見つかりません"],
    ] as const;
    for (const [reason, words] of cases) {
      const view = openCaseModal({ metadata, channels: [], available: 0, blocked: { reason, contact } }, translator("ja"));
      expect(validateView(view)).toBeNull();
      const first = JSON.stringify(view.blocks[0]);
      expect(first).toContain("現在、新しい案件を作成できません。");
      expect(first).toContain(words);
      expect(first).toContain(contact);
      expect(JSON.stringify(view.blocks)).not.toContain("を予約します");
    }
    const en = openCaseModal({ metadata, channels: [], available: 0, blocked: { reason: "exhausted", contact: "T4U Support" } }, translator("en"));
    expect(JSON.stringify(en.blocks[0])).toContain("Every incident of your contract has been used");
  });

  it("carries the source message and its thread through private_metadata", () => {
    const view = openCaseModal({ metadata, channels: [], available: 1 }, translator("ja"));
    expect(parseOpenCaseMetadata(view.private_metadata ?? "")).toEqual(metadata);
    // The language it was shown in, so that a submission is answered in it before anything is looked up.
    const english = openCaseModal({ metadata: { ...metadata, locale: "en" }, channels: [], available: 1 }, translator("en"));
    expect(parseOpenCaseMetadata(english.private_metadata ?? "")?.locale).toBe("en");
    expect(parseOpenCaseMetadata("not json")).toBeNull();
  });
});

describe("the offer under a customer's message", () => {
  it("has one button that carries the message's ts, and says nothing is spent before submit", () => {
    for (const [locale, words] of [["ja", "送信されるまでインシデントは使われません"], ["en", "no incident is used until you submit"]] as const) {
      const offer = caseOffer("1790000000.000100", translator(locale));
      expect(validateBlocks(offer.blocks, "message")).toBeNull();
      expect(offer.text).toContain(words);
      // Shown to its author alone (an ephemeral): no mention, which would notify them a second time.
      expect(offer.text).not.toContain("<@");
      const json = JSON.stringify(offer.blocks);
      expect(json).toContain(Actions.openCaseFromMessage);
      expect(json).toContain('"value":"1790000000.000100"');
    }
  });
});

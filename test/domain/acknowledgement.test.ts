// The offer under a customer's message is not made for a short thanks or acknowledgement; every real question,
// however short or polite, still gets it.
import { describe, expect, it } from "vitest";
import { isAcknowledgement } from "../../src/domain/acknowledgement.ts";

describe("a short thanks or acknowledgement", () => {
  for (const text of [
    "ありがとうございました", "ありがとうございました！", "ご対応ありがとうございました。", "承知しました", "承知いたしました、よろしくお願いいたします。",
    "了解です :+1:", "👍", "🙏🙏", "<@U0ENG1> 様 ありがとうございます！", "確認しました。助かりました。", "早速のご回答ありがとうございます",
    "Thanks!", "thank you very much :pray:", "OK", "Got it, thanks.", "noted",
  ]) {
    it(`gets no offer: 「${text}」`, () => expect(isAcknowledgement(text)).toBe(true));
  }
});

describe("a question or a problem", () => {
  for (const text of [
    "ありがとうございます。別件でエラーが出ます", "ありがとうございます。もう一点よろしいですか？", "動きません", "E-1024 が出ます", "ログイン不可",
    "ありがとう？", "エラー", "不具合", "承知しました。ただ、再起動すると同じエラーが再発しました。", "Thanks, but it still fails after the update", "why?",
    "ライセンス認証でエラーになります\n画面に E-1024 と表示されます。",
  ]) {
    it(`gets the offer: 「${text.replace(/\n/g, " ")}」`, () => expect(isAcknowledgement(text)).toBe(false));
  }
});

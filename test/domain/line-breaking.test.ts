// Kinsoku line breaking of report text, with every character one unit wide (a full-width font's view of Japanese).
import { describe, expect, it } from "vitest";
import { breakLines, endsForbidden, startsForbidden } from "../../src/domain/line-breaking.ts";

const width = (text: string) => Array.from(text).length;

describe("breaking report text into lines (kinsoku)", () => {
  it("never starts a line with 。、」 or a small kana: the character before goes down with it", () => {
    // Ten to a line: the 11th character is 。, so 「た」 moves to the next line with it.
    const lines = breakLines("検証を実施いたしまし。た。次の手順「設定」を確認しました。", 10, width);
    expect(lines.every((l) => width(l) <= 10)).toBe(true);
    expect(lines.some((l) => startsForbidden(l))).toBe(false);
    expect(lines.join("")).toBe("検証を実施いたしまし。た。次の手順「設定」を確認しました。");
  });

  it("never ends a line with an opening bracket", () => {
    const lines = breakLines("あいうえおかきくけ「こさしすせ」", 10, width);
    expect(lines.some((l) => endsForbidden(l))).toBe(false);
    expect(lines[0]).toBe("あいうえおかきくけ");
    expect(lines[1]?.startsWith("「こ")).toBe(true);
  });

  it("breaks English between words, keeps paragraphs and blank lines, and splits a word wider than a line", () => {
    expect(breakLines("the license server refused", 12, width)).toEqual(["the license", "server", "refused"]);
    expect(breakLines("一行目\n\n三行目", 10, width)).toEqual(["一行目", "", "三行目"]);
    expect(breakLines("https://example.com/very/long/path", 10, width).every((l) => width(l) <= 10)).toBe(true);
  });

  it("keeps every character of a long paragraph, in order, on lines within the width", () => {
    const text = "弊社にて、お客様のご利用環境（らかん™ 4.2、Windows Server 2022）を再現し、ライセンス認証の処理を検証いたしました。".repeat(8);
    const lines = breakLines(text, 17, width);
    expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
    expect(lines.every((l) => width(l) <= 17)).toBe(true);
    expect(lines.filter((l) => startsForbidden(l))).toEqual([]);
    expect(lines.filter((l) => endsForbidden(l))).toEqual([]);
  });
});

// The report PDF as a customer's reader sees it: real Japanese text in an embedded, subset font, long sections
// carried over pages with numbered footers, and no line starting with a character kinsoku forbids there.
import { describe, expect, it } from "vitest";
import { startsForbidden } from "../../src/domain/line-breaking.ts";
import { emptySections, REPORT_SECTIONS } from "../../src/domain/report.ts";
import { renderReportPdf, type ReportDocument } from "../../src/report/pdf.ts";
import { reportLabels } from "../../src/slack/views/report-labels.ts";
import { HAS_PDFTOTEXT, joined, pageCount, pdfText } from "./pdf-text.ts";

const PARAGRAPH = "弊社にて、お客様のご利用環境（らかん™ 4.2、Windows Server 2022）を再現し、ライセンス認証の処理を検証いたしました。"
  + "その結果、認証サーバーへの接続がプロキシ設定により遮断され、「E-1024」が表示されることを確認いたしました。";

function document(repeat: number, edition: number | null = 1): ReportDocument {
  const sections = emptySections();
  for (const s of REPORT_SECTIONS) sections[s] = PARAGRAPH.repeat(repeat);
  sections.subject = "ライセンス認証でエラーが表示される件";
  return {
    content: { header: { customer: "株式会社サンプル", caseNumber: "#0012", product: "らかん™ 4.2", receivedOn: "2026-11-24", answeredOn: "2026-11-26", engineer: "山田 太郎" }, sections },
    edition, version: 3, issuedOn: "2026-11-27", issuedAt: new Date("2026-11-27T01:00:00Z"), changeNote: null,
    contact: "T4U株式会社 サポートサービス窓口", labels: reportLabels("ja"), locale: "ja",
  };
}

describe("the report PDF", () => {
  it("embeds only the glyphs it uses, so a ten-page report stays far under 1 MB, and renders the same bytes twice", async () => {
    const pdf = await renderReportPdf(document(24));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(10);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(pdf.toString("latin1")).toMatch(/\/FontFile2/);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic-Regular/);
    expect((await renderReportPdf(document(24))).equals(pdf)).toBe(true);
  });

  it.skipIf(!HAS_PDFTOTEXT)("carries long sections over pages, numbering every page 「n / total」, with kinsoku kept", async () => {
    const pdf = await renderReportPdf(document(10));
    const pages = pdfText(pdf).split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBe(pageCount(pdf));
    pages.forEach((page, i) => expect(joined(page)).toContain(`${i + 1}/${pages.length}`));
    expect(joined(pages.join(""))).toContain(joined(PARAGRAPH.repeat(10)));
    const lines = pages.join("\n").split("\n").map((l) => l.trim()).filter((l) => l !== "");
    expect(lines.filter(startsForbidden)).toEqual([]);
    for (const heading of ["1. 概要", "2. 発生事象", "3. 調査・検証の内容", "4. 原因", "5. 対策・回避策", "6. 今後の対応"]) expect(pages.join("\n")).toContain(heading);
  });
});

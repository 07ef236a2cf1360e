// The usage statement (利用明細) as a PDF, read back as a customer's PDF reader extracts it: per contract what was
// bought, each case with the incidents it consumed, released or still holds and why, the balance and the validity,
// in real Japanese text; a long statement carries its table over numbered pages.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderStatementPdf } from "../../src/report/statement-pdf.ts";
import type { StatementCase, UsageStatement } from "../../src/services/usage-statement.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { statementPdfLabels } from "../../src/slack/views/statement.ts";
import { HAS_PDFTOTEXT, joined, pageCount, pdfText } from "./pdf-text.ts";

/** The text as laid out on the page (pdftotext -layout): a table row stays one line. */
function layoutText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "statement-pdf-"));
  try {
    writeFileSync(join(dir, "s.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "s.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CONTACT = "T4U株式会社 サポートサービス窓口";

function line(id: number, c: Partial<StatementCase>): StatementCase {
  return {
    caseId: id, number: `#${String(id).padStart(4, "0")}`, title: "帳票の印刷が遅い", level: "normal", outcome: "resolved",
    openedOn: "2026-05-14", closedOn: "2026-05-15", consumed: 1, released: 0, reserved: 0, ...c,
  };
}

function statement(cases: StatementCase[]): UsageStatement {
  return {
    customerId: 1, customerName: "株式会社サンプル", asOf: "2026-12-01",
    contracts: [
      {
        contractId: 2, startsOn: "2025-04-01", endsOn: "2026-03-31", status: "ended", purchased: 10, consumed: 8, reserved: 0, available: 2, lapsed: 2,
        credits: [{ on: "2025-04-01", kind: "purchase", amount: 10, note: null }], cases: [],
      },
      {
        contractId: 3, startsOn: "2026-04-01", endsOn: "2027-03-31", status: "active", purchased: 12, consumed: 3, reserved: 1, available: 8, lapsed: 0,
        credits: [
          { on: "2026-04-01", kind: "purchase", amount: 10, note: null },
          { on: "2026-08-03", kind: "addition", amount: 2, note: "追加購入（注文番号 PO-123）" },
        ],
        cases,
      },
    ],
  };
}

const CASES = [
  line(11, { title: "認証エラー E-1024", level: "A", consumed: 2 }),
  line(12, { outcome: "cancelled", consumed: 0, released: 1 }),
  line(13, { title: "ログインできない", outcome: "open", consumed: 0, reserved: 1, closedOn: null }),
  line(14, { outcome: "closed" }),
];

describe("the usage statement PDF", () => {
  it("embeds the Japanese font as a subset and renders the same bytes twice", async () => {
    const labels = statementPdfLabels(translator("ja"), "ja", CONTACT);
    const pdf = await renderStatementPdf(statement(CASES), labels, "ja");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic-Regular/);
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect((await renderStatementPdf(statement(CASES), labels, "ja")).equals(pdf)).toBe(true);
  });

  it.skipIf(!HAS_PDFTOTEXT)("states per contract the purchases, each case's incidents and why, the balance and the validity", async () => {
    const pdf = await renderStatementPdf(statement(CASES), statementPdfLabels(translator("ja"), "ja", CONTACT), "ja");
    const text = pdfText(pdf);
    const layout = layoutText(pdf);
    const all = joined(text);
    expect(all).toContain("利用明細書");
    expect(all).toContain("株式会社サンプル様");
    expect(all).toContain("発行日:2026年12月1日（火）");
    expect(all).toContain(joined("契約 #3　2026年4月1日（水） 〜 2027年3月31日（水）（有効）"));
    expect(all).toContain(joined("ご購入 12 インシデント　消費 3　予約中 1　ご利用可能 8"));
    expect(all).toContain("有効期限:2027年3月31日（水）");
    expect(all).toContain(joined("2026年8月3日（月） 追加購入 +2 追加購入（注文番号 PO-123）"));
    // Each case on its own row, as the page lays it out: opened, number, title, level, outcome, then consumed /
    // released / reserved (a long outcome wraps within its cell onto the next line).
    const row = (n: string) => layout.split("\n").find((l) => l.includes(n))?.trim().split(/\s{2,}/);
    expect(row("#0011")).toEqual(["2026年5月14日（木）", "#0011", "認証エラー E-1024", "サービスレベルA", "解決", "2", "0", "0"]);
    expect(row("#0012")).toEqual(["2026年5月14日（木）", "#0012", "帳票の印刷が遅い", "通常サービス", "製品の不具合のためキャ", "0", "1", "0"]);
    expect(row("#0013")).toEqual(["2026年5月14日（木）", "#0013", "ログインできない", "通常サービス", "対応中", "0", "0", "1"]);
    const lines = layout.split("\n");
    const after = (n: string) => lines[lines.findIndex((l) => l.includes(n)) + 1]?.trim();
    expect(after("#0012")).toBe("ンセル（消費なし）");
    expect(row("#0014")?.slice(1)).toEqual(["#0014", "帳票の印刷が遅い", "通常サービス", "ご返信なしのため自動ク", "1", "0", "0"]);
    expect(after("#0014")).toBe("ローズ");
    // The ended contract: what lapsed, and that it had no case.
    expect(all).toContain(joined("期間終了により失効: 2 インシデント"));
    expect(all).toContain("この契約でのご利用はまだありません。");
  });

  it.skipIf(!HAS_PDFTOTEXT)("carries a long table over numbered pages, repeating its header, in English too", async () => {
    const many = Array.from({ length: 120 }, (_, i) => line(100 + i, {}));
    const pdf = await renderStatementPdf(statement(many), statementPdfLabels(translator("en"), "en", CONTACT), "en");
    const pages = pdfText(pdf).split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBe(pageCount(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(joined(page)).toContain(`${i + 1}/${pages.length}`));
    pages.slice(1).forEach((page) => expect(page).toContain("Service level"));
    const all = joined(pages.join(""));
    for (const c of many) expect(all).toContain(c.number);
    expect(all).toContain(joined("Valid until Wed, March 31, 2027"));
    expect(all).toContain("To:株式会社サンプル");
  });
});

// The text of a PDF as a reader's tool extracts it (pdftotext, from poppler-utils), to show the Japanese in the
// report is real text. Where pdftotext is not installed the tests that need it skip, saying why.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const HAS_PDFTOTEXT = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;
if (!HAS_PDFTOTEXT) console.log("pdftotext (poppler-utils) is not installed: the checks of the PDF's extracted text are skipped");

/** Extracted text, reading order, no layout: each page's lines joined by newlines, pages by form feeds. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "report-pdf-"));
  try {
    const file = join(dir, "r.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text with line breaks and spaces removed, to find a paragraph whatever lines the layout broke it into. */
export function joined(text: string): string {
  return text.replace(/[\s\f]+/g, "");
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

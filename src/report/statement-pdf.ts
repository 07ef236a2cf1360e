// The usage statement (利用明細) as an A4 PDF a customer can file: per contract the purchases, additions and
// corrections, each case with the incidents it consumed, released or still holds and why, the balance and the
// validity. Japanese is real text in the embedded BIZ UDPGothic subset; cells wrap by the kinsoku rules; a table
// that runs over a page repeats its header; pages are numbered once all exist.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
// pdfkit (about 24 MB resident) is loaded with the first document, not with the app: most processes never make one.
import type PDFKitDocument from "pdfkit";
import { breakLines } from "../domain/line-breaking.ts";
import type { ContractStatement, StatementCase, StatementCredit, UsageStatement } from "../services/usage-statement.ts";

/** Every word the statement prints that is not the customer's own, in the reader's language. */
export interface StatementPdfLabels {
  title: string;
  /** The addressee line around the customer's name (「株式会社サンプル 様」, "To: Sample Ltd."). */
  addressee: (name: string) => string;
  /** The issue date and the last valid day, as "YYYY-MM-DD": the labels word them. */
  /** The issue date and (validUntil) the last valid day, as "YYYY-MM-DD": the labels word them. */
  issuedOn: (date: string) => string;
  contract: (k: ContractStatement) => string;
  totals: (k: ContractStatement) => string;
  validUntil: (date: string) => string;
  lapsed: (n: number) => string;
  credits: string;
  cases: string;
  noCases: string;
  none: string;
  creditColumns: [string, string, string, string];
  caseColumns: [string, string, string, string, string, string, string, string];
  creditKind: (kind: StatementCredit["kind"]) => string;
  level: (level: string) => string;
  outcome: (outcome: StatementCase["outcome"]) => string;
  /** A local date "YYYY-MM-DD" as the reader's language writes it. */
  date: (date: string) => string;
  page: (page: number, total: number) => string;
  contact: string;
}

const require = createRequire(import.meta.url);
const FONT_DIR = "@expo-google-fonts/biz-udpgothic";
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve(`${FONT_DIR}/400Regular/BIZUDPGothic_400Regular.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_DIR}/700Bold/BIZUDPGothic_700Bold.ttf`)),
  };
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 60, left: 56, right: 56 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const CELL = { size: 8, leading: 12.5, pad: 3 };
const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#999999";
const SHADE = "#eeeeee";

type Font = "regular" | "bold";
interface Column { width: number; align: "left" | "right" }
const CASE_COLUMNS: Column[] = [
  { width: 90, align: "left" }, { width: 40, align: "left" }, { width: 99, align: "left" }, { width: 70, align: "left" },
  { width: 94, align: "left" }, { width: 30, align: "right" }, { width: 30, align: "right" }, { width: 30, align: "right" },
];
const CREDIT_COLUMNS: Column[] = [{ width: 90, align: "left" }, { width: 90, align: "left" }, { width: 70, align: "right" }, { width: WIDTH - 250, align: "left" }];

export async function renderStatementPdf(s: UsageStatement, labels: StatementPdfLabels, locale: "ja" | "en"): Promise<Buffer> {
  const PDFDocument: typeof PDFKitDocument = (await import("pdfkit")).default;
  const { regular, bold } = loadFonts();
  const issuedAt = new Date(`${s.asOf}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: "A4", margins: MARGIN, bufferPages: true, lang: locale === "ja" ? "ja-JP" : "en-GB",
    info: { Title: `${labels.title} ${s.customerName}`, Creator: "incident-desk", Producer: "incident-desk", CreationDate: issuedAt, ModDate: issuedAt },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", () => resolve());
    pdf.on("error", reject);
  });
  pdf.registerFont("regular", regular);
  pdf.registerFont("bold", bold);
  const w = new Writer(pdf);

  w.line(labels.issuedOn(s.asOf), "regular", 9, { color: MUTED, align: "right" });
  w.gap(6);
  w.line(labels.title, "bold", 20, { align: "center", leading: 34 });
  w.gap(6);
  w.line(labels.addressee(s.customerName), "bold", 13, { leading: 22 });
  for (const line of labels.contact.split("\n").filter((l) => l.trim() !== "")) w.line(line.trim(), "regular", 9, { align: "right", leading: 14 });
  w.gap(6);
  if (!s.contracts.length) w.line(labels.none, "regular", 10.5);
  for (const k of s.contracts) {
    w.rule();
    w.keep(22 + 18 * 3);
    w.line(labels.contract(k), "bold", 12, { leading: 22 });
    w.line(labels.totals(k), "regular", 10, { leading: 18 });
    w.line(labels.validUntil(k.endsOn), "regular", 10, { leading: 18 });
    if (k.lapsed) w.line(labels.lapsed(k.lapsed), "regular", 10, { leading: 18 });
    w.gap(6);
    w.keep(20 + 3 * CELL.leading);
    w.line(labels.credits, "bold", 10.5, { leading: 20 });
    w.table(CREDIT_COLUMNS, labels.creditColumns, k.credits.map((c) => [
      labels.date(c.on), labels.creditKind(c.kind), c.amount > 0 ? `+${c.amount}` : String(c.amount), c.note ?? "",
    ]));
    w.gap(8);
    w.keep(20 + 3 * CELL.leading);
    w.line(labels.cases, "bold", 10.5, { leading: 20 });
    if (!k.cases.length) w.line(labels.noCases, "regular", 9.5, { leading: 16 });
    else {
      w.table(CASE_COLUMNS, labels.caseColumns, k.cases.map((c) => [
        labels.date(c.openedOn), c.number, c.title, labels.level(c.level), labels.outcome(c.outcome), String(c.consumed), String(c.released), String(c.reserved),
      ]));
    }
    w.gap(10);
  }

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.font("regular").fontSize(8.5).fillColor(MUTED);
    const footer = labels.page(i + 1, range.count);
    pdf.text(footer, (A4.width - pdf.widthOfString(footer)) / 2, A4.height - MARGIN.bottom + 24, { lineBreak: false });
    if (i > 0) {
      const running = `${labels.title} ${labels.addressee(s.customerName)}`;
      pdf.text(running, A4.width - MARGIN.right - pdf.widthOfString(running), MARGIN.top - 28, { lineBreak: false });
    }
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/** Writes from the top of a page down, starting a new page where the next piece would not fit. */
class Writer {
  private y = MARGIN.top;

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** Moves to a new page unless `height` points still fit on this one. */
  keep(height: number): boolean {
    if (this.y + height <= A4.height - MARGIN.bottom) return false;
    this.pdf.addPage();
    this.y = MARGIN.top;
    return true;
  }

  gap(points: number): void {
    this.y += points;
  }

  rule(): void {
    this.keep(10);
    this.pdf.moveTo(MARGIN.left, this.y + 3).lineTo(A4.width - MARGIN.right, this.y + 3).lineWidth(0.6).strokeColor(RULE).stroke();
    this.y += 10;
  }

  line(text: string, font: Font, size: number, style: { leading?: number; color?: string; align?: "left" | "right" | "center" } = {}): void {
    const leading = style.leading ?? size * 1.7;
    for (const part of this.wrap(text, font, size, WIDTH)) {
      this.keep(leading);
      const pdf = this.pdf.font(font).fontSize(size).fillColor(style.color ?? INK);
      const width = pdf.widthOfString(part);
      const x = style.align === "right" ? MARGIN.left + WIDTH - width : style.align === "center" ? MARGIN.left + (WIDTH - width) / 2 : MARGIN.left;
      pdf.text(part, x, this.y + (leading - size) / 2, { lineBreak: false });
      this.y += leading;
    }
  }

  private wrap(text: string, font: Font, size: number, width: number): string[] {
    this.pdf.font(font).fontSize(size);
    const lines = breakLines(text, width, (s) => this.pdf.widthOfString(s));
    return lines.length ? lines : [""];
  }

  /** A table with a shaded header row, repeated at the top of every page the table runs onto. */
  table(columns: Column[], head: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
    const header = () => this.row(columns, head, "bold", true);
    this.keep(2 * CELL.leading + 2 * CELL.pad + 2 * CELL.leading);
    header();
    for (const cells of rows) {
      const height = this.height(columns, cells, "regular");
      if (this.keep(height)) header();
      this.row(columns, cells, "regular", false);
    }
  }

  private height(columns: Column[], cells: readonly string[], font: Font): number {
    const lines = Math.max(1, ...columns.map((c, i) => this.wrap(cells[i] ?? "", font, CELL.size, c.width - 2 * CELL.pad).length));
    return lines * CELL.leading + CELL.pad;
  }

  private row(columns: Column[], cells: readonly string[], font: Font, shaded: boolean): void {
    const height = this.height(columns, cells, font);
    if (shaded) this.pdf.rect(MARGIN.left, this.y, WIDTH, height).fill(SHADE);
    let x = MARGIN.left;
    columns.forEach((c, i) => {
      this.wrap(cells[i] ?? "", font, CELL.size, c.width - 2 * CELL.pad).forEach((part, n) => {
        const pdf = this.pdf.font(font).fontSize(CELL.size).fillColor(shaded ? MUTED : INK);
        const left = c.align === "right" ? x + c.width - CELL.pad - pdf.widthOfString(part) : x + CELL.pad;
        pdf.text(part, left, this.y + CELL.pad / 2 + n * CELL.leading + (CELL.leading - CELL.size) / 2, { lineBreak: false });
      });
      x += c.width;
    });
    this.y += height;
    this.pdf.moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + WIDTH, this.y).lineWidth(0.3).strokeColor(RULE).stroke();
  }
}

// Renders a formal report to an A4 PDF whose Japanese is real text: the BIZ UDPGothic font (shipped in an npm
// package, so a fresh machine needs no system fonts) is embedded as a subset of the glyphs used, and lines are
// broken by our own kinsoku rules, measured with the font itself. Page numbers ("1 / 3") are written once every
// page exists, so the total is known.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
// pdfkit (about 24 MB resident) is loaded with the first document, not with the app: most processes never make one.
import type PDFKitDocument from "pdfkit";
import { breakLines } from "../domain/line-breaking.ts";
import { REPORT_SECTIONS, type ReportContent, type ReportSection } from "../domain/report.ts";

/** Every word the PDF prints that is not the report's own text, in the report's language. */
export interface ReportLabels {
  title: string;
  addressee: (customer: string) => string;
  edition: (edition: number) => string;
  /** What an undelivered version is called instead of an edition (a draft rendered for review or archives). */
  draft: (version: number) => string;
  issuedOn: (date: string) => string;
  sections: Record<ReportSection, string>;
  fields: { caseNumber: string; product: string; receivedOn: string; answeredOn: string; engineer: string };
  changes: (edition: number) => string;
  none: string;
  page: (page: number, total: number) => string;
  /** Formats a local date "YYYY-MM-DD" the way the report's language writes dates. */
  date: (isoDate: string) => string;
}

export interface ReportDocument {
  content: ReportContent;
  /** The edition it is delivered as, or null for a version not (yet) delivered. */
  edition: number | null;
  version: number;
  /** Local date printed as the issue date. */
  issuedOn: string;
  /** The instant written into the PDF's metadata, so the same report renders to the same bytes. */
  issuedAt: Date;
  /** For a re-issue: what changed since the edition before. */
  changeNote: string | null;
  /** SUPPORT_CONTACT: T4U's name and how to reach it, one or more lines. */
  contact: string;
  labels: ReportLabels;
  locale: "ja" | "en";
}

const require = createRequire(import.meta.url);
const FONT_DIR = "@expo-google-fonts/biz-udpgothic";
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** Read once per process: the font files are 4.5 MB each, and only the glyphs used go into each PDF. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve(`${FONT_DIR}/400Regular/BIZUDPGothic_400Regular.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_DIR}/700Bold/BIZUDPGothic_700Bold.ttf`)),
  };
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 62, right: 62 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY = { size: 10.5, leading: 18 };
const HEADING = { size: 12, leading: 22 };
const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#888888";

export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const PDFDocument: typeof PDFKitDocument = (await import("pdfkit")).default;
  const { regular, bold } = loadFonts();
  const { labels, content } = doc;
  const pdf = new PDFDocument({
    size: "A4", margins: MARGIN, bufferPages: true, autoFirstPage: true, lang: doc.locale === "ja" ? "ja-JP" : "en-GB",
    info: {
      Title: `${labels.title} ${content.header.caseNumber} ${content.sections.subject}`, Author: firstLine(doc.contact),
      Creator: "incident-desk", Producer: "incident-desk", CreationDate: doc.issuedAt, ModDate: doc.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", () => resolve());
    pdf.on("error", reject);
  });
  pdf.registerFont("regular", regular);
  pdf.registerFont("bold", bold);
  const writer = new PageWriter(pdf);
  const editionText = doc.edition !== null ? labels.edition(doc.edition) : labels.draft(doc.version);

  // Top right: edition and issue date; then the title, the addressee and T4U's contact.
  writer.line(editionText, { font: "regular", size: 9, color: MUTED, align: "right" });
  writer.line(labels.issuedOn(labels.date(doc.issuedOn)), { font: "regular", size: 9, color: MUTED, align: "right" });
  writer.gap(10);
  writer.line(labels.title, { font: "bold", size: 20, leading: 32, align: "center" });
  writer.gap(10);
  writer.line(labels.addressee(content.header.customer), { font: "bold", size: 13, leading: 22 });
  for (const line of doc.contact.split("\n").filter((l) => l.trim() !== "")) {
    writer.line(line.trim(), { font: "regular", size: 9.5, leading: 15, align: "right" });
  }
  writer.gap(8);
  writer.rule();

  // What the report is about, as label: value rows.
  const h = content.header;
  const rows: [string, string][] = [
    [labels.sections.subject, content.sections.subject],
    [labels.fields.caseNumber, h.caseNumber],
    [labels.fields.product, h.product || labels.none],
    [labels.fields.receivedOn, h.receivedOn ? labels.date(h.receivedOn) : labels.none],
    [labels.fields.answeredOn, h.answeredOn ? labels.date(h.answeredOn) : labels.none],
    [labels.fields.engineer, h.engineer || labels.none],
  ];
  for (const [label, value] of rows) writer.row(label, value);
  writer.rule();

  if (doc.changeNote && doc.edition !== null && doc.edition > 1) {
    writer.heading(labels.changes(doc.edition));
    writer.paragraph(doc.changeNote);
    writer.gap(6);
  }
  let n = 0;
  for (const section of REPORT_SECTIONS) {
    if (section === "subject") continue;
    n += 1;
    writer.heading(`${n}. ${labels.sections[section]}`);
    writer.paragraph(content.sections[section].trim() || labels.none);
    writer.gap(6);
  }

  // Every page exists now: number them, and repeat the case and edition on every page after the first.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.font("regular").fontSize(8.5).fillColor(MUTED);
    const footer = labels.page(i + 1, range.count);
    pdf.text(footer, (A4.width - pdf.widthOfString(footer)) / 2, A4.height - MARGIN.bottom + 24, { lineBreak: false });
    if (i > 0) {
      const running = `${labels.title} ${h.caseNumber} ${editionText}`;
      pdf.text(running, A4.width - MARGIN.right - pdf.widthOfString(running), MARGIN.top - 30, { lineBreak: false });
    }
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

const firstLine = (text: string) => text.split("\n")[0]?.trim() ?? "";

interface LineStyle { font: "regular" | "bold"; size: number; leading?: number; color?: string; align?: "left" | "right" | "center"; x?: number; width?: number }

/** Writes line by line from the top of a page, starting a new page where the next line would not fit. */
class PageWriter {
  private y = MARGIN.top;

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  private room(height: number): void {
    if (this.y + height > A4.height - MARGIN.bottom) {
      this.pdf.addPage();
      this.y = MARGIN.top;
    }
  }

  gap(points: number): void {
    this.y += points;
  }

  rule(): void {
    this.room(8);
    this.pdf.moveTo(MARGIN.left, this.y + 2).lineTo(A4.width - MARGIN.right, this.y + 2).lineWidth(0.6).strokeColor(RULE).stroke();
    this.y += 8;
  }

  line(text: string, style: LineStyle): void {
    const leading = style.leading ?? style.size * 1.7;
    this.room(leading);
    const pdf = this.pdf.font(style.font).fontSize(style.size).fillColor(style.color ?? INK);
    const x0 = style.x ?? MARGIN.left;
    const width = style.width ?? TEXT_WIDTH;
    const w = pdf.widthOfString(text);
    const x = style.align === "right" ? x0 + width - w : style.align === "center" ? x0 + (width - w) / 2 : x0;
    // Text sits in the middle of its line: (leading - size) / 2 above it.
    pdf.text(text, x, this.y + (leading - style.size) / 2, { lineBreak: false });
    this.y += leading;
  }

  private lines(text: string, font: "regular" | "bold", size: number, width: number): string[] {
    this.pdf.font(font).fontSize(size);
    return breakLines(text, width, (s) => this.pdf.widthOfString(s));
  }

  /** A heading is never left alone at the foot of a page: it moves to the next page with its first line. */
  heading(text: string): void {
    this.room(HEADING.leading + BODY.leading);
    this.line(text, { font: "bold", size: HEADING.size, leading: HEADING.leading });
  }

  paragraph(text: string): void {
    for (const line of this.lines(text, "regular", BODY.size, TEXT_WIDTH - 10)) {
      this.line(line, { font: "regular", size: BODY.size, leading: BODY.leading, x: MARGIN.left + 10 });
    }
  }

  /** A label and its value; a long value wraps beside the label. */
  row(label: string, value: string): void {
    const labelWidth = 110;
    const lines = this.lines(value, "regular", BODY.size, TEXT_WIDTH - labelWidth);
    lines.forEach((line, i) => {
      this.room(BODY.leading);
      if (i === 0) {
        this.pdf.font("bold").fontSize(BODY.size).fillColor(MUTED).text(label, MARGIN.left, this.y + (BODY.leading - BODY.size) / 2, { lineBreak: false });
      }
      this.line(line, { font: "regular", size: BODY.size, leading: BODY.leading, x: MARGIN.left + labelWidth, width: TEXT_WIDTH - labelWidth });
    });
  }
}

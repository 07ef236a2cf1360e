// The formal written report of a level A case (正式の報告書, R-INC-2): its sections, who may review a version, which
// edition a delivery is, and how its text is dated. Pure: no Slack, no database, no clock.

/** The usual sections of a Japanese incident report, in the order they are printed. */
export const REPORT_SECTIONS = ["subject", "summary", "events", "investigation", "cause", "measures", "nextSteps"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Sections a version cannot be saved without; the others print as "none" when left empty. */
export const REQUIRED_SECTIONS: readonly ReportSection[] = ["subject", "summary", "events", "measures"];

/** Longest text of one section: a Slack modal's multi-line input takes at most 3000 characters. */
export const SECTION_MAX = 3000;
export const CHANGE_NOTE_MAX = 1000;

/** What the report says about the case beside its sections, prefilled from the case and editable in the draft. */
export interface ReportHeader {
  customer: string;
  caseNumber: string;
  /** Product and version, as the customer named them. */
  product: string;
  /** Local dates "YYYY-MM-DD": when the question was received and when it was answered. */
  receivedOn: string;
  answeredOn: string | null;
  /** The engineer responsible, by name as printed. */
  engineer: string;
}

export interface ReportContent {
  header: ReportHeader;
  sections: Record<ReportSection, string>;
}

export type ReportVersionState = "draft" | "in_review" | "changes_requested" | "approved" | "superseded";

export function emptySections(): Record<ReportSection, string> {
  return { subject: "", summary: "", events: "", investigation: "", cause: "", measures: "", nextSteps: "" };
}

/** The sections that are required and empty; none means the version may be saved. */
export function missingSections(sections: Record<ReportSection, string>): ReportSection[] {
  return REQUIRED_SECTIONS.filter((s) => sections[s].trim() === "");
}

/** Reads stored content back, tolerating a field a later version of the app added or dropped. */
export function parseReportContent(raw: string): ReportContent | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const v = value as { header?: Partial<ReportHeader>; sections?: Partial<Record<ReportSection, unknown>> };
    if (!v.header || !v.sections) return null;
    const sections = emptySections();
    for (const s of REPORT_SECTIONS) {
      const text = v.sections[s];
      if (typeof text === "string") sections[s] = text;
    }
    const h = v.header;
    return {
      header: {
        customer: str(h.customer), caseNumber: str(h.caseNumber), product: str(h.product),
        receivedOn: str(h.receivedOn), answeredOn: typeof h.answeredOn === "string" ? h.answeredOn : null, engineer: str(h.engineer),
      },
      sections,
    };
  } catch {
    return null;
  }
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

export type ReviewRefusal = "own_version" | "not_staff" | "not_in_review";

/**
 * Four eyes: an engineer other than the version's author, or a manager who did not write it. Nobody approves
 * their own text, whatever their roles, so every delivered report was read by a second person.
 */
export function reviewRefusal(
  reviewer: { userId: string; engineer: boolean; manager: boolean }, version: { savedBy: string; state: ReportVersionState },
): ReviewRefusal | null {
  if (!reviewer.engineer && !reviewer.manager) return "not_staff";
  if (version.state !== "in_review") return "not_in_review";
  if (reviewer.userId === version.savedBy) return "own_version";
  return null;
}

/** The edition a delivery goes out as: 第1版 first, and each corrected re-issue one more than the last delivered. */
export function nextEdition(deliveredEditions: readonly number[]): number {
  return deliveredEditions.length === 0 ? 1 : Math.max(...deliveredEditions) + 1;
}

/** A local date "YYYY-MM-DD" as a report prints it: 2026年11月24日, or 24 November 2026. */
export function reportDate(isoDate: string, locale: "ja" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (locale === "ja") return `${year}年${month}月${day}日`;
  return `${day} ${MONTHS[month - 1] ?? ""} ${year}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The file name a delivered edition is given: the case number and edition, ASCII only so every client keeps it. */
export function reportFileName(caseNumber: string, edition: number): string {
  return `report_${caseNumber.replace(/[^0-9A-Za-z]/g, "")}_v${edition}.pdf`;
}

// A case's transcript as a Markdown document (the JSON form is the Transcript itself). Times are written in the
// business timezone, so the document reads the same wherever it is opened. Pure.
import { DateTime } from "luxon";
import type { Transcript } from "../../services/case-transcript.ts";
import type { Translate } from "../i18n/index.ts";

export function transcriptMarkdown(tr: Transcript, timezone: string, t: Translate): string {
  const at = (value: string | null) => (value ? DateTime.fromISO(value, { zone: timezone }).toFormat("yyyy-MM-dd HH:mm") : "–");
  const c = tr.case;
  const role = (r: string) => (r === "customer" || r === "engineer" || r === "internal" ? t(`transcript.role.${r}`) : r);
  const lines = [
    `# ${c.number} ${c.title}`, "",
    `- ${t("transcript.customer")}: ${c.customer}`,
    `- ${t("transcript.state")}: ${t(`state.${c.state}`)} · ${t("transcript.level")}: ${t(`level.${c.level}`)} · ${t("transcript.incidents")}: ${c.incidents}`,
    `- ${t("transcript.opened")}: ${at(c.openedAt)} (${c.openedBy})`,
    `- ${t("transcript.assignee")}: ${c.assigneeId ?? "–"}`,
    `- ${t("transcript.first_response")}: ${at(c.firstResponseAt)}`,
    `- ${t("transcript.closed")}: ${at(c.closedAt)}`, "",
    `## ${t("transcript.description")}`, "", c.description, "",
    `## ${t("transcript.messages")} (${tr.messages.length})`, "",
  ];
  for (const m of tr.messages) {
    const marks = [m.editedAt ? t("transcript.edited") : null, m.deleted ? t("transcript.deleted") : null].filter(Boolean).join(" ");
    lines.push(`### ${at(m.postedAt)} ${role(m.role)} ${m.userId}${marks ? ` ${marks}` : ""}`, "", m.text.split("\n").map((l) => `> ${l}`).join("\n"), "");
  }
  lines.push(`## ${t("transcript.events")} (${tr.events.length})`, "");
  for (const e of tr.events) lines.push(`- ${at(e.at)} ${e.kind} (${e.actorId})`);
  lines.push("", `## ${t("transcript.ledger")} (${tr.incidents.length})`, "");
  for (const l of tr.incidents) lines.push(`- ${at(l.at)} ${l.kind} ${l.amount} (${t("transcript.contract")} ${l.contractId}, ${l.actorId})${l.reason ? `: ${l.reason}` : ""}`);
  lines.push("", `## ${t("transcript.files")} (${tr.files.length})`, "");
  for (const f of tr.files) lines.push(`- ${at(f.postedAt)} ${f.name} (${f.filetype ?? f.mimetype ?? "?"}, ${role(f.authorRole)} ${f.userId}, ${f.fileId})`);
  return `${lines.join("\n")}\n`;
}

export function transcriptFile(tr: Transcript, format: "md" | "json", timezone: string, t: Translate): { content: string; filename: string } {
  const base = `case_${c4(tr.case.id)}_transcript`;
  return format === "json"
    ? { content: `${JSON.stringify(tr, null, 2)}\n`, filename: `${base}.json` }
    : { content: transcriptMarkdown(tr, timezone, t), filename: `${base}.md` };
}

const c4 = (id: number) => String(id).padStart(4, "0");

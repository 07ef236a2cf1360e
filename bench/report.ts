// The shape every section returns, and the Markdown page they are written into.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Machine } from "./machine.ts";

export interface Goal {
  what: string;
  target: string;
  measured: string;
  /** null: not judged in this run (e.g. the section was skipped or failed). */
  met: boolean | null;
}

export interface SectionResult {
  id: string;
  title: string;
  /** How it was measured, one paragraph per entry. */
  method: string[];
  /** Markdown (tables, lists) with the figures. */
  body: string[];
  goals: Goal[];
  /** Why a goal was missed and what would fix it, or anything else a reader should know about the figures. */
  findings: string[];
  /** The machine's 1-minute load average when the section started and ended (filled in by the runner). */
  load?: [number, number];
}

export function table(head: string[], rows: Array<Array<string | number>>): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

const verdict = (met: boolean | null) => (met === null ? "not judged" : met ? "**met**" : "**missed**");

export interface RunInfo { machine: Machine; startedAt: Date; minutes: number; command: string; quick: boolean }

export function renderReport(run: RunInfo, sections: SectionResult[]): string {
  const m = run.machine;
  const lines: string[] = [
    "# Benchmarks",
    "",
    `Measured on ${run.startedAt.toISOString().slice(0, 10)} with \`${run.command}\` (${run.minutes.toFixed(1)} minutes${run.quick ? ", a shortened smoke run: the figures are indicative only" : ""}). ` +
      "Every figure below comes from that one run; where a figure has a baseline, the baseline was measured in the same run and the ratio is given beside it.",
    "",
    "To measure again: `npm run bench` (every section, about twenty minutes, ten of them the memory soak; it needs the " +
      "PostgreSQL server the tests use), `npm run bench -- --quick` for a smoke run, `--only ack,memory` for some sections, " +
      "`--soak-minutes N` for a shorter soak. Shortened and partial runs write tmp/benchmarks.md unless `--out` says otherwise. " +
      "The machine is shared with other work: each section ends with the load average it ran under.",
    "",
    "## Machine",
    "",
    ...table(["", ""], [
      ["CPU", m.cpu],
      ["Cores", String(m.cores)],
      ["Memory", m.memory],
      ["OS", m.os],
      ["Node.js", m.node],
      ["SQLite", m.sqlite],
      ["PostgreSQL", m.postgres],
    ]),
    "",
    "## Goals at a glance",
    "",
    ...table(["Goal", "Target", "Measured", "Verdict"], sections.flatMap((s) => s.goals.map((g) => [`${s.title}: ${g.what}`, g.target, g.measured, verdict(g.met)]))),
    "",
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, "", "**Method.** " + (section.method[0] ?? ""), "");
    for (const paragraph of section.method.slice(1)) lines.push(paragraph, "");
    lines.push(...section.body, "");
    if (section.goals.length) {
      lines.push(...table(["Goal", "Target", "Measured", "Verdict"], section.goals.map((g) => [g.what, g.target, g.measured, verdict(g.met)])), "");
    }
    for (const finding of section.findings) lines.push(finding, "");
    if (section.load) lines.push(`<sub>Load average (1 min) when the section started / ended: ${section.load[0].toFixed(2)} / ${section.load[1].toFixed(2)}.</sub>`, "");
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/** The start command's section, which `npm run bench:start` writes between these marks and a full run keeps. */
const START_SECTION = /<!-- start-bench:begin -->[\s\S]*?<!-- start-bench:end -->\n?/;

export function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const kept = existsSync(path) ? START_SECTION.exec(readFileSync(path, "utf8"))?.[0] : undefined;
  writeFileSync(path, kept && !START_SECTION.test(text) ? `${text}\n${kept}` : text);
}

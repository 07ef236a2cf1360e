// `npm run bench`: measures the running app and writes docs/benchmarks.md. A script, not a test: the figures
// depend on the machine, so they are reported beside the machine rather than asserted.
//
//   npm run bench                          every section, written to docs/benchmarks.md (about 20 minutes)
//   npm run bench -- --quick               a shorter smoke run of every section, written to tmp/benchmarks.md
//   npm run bench -- --only ack,calendar   some sections (calendar, anatomy, profile, ack, throughput, balances, scheduler, memory, report-pdf, case-search, insights)
//   npm run bench -- --soak-minutes 3      a shorter memory soak; --out <file> to write elsewhere
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { ackLatency } from "./ack-latency.ts";
import { anatomy } from "./anatomy.ts";
import { balances } from "./balances.ts";
import { calendar } from "./calendar.ts";
import { describeMachine } from "./machine.ts";
import { memory } from "./memory.ts";
import { profile } from "./profile.ts";
import { renderReport, writeReport, type SectionResult } from "./report.ts";
import { caseSearch } from "./case-search.ts";
import { insights } from "./insights.ts";
import { reportPdf } from "./report-pdf.ts";
import { schedulerScale } from "./scheduler-scale.ts";
import { throughput } from "./throughput.ts";

interface Options { quick: boolean; soakMinutes: number; log: (line: string) => void }

// The calendar runs first, while this process is fresh: it times microseconds in this process.
const SECTIONS: Record<string, (options: Options) => Promise<SectionResult>> = {
  calendar, anatomy, profile, ack: ackLatency, throughput, balances, scheduler: schedulerScale, memory, "report-pdf": reportPdf,
  "case-search": caseSearch, insights,
};

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" }, out: { type: "string" }, "soak-minutes": { type: "string" } },
});
const only = values.only ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : null;
const unknown = (only ?? []).filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`unknown section ${unknown.join(", ")}; choose from ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}
const quick = values.quick ?? false;
const soakMinutes = Number(values["soak-minutes"] ?? (quick ? 1.5 : 10));
if (!Number.isFinite(soakMinutes) || soakMinutes <= 0) {
  console.error("--soak-minutes must be a positive number of minutes");
  process.exit(2);
}
// A partial or shortened run must not replace the committed figures unless asked to.
const out = values.out ?? (quick || only ? "tmp/benchmarks.md" : "docs/benchmarks.md");

const startedAt = new Date();
const log = (line: string) => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const machine = await describeMachine();
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}`);
const results: SectionResult[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  log(`section ${name} (load average ${loadavg()[0]!.toFixed(2)})`);
  const before = loadavg()[0]!;
  const result = await run({ quick, soakMinutes, log });
  results.push({ ...result, load: [before, loadavg()[0]!] });
}
const argv = process.argv.slice(2);
const text = renderReport({
  machine, startedAt, minutes: (Date.now() - startedAt.getTime()) / 60_000, quick,
  command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
}, results);
writeReport(out, text);
log(`wrote ${out}`);

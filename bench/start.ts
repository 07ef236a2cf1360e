// Start-to-ready time and idle memory of the start command, as an administrator sees them, and the levers that
// bring the idle app's resident set down, each measured on its own beside the command it improves on.
//
//   npm run bench:start                    5 rounds, written into docs/benchmarks.md (its own section)
//   npm run bench:start -- --runs 2 --out tmp/start.md
//
// Each start gets a fresh SQLite file and the local Slack stand-in; "ready" is the first 200 from /readyz, counted
// from the spawn. Idle RSS is read from /proc 5 s after ready, summed over every process the command created (npm
// itself included), and given per process too. The variants take turns within each round, so that a change in the
// machine's load reaches all of them alike. The production command is read from package.json's "start" script, the
// one the image, the systemd unit and the README repeat (test/deploy/packaging.test.ts keeps them the same).
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { startSlackStandIn } from "../tools/slack-sim/index.ts";
import { table } from "./report.ts";
import { startCommand } from "./start-command.ts";
import { START_TEAM as TEAM, START_TOKEN as TOKEN, startOnce as once, type Sample, type Variant } from "./start-process.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BEGIN = "<!-- start-bench:begin -->";
const END = "<!-- start-bench:end -->";
const IDLE_GOAL_MB = 120;

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, out: { type: "string", default: "docs/benchmarks.md" } } });

const production = startCommand();
const envText = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" ");

/** The service's start command before the levers below: the compiled app with a 1 MB young generation. */
const BASE_FLAGS = ["--max-semi-space-size=1"];
const base = (name: string, extraFlags: string[], env: Record<string, string> = {}): Variant =>
  ({ name, command: process.execPath, args: [...BASE_FLAGS, ...extraFlags, "dist/main.js"], env });
const levers: Variant[] = [
  ...Object.entries(production.env).map(([k, v]) => base(`lever: \`${k}=${v}\` alone`, [], { [k]: v })),
  ...production.flags.filter((f) => !BASE_FLAGS.includes(f)).map((f) => base(`lever: \`${f}\` alone`, [f])),
];
const BEFORE = base("before: `node --max-semi-space-size=1 dist/main.js`", []);
const PRODUCTION: Variant = {
  name: `production: \`${envText(production.env)} node ${production.flags.join(" ")} dist/main.js\``,
  command: process.execPath, args: [...production.flags, "dist/main.js"], env: production.env,
};
/** The production command on one thread: what the receiving thread, on by default, costs beside it. */
const ONE_THREAD: Variant = {
  name: "production with `RECEIVER_THREAD=false` (one thread)",
  command: process.execPath, args: [...production.flags, "dist/main.js"], env: { ...production.env, RECEIVER_THREAD: "false" },
};
const NPM_START: Variant = { name: "`npm start` (npm stays resident as its parent)", command: "npm", args: ["start"] };
const VARIANTS: Variant[] = [BEFORE, ...levers, PRODUCTION, ONE_THREAD, NPM_START];

/** Wall time of one command that exits by itself, from spawn to exit. */
async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? "" } });
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (kb: number) => (kb / 1024).toFixed(1);
const total = (s: Sample) => s.rss.reduce((sum, p) => sum + p.kb, 0);

// Compiled before each round, so that no start pays for a compile (the tree may be edited meanwhile); `npm start`
// still pays for its own check that dist/ is current.
const compile = () => new Promise((r) => spawn(process.execPath, ["scripts/build.mjs", "--if-stale"], { cwd: ROOT, stdio: "inherit" }).once("exit", r));
const slack = await startSlackStandIn({ token: TOKEN, teamId: TEAM });
const load: number[] = [loadavg()[0] ?? 0];
const samples = new Map<Variant, Sample[]>(VARIANTS.map((v) => [v, []]));
const cli = { empty: [] as number[], help: [] as number[] };
try {
  for (let round = 0; round < Number(values.runs); round += 1) {
    await compile();
    for (const variant of VARIANTS) {
      const sample = await once(variant, slack.url);
      samples.get(variant)!.push(sample);
      console.error(`${variant.name}: ready ${sample.readyMs.toFixed(0)} ms, RSS ${mb(total(sample))} MB`);
    }
    // The command line's --help beside a node that runs nothing, three of each per round.
    for (let i = 0; i < 3; i += 1) {
      cli.empty.push(await timed(["-e", "0"]));
      cli.help.push(await timed(["dist/cli/main.js", "--help"]));
    }
    console.error(`cli --help: ${median(cli.help).toFixed(0)} ms (node -e 0: ${median(cli.empty).toFixed(0)} ms)`);
  }
} finally {
  await slack.close();
}
load.push(loadavg()[0] ?? 0);

const rows = VARIANTS.map((variant) => {
  const list = samples.get(variant)!;
  const rss = median(list.map(total));
  const perProcess = list[0]!.rss.map((p, i) => `${p.command.split(" ").slice(0, 2).join(" ")}: ${mb(median(list.map((s) => s.rss[i]?.kb ?? 0)))}`).join("; ");
  const spread = `${mb(Math.min(...list.map(total)))}–${mb(Math.max(...list.map(total)))}`;
  return { variant, ready: median(list.map((s) => s.readyMs)), rss, spread, perProcess, processes: list[0]!.rss.length };
});
const row = (v: Variant) => rows.find((r) => r.variant === v)!;
const before = row(BEFORE);
const after = row(PRODUCTION);
const npmStart = row(NPM_START);
const saved = (r: (typeof rows)[number]) => (r.variant === BEFORE ? "" : `${((r.rss - before.rss) / 1024).toFixed(1)} MB (×${(r.rss / before.rss).toFixed(2)})`);
const help = median(cli.help);
const empty = median(cli.empty);
const section = [
  BEGIN,
  "## Start and idle memory of the start command",
  "",
  `**Method.** \`npm run bench:start\` (${values.runs} rounds, medians; measured ${new Date().toISOString().slice(0, 10)}). Each start runs on a fresh SQLite file with the local Slack stand-in; ready is the first 200 from \`/readyz\`, counted from the spawn (npm's own start included for \`npm start\`). Idle RSS is read from /proc 5 s after ready and summed over every process the command created. In each round every variant starts once, in turn, so the machine's load reaches all alike; each lever is the command before with that one change. The command line's \`--help\` is timed three times a round beside \`node -e 0\`. Load average ${load[0]!.toFixed(2)} → ${load[1]!.toFixed(2)} (the machine is shared).`,
  "",
  ...table(["Start command", "Processes", "Start to ready", "Idle RSS, all processes (range)", "Against before", "Per process (MB)"],
    rows.map((r) => [r.variant.name, r.processes, `${(r.ready / 1000).toFixed(2)} s`, `${mb(r.rss)} MB (${r.spread})`, saved(r), r.perProcess])),
  "",
  ...table(["Goal", "Target", "Measured", "Verdict"], [
    ["Idle RSS of the production start command (SQLite)", `< ${IDLE_GOAL_MB} MB`, `${mb(after.rss)} MB (before: ${mb(before.rss)} MB)`, after.rss / 1024 < IDLE_GOAL_MB ? "**met**" : "**missed**"],
    ["Idle RSS of `npm start`, all processes (SQLite)", `< ${IDLE_GOAL_MB} MB`, `${mb(npmStart.rss)} MB`, npmStart.rss / 1024 < IDLE_GOAL_MB ? "**met**" : "**missed**"],
    ["Start to ready, production start command (SQLite)", "< 1.5 s", `${(after.ready / 1000).toFixed(2)} s (before: ${(before.ready / 1000).toFixed(2)} s)`, after.ready < 1_500 ? "**met**" : "**missed**"],
    ["`node dist/cli/main.js --help`", "well under a second", `${(help / 1000).toFixed(2)} s (node running nothing: ${(empty / 1000).toFixed(2)} s, ×${(help / empty).toFixed(1)})`, help < 500 ? "**met**" : "**missed**"],
  ]),
  "",
  "**Findings.** Of the idle app's resident set, about 55 MB is file-backed (the node binary's pages and the native " +
    "modules, shared with any other node on the machine) and the rest anonymous: V8's heap (about 38 MB, a third of it " +
    "module sources, which V8 keeps, among them the ORM's query compiler as a 2 MB base64 string) and the C allocator's " +
    "arenas. The levers act on the arenas: `MALLOC_ARENA_MAX=2` keeps V8's and libuv's threads from each growing an " +
    "arena of their own (glibc allows eight per core), `MALLOC_TRIM_THRESHOLD_=1048576` fixes glibc's thresholds, " +
    "which otherwise rise after the start's large temporary buffers (the query compiler's WebAssembly is decoded from " +
    "base64) until freed memory is no longer given back (1 MB, not less, so that a request's own allocations are not " +
    "given back and faulted in again every time), and `--v8-pool-size=2` runs V8's background work (concurrent " +
    "marking, compilation) on two threads instead of four. `--max-semi-space-size=1` keeps V8's young generation small. " +
    "Every command but the one-thread row starts as the app does by default, behind its receiving thread (Slack's " +
    "requests read and verified on the main thread, the app in a worker thread: a second V8 heap, the main thread's " +
    "loading only Bolt's request functions); the one-thread row is what that thread costs, and the idle goal " +
    "below was set before the thread was the default (the memory section's goal, < 150 MB, is judged on it). " +
    "Every figure moves by several MB from one start to the next (the range column), with the moment background " +
    "compilation and collection happen to end: compare medians. Bolt's Socket Mode client is loaded only in Socket " +
    "Mode, the ORM's PostgreSQL client, pdfkit and the chart canvas only when used. The HTTP client undici is loaded " +
    "at start, since every Slack call goes through it (src/slack/web-fetch.ts); Node's built-in fetch, which it " +
    "replaces, loads a copy of its own on first use, so the idle app pays for one of the two either way. `npm start` keeps npm resident as the app's parent " +
    `(${npmStart.perProcess.split("; ")[0]?.split(": ")[1] ?? "?"} MB): as a service, run the production command directly, ` +
    "as the image and the systemd unit do. The command line's `--help` loads every command's modules (the ORM among them) " +
    "before it reads its arguments; start times depend on the machine's load above.",
  END,
].join("\n");

const out = join(ROOT, values.out);
const page = existsSync(out) ? readFileSync(out, "utf8") : "# Benchmarks\n";
const at = page.indexOf(BEGIN);
const next = at >= 0 ? `${page.slice(0, at)}${section}${page.slice(page.indexOf(END) + END.length)}` : `${page.trimEnd()}\n\n${section}\n`;
writeFileSync(out, next);
console.error(`written to ${values.out}`);

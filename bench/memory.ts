// Memory: the app's resident set when idle, and whether it grows under a sustained load of whole cases.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { openCases, rootMessage } from "./cases.ts";
import { runClosedLoop } from "./load.ts";
import { table, type Goal, type SectionResult } from "./report.ts";
import { HOME_REFRESH_DELAY_MS } from "../src/slack/home/refresher.ts";
import { startCommand } from "./start-command.ts";
import { START_TEAM, START_TOKEN, startOnce } from "./start-process.ts";
import { startSlackStandIn } from "../tools/slack-sim/index.ts";
import { int, mb, slope, sleep, waitUntil } from "./stats.ts";
import type { TargetStats } from "./target.ts";
import { engineer, refusedCalls, startWorld, type World } from "./world.ts";

const BATCH = 100;
const CONCURRENCY = 8;
const TEN_THOUSAND = 10_000;

interface Sample { seconds: number; cases: number; raw: TargetStats; gc: TargetStats }

/** Calls the stand-in refused over the whole soak, counted batch by batch before it forgets them. */
interface Refused { count: number; first: string | null }

/** RSS after a full GC of a Node process that loads nothing, with and without the TypeScript loader. */
async function emptyProcess(withTsx: boolean): Promise<number> {
  const code = "setTimeout(() => { gc(); gc(); console.log(process.memoryUsage().rss); }, 300)";
  const { stdout } = await promisify(execFile)(process.execPath, [...(withTsx ? ["--import", "tsx"] : []), "--expose-gc", "-e", code]);
  return Number(stdout.trim());
}

/**
 * The app under the start script's allocator environment and V8 flags, as the service runs. glibc reads its
 * variables when a process starts, and the app's process is forked with the benchmark's environment, so they are
 * set around the fork alone.
 */
async function startAsService(): Promise<World> {
  const { env, flags } = startCommand();
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return await startWorld("sqlite", { customers: 32, nodeFlags: flags });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * The production start command (package.json's, compiled JavaScript, no loader), idle: the median of three starts,
 * each on a fresh SQLite file, RSS read 5 s after /readyz first answers 200. This is what the idle goal is judged
 * on; the figures under tsx below are kept to show what each setting does.
 */
async function productionIdleKb(): Promise<number> {
  await new Promise((resolve) => spawn(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" }).once("exit", resolve));
  const { env, flags } = startCommand();
  const slack = await startSlackStandIn({ token: START_TOKEN, teamId: START_TEAM });
  try {
    const kb: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const sample = await startOnce({ name: "production", command: process.execPath, args: [...flags, "dist/main.js"], env }, slack.url);
      kb.push(sample.rss.reduce((sum, p) => sum + p.kb, 0));
    }
    return kb.sort((a, b) => a - b)[1]!;
  } finally {
    await slack.close();
  }
}

export async function memory(options: { quick: boolean; soakMinutes: number; log: (line: string) => void }): Promise<SectionResult> {
  const productionKb = await productionIdleKb();
  options.log(`memory: the production start command idles at ${(productionKb / 1024).toFixed(1)} MB`);
  const node = await emptyProcess(false);
  const tsx = await emptyProcess(true);
  const bare = await startWorld("bare");
  await sleep(2_000);
  const bareIdle = await bare.target.statsAfterGc();
  await bare.close();
  // The same app with a 1 MB young generation (V8 reserves up to 16 MB per semi-space by default).
  const small = await startWorld("sqlite", { customers: 32, nodeFlags: ["--max-semi-space-size=1"] });
  await sleep(5_000);
  const smallIdle = await small.target.statsAfterGc();
  await small.close();

  // The same app with node's defaults (no allocator settings, V8's default young generation).
  const plain = await startWorld("sqlite", { customers: 32 });
  await sleep(5_000);
  const plainIdleRaw = await plain.target.stats();
  const plainIdle = await plain.target.statsAfterGc();
  await plain.close();

  const world = await startAsService();
  try {
    // The scheduler's first pass and the entry messages happen at start; idle means after them.
    await sleep(5_000);
    const idleRaw = await world.target.stats();
    const idle = await world.target.statsAfterGc();
    options.log(`memory: idle RSS ${mb(idleRaw.rss)} MB (${mb(idle.rss)} MB after GC; ${mb(plainIdleRaw.rss)} MB with node's defaults)`);
    const soakMs = options.soakMinutes * 60_000;
    const sampleEvery = options.quick ? 10_000 : 30_000;
    const samples: Sample[] = [];
    let cases = 0;
    let tenThousand: Sample | null = null;
    const started = performance.now();
    let nextSample = 0;
    const refused: Refused = { count: 0, first: null };
    while (performance.now() - started < soakMs) {
      cases += await handleCases(world, BATCH, cases, refused);
      const seconds = (performance.now() - started) / 1000;
      if (seconds * 1000 >= nextSample || (cases >= TEN_THOUSAND && !tenThousand)) {
        const raw = await world.target.stats();
        // The heap after GC is read once the app is at rest: the Home tabs' refresh, which runs a few seconds
        // after the batch's last change, would otherwise be caught half done in some samples and not in others,
        // and its few MB of work in flight would swamp a trend of a fraction of a MB a minute.
        await sleep(HOME_REFRESH_DELAY_MS + 2_000);
        await world.target.drain();
        const sample = { seconds, cases, raw, gc: await world.target.statsAfterGc() };
        samples.push(sample);
        if (cases >= TEN_THOUSAND && !tenThousand) tenThousand = sample;
        nextSample = seconds * 1000 + sampleEvery;
        options.log(`memory: ${seconds.toFixed(0)} s, ${cases} cases, RSS ${mb(raw.rss)} MB (${mb(sample.gc.rss)} MB after GC, heap ${mb(sample.gc.heapUsed)} MB)`);
      }
    }
    const last = samples.at(-1);
    const stats = await world.target.stats();
    return report({ productionKb, node, tsx, smallIdle, bareIdle, plainIdleRaw, plainIdle, idleRaw, idle, samples, tenThousand, soakMinutes: options.soakMinutes, cases, stats, refused, last });
  } finally {
    await world.close();
  }
}

/** `n` whole cases: opened by customers, answered by an engineer in the thread, resolved by the engineer. */
async function handleCases(world: World, n: number, offset: number, refused: Refused): Promise<number> {
  const { requests, customers, endpoint } = world;
  const customer = (i: number) => customers[(offset + i) % customers.length]!;
  await runClosedLoop(endpoint, { total: n, concurrency: CONCURRENCY, build: (i) => requests.openCaseSubmission(customer(i).person, customer(i).channelId, `ライセンス認証エラー (${offset + i})`, 10_000) });
  await world.target.drain();
  const cases = await openCases(world, n);
  await runClosedLoop(endpoint, { total: cases.length, concurrency: CONCURRENCY, build: (i) => requests.threadReply(engineer, cases[i]!.channelId, cases[i]!.rootTs, "ログを拝見しました。設定ファイルの該当箇所をご確認ください。") });
  await world.target.drain();
  await runClosedLoop(endpoint, { total: cases.length, concurrency: CONCURRENCY, build: (i) => requests.resolveClick(engineer, cases[i]!.channelId, rootMessage(world, cases[i]!), cases[i]!.id) });
  const db = world.database!.db;
  const ids = cases.map((c) => c.id);
  await waitUntil(async () => (await db.client.case.count({ where: { id: { in: ids }, state: { not: "resolved" } } })) === 0, 60_000);
  await world.target.drain();
  // The stand-in keeps every message and call; forgetting the finished cases keeps the load generator's own
  // memory and its message lookups flat over a long soak.
  const batch = refusedCalls(world.slack);
  refused.count += batch.count;
  refused.first ??= batch.first;
  // The app goes on linking to the latest cases' threads (chat.getPermalink), which Slack would still hold.
  const roots = cases.map((c) => ({ channelId: c.channelId, message: rootMessage(world, c) }));
  world.slack.reset();
  for (const root of roots) world.slack.recordMessage(root.channelId, root.message);
  return cases.length;
}

function report(r: {
  productionKb: number; node: number; tsx: number; smallIdle: TargetStats; bareIdle: TargetStats; plainIdleRaw: TargetStats; plainIdle: TargetStats; idleRaw: TargetStats; idle: TargetStats; samples: Sample[]; tenThousand: Sample | null; soakMinutes: number;
  cases: number; stats: TargetStats; refused: Refused; last: Sample | undefined;
}): SectionResult {
  // The first minute is warm-up (code being optimised, pools filling); growth is judged on the rest. A leak shows
  // as a growing heap of data after a full GC (compiled code, which V8 adds as more of the app gets hot, is left
  // out); RSS after GC also moves with pages the allocators keep, so it is compared by medians (first third of
  // the samples against the last third) rather than by a trend.
  const steady = r.samples.filter((s) => s.seconds >= 60);
  const minutes = steady.length ? (steady.at(-1)!.seconds - steady[0]!.seconds) / 60 : 0;
  const dataHeap = (s: TargetStats) => s.heapUsed - s.codeUsed;
  const heapSlope = slope(steady.map((s) => [s.seconds / 60, dataHeap(s.gc) / 1024 / 1024] as const));
  const third = Math.max(1, Math.floor(steady.length / 3));
  const median = (list: Sample[]) => [...list].map((s) => s.gc.rss).sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
  const rssFirst = median(steady.slice(0, third));
  const rssLast = median(steady.slice(-third));
  const judged = minutes >= 2;
  const goals: Goal[] = [
    {
      what: "RSS idle (SQLite), the production start command", target: "< 150 MB",
      measured: `${mb(r.productionKb * 1024)} MB (under the benchmark's tsx loader: ${mb(r.idleRaw.rss)} MB)`, met: r.productionKb * 1024 < 150 * 1024 * 1024,
    },
    {
      what: `No growth over the ${r.soakMinutes}-minute soak`, target: "JS data heap after GC: trend < 0.1 MB/min; RSS after GC: last third ≤ first third + 10%",
      measured: `data heap ${heapSlope >= 0 ? "+" : ""}${heapSlope.toFixed(2)} MB/min; RSS ${mb(rssFirst)} → ${mb(rssLast)} MB (medians, over ${minutes.toFixed(1)} min after the first)`,
      met: judged ? heapSlope < 0.1 && rssLast <= rssFirst * 1.1 : null,
    },
  ];
  const anon = (s: TargetStats) => (s.rssAnon === null ? "–" : mb(s.rssAnon));
  const rows = r.samples.map((s) => [s.seconds.toFixed(0), int(s.cases), mb(s.raw.rss), mb(s.gc.rss), anon(s.gc), mb(dataHeap(s.gc)), mb(s.gc.codeUsed), mb(s.gc.external)]);
  const settings = startCommand();
  const asService = `\`${Object.entries(settings.env).map(([k, v]) => `${k}=${v}`).join(" ")} node ${settings.flags.join(" ")}\``;
  return {
    id: "memory", title: "Memory",
    method: [
      "The idle goal is judged on the production start command itself (package.json's start script: the compiled app " +
        "without a loader, as it starts by default: behind its receiving thread, the app in a worker thread): three " +
        "starts on a fresh SQLite file, RSS of its process 5 s after /readyz first answered 200, the median. The rest of the section runs the app from its sources under tsx, so that the soak sees the code being edited. " +
        "The app (SQLite, 32 customer channels, on one thread, RECEIVER_THREAD=false: the same app code, and one heap " +
        "to watch) in its own process, with the stand-in for Slack in the benchmark's " +
        `process, started with the allocator environment and V8 flags of package.json's start script (${asService}), as ` +
        "the service runs. Idle: five seconds after start (the scheduler's first pass and the entry messages done). Then a " +
        `sustained load for ${r.soakMinutes} minutes: batches of ${BATCH} whole cases, each opened by a customer ` +
        `(view submission), answered by an engineer in its thread (message event) and resolved (button), ${CONCURRENCY} ` +
        "requests in flight, every outbox message delivered before the next batch. Samples give the RSS as it is at the " +
        "end of a batch, then, once the app is at rest (the Home tabs' refresh that follows a batch done), RSS, heap and " +
        "external memory right after two forced full garbage collections (the process runs with --expose-gc). Growth is " +
        "judged from the second minute on: the least-squares trend of the JS heap after GC without compiled code (which V8 " +
        "adds as more of the app is optimised, then stops adding), and the median RSS after GC of the last third of the " +
        "samples against the first third (soaks shorter than three minutes are not judged). A bare Bolt app with the same " +
        "receiver, after a full GC, is the baseline for the idle figure; the app with node's defaults is measured idle beside it.",
    ],
    body: [
      ...table(["", "RSS (MB)", "RSS after GC (MB)", "Heap used after GC (MB)"], [
        ["**The production start command** (compiled, no loader), idle: the goal's figure", mb(r.productionKb * 1024), "", ""],
        ["Node.js loading nothing", "", mb(r.node), ""],
        ["Node.js loading nothing, with the tsx loader (as the app runs in this benchmark)", "", mb(r.tsx), ""],
        ["Bare Bolt app (tsx), idle", "", mb(r.bareIdle.rss), mb(r.bareIdle.heapUsed)],
        ["incident-desk (tsx) with node's defaults, idle", mb(r.plainIdleRaw.rss), mb(r.plainIdle.rss), mb(r.plainIdle.heapUsed)],
        ["incident-desk (tsx) with `--max-semi-space-size=1` alone, idle", "", mb(r.smallIdle.rss), mb(r.smallIdle.heapUsed)],
        [`incident-desk (tsx) with the start script's settings, idle`, mb(r.idleRaw.rss), mb(r.idle.rss), mb(r.idle.heapUsed)],
        [r.tenThousand ? `incident-desk after ${int(r.tenThousand.cases)} cases` : `incident-desk after ${int(r.cases)} cases (end of the soak; 10,000 were not reached)`,
          mb((r.tenThousand ?? r.last)?.raw.rss ?? Number.NaN), mb((r.tenThousand ?? r.last)?.gc.rss ?? Number.NaN), mb((r.tenThousand ?? r.last)?.gc.heapUsed ?? Number.NaN)],
      ]),
      "",
      `Soak samples (${int(r.cases)} cases in ${r.soakMinutes} minutes; ${r.refused.count} Slack calls refused by the stand-in` +
        `${r.refused.first ? ` (first: ${r.refused.first})` : ""}; the app logged ${r.stats.warnings} warnings and ${r.stats.errors} errors` +
        `${r.stats.firstProblems[0] ? ` (first: \`${r.stats.firstProblems[0].slice(0, 200)}\`)` : ""}):`,
      "",
      ...table(["Seconds", "Cases handled", "RSS (MB)", "After GC: RSS (MB)", "anonymous RSS (MB)", "JS data heap (MB)", "JS code (MB)", "external (MB)"], rows),
    ],
    goals,
    findings: [...soakFindings(judged, heapSlope, rssFirst, rssLast), ...(judged ? [swing(steady)] : []), WHAT_IS_KEPT,
      "The app runs here from its TypeScript sources under the tsx loader, so that the soak sees the code being " +
        "edited; production runs the compiled dist/. The idle figure of the start command itself, and what each of its " +
        "settings saves, is in the section on the start command (`npm run bench:start`).",
      ...(r.productionKb * 1024 < 150 * 1024 * 1024 ? [] : [
      `Idle RSS misses the goal. Of the ${mb(r.idleRaw.rss)} MB, ${mb(r.tsx - r.node)} MB is the tsx loader alone (it runs in its own ` +
        "thread with its own V8 heap, to compile TypeScript as modules load), which production does not pay: it runs " +
        "JavaScript compiled ahead of time (`npm run build`, then `node dist/main.js`). With node's defaults the same app " +
        `idles at ${mb(r.plainIdleRaw.rss)} MB (${mb(r.plainIdle.rss)} MB after GC); of the ${mb(r.plainIdleRaw.rss - r.idleRaw.rss)} MB ` +
        `the start script's settings save, V8's smaller young generation is about ${mb(r.plainIdle.rss - r.smallIdle.rss)} MB, ` +
        "and glibc's two arenas, its giving freed memory back and V8's two background threads the rest. " +
        `The heap the app actually uses is ${mb(r.idle.heapUsed)} MB; the rest is code, the ORM's WebAssembly query ` +
        `compiler and native modules. Without the loader this app would idle near ${mb(r.idleRaw.rss - (r.tsx - r.node))} MB. ` +
        "The PostgreSQL client is loaded only when used.",
    ]),
    ],
  };
}

/**
 * What the app keeps in memory from one request to the next, and what bounds each, found by heap snapshots of the
 * app at rest a few thousand cases apart. Every cache has a bound; what held an entry for each channel or case
 * ever served now lets it go once it is no longer needed.
 */
const WHAT_IS_KEPT = "What the app keeps between requests, and its bound: heap snapshots of the app at rest after " +
  "800, 3,000 and 5,200 cases weighed 55.1, 56.9 and 56.8 MB. What was added between the first two is warm-up, not data: " +
  "1.1 MB of bytecode and compiled code (bytecode lives outside V8's code space, so it counts in the data heap here) and " +
  "the HTTP client's connections to Slack (fetch keeps one client per concurrent call it has seen, bounded by the Web API " +
  "clients' concurrency). Between the last two nothing grew but finalization records of finished fetches waiting for " +
  "their clean-up. The caches are all bounded: people's languages (10,000 people, kept an hour), links to case threads for " +
  "Home (5,000 threads), workspace names (1,000 workspaces), the ORM's query plans (an LRU of 1,000 query shapes and " +
  "1,000 batches; this load uses 74 shapes, about 0.4 MB), the members of the configured user groups. The outbox dispatcher remembers a channel's " +
  "last delivery only while it still paces the channel, and a case announced as held up only while it waits, instead of " +
  "every channel and case ever served; the kept-event inbox lets each handling go when it ends; Bolt keeps one Web API " +
  "client, for the app's own workspace. Metrics are labelled by status, Slack method and error only, never by a case or a person.";

/** How far the after-GC figures moved between samples, so a reader can weigh the verdict on RSS. */
function swing(steady: Sample[]): string {
  const range = (pick: (s: Sample) => number) => {
    const values = steady.map(pick);
    return `${mb(Math.min(...values))}–${mb(Math.max(...values))} MB`;
  };
  return `From the second minute on, RSS after GC ranged over ${range((s) => s.gc.rss)} from one sample to the next, while ` +
    `the JS data heap stayed within ${range((s) => s.gc.heapUsed - s.gc.codeUsed)}: the RSS that moves is pages the allocators keep after the ` +
    "peak of a batch, not data the app holds, and any single sample, the last one included, can land anywhere in that range.";
}

function soakFindings(judged: boolean, heapSlope: number, rssFirst: number, rssLast: number): string[] {
  if (!judged || (heapSlope < 0.1 && rssLast <= rssFirst * 1.1)) return [];
  const rss = rssLast > rssFirst * 1.1
    ? `RSS after GC rose from ${mb(rssFirst)} to ${mb(rssLast)} MB (medians). It swings by tens of MB from one sample to the ` +
      "next, and the part that moves is anonymous memory outside the JS heap: pages glibc and V8 keep after the peak of " +
      "each batch (the SQLite driver allocates and frees a native statement for every query, as the ORM's adapter " +
      "prepares each one afresh). The soak already runs with the start script's allocator settings, which give most of " +
      "those pages back; a longer soak would tell a high-water mark from a slow leak, and fewer ORM operations per " +
      "request would lower the peak. "
    : "";
  const heap = heapSlope >= 0.1
    ? `The JS data heap rose by ${heapSlope.toFixed(2)} MB a minute. Heap snapshots of the app at rest (below) found ` +
      "nothing of the app's data growing with the cases once warmed up, only bytecode compiled as more of the app runs, " +
      "which a short soak's trend mostly measures; snapshots taken further apart (`--heapsnapshot-signal=SIGUSR2` on " +
      "the process, compared by constructor) tell that warm-up from a leak."
    : `The JS data heap stayed flat (${heapSlope.toFixed(2)} MB a minute): nothing the app keeps in JavaScript grows with the cases handled.`;
  return [`${rss}${heap}`];
}

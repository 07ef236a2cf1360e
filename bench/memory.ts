// Memory: the app's resident set when idle, and whether it grows under a sustained load of whole cases.
import { openCases, rootMessage } from "./cases.ts";
import { runClosedLoop } from "./load.ts";
import { table, type Goal, type SectionResult } from "./report.ts";
import { int, mb, slope, sleep } from "./stats.ts";
import type { TargetStats } from "./target.ts";
import { engineer, startWorld, type World } from "./world.ts";

const BATCH = 100;
const CONCURRENCY = 8;
const TEN_THOUSAND = 10_000;

interface Sample { seconds: number; cases: number; raw: TargetStats; gc: TargetStats }

export async function memory(options: { quick: boolean; soakMinutes: number; log: (line: string) => void }): Promise<SectionResult> {
  const bare = await startWorld("bare");
  await sleep(2_000);
  const bareIdle = await bare.target.statsAfterGc();
  await bare.close();

  const world = await startWorld("sqlite", { customers: 32 });
  try {
    // The scheduler's first pass and the entry messages happen at start; idle means after them.
    await sleep(5_000);
    const idleRaw = await world.target.stats();
    const idle = await world.target.statsAfterGc();
    options.log(`memory: idle RSS ${mb(idleRaw.rss)} MB (${mb(idle.rss)} MB after GC)`);
    const soakMs = options.soakMinutes * 60_000;
    const sampleEvery = options.quick ? 10_000 : 30_000;
    const samples: Sample[] = [];
    let cases = 0;
    let tenThousand: Sample | null = null;
    const started = performance.now();
    let nextSample = 0;
    while (performance.now() - started < soakMs) {
      cases += await handleCases(world, BATCH, cases);
      const seconds = (performance.now() - started) / 1000;
      if (seconds * 1000 >= nextSample || (cases >= TEN_THOUSAND && !tenThousand)) {
        const raw = await world.target.stats();
        const sample = { seconds, cases, raw, gc: await world.target.statsAfterGc() };
        samples.push(sample);
        if (cases >= TEN_THOUSAND && !tenThousand) tenThousand = sample;
        nextSample = seconds * 1000 + sampleEvery;
        options.log(`memory: ${seconds.toFixed(0)} s, ${cases} cases, RSS ${mb(raw.rss)} MB (${mb(sample.gc.rss)} MB after GC, heap ${mb(sample.gc.heapUsed)} MB)`);
      }
    }
    const last = samples.at(-1);
    const stats = await world.target.stats();
    return report({ bareIdle, idleRaw, idle, samples, tenThousand, soakMinutes: options.soakMinutes, cases, warnings: stats.warnings, errors: stats.errors, last });
  } finally {
    await world.close();
  }
}

/** `n` whole cases: opened by customers, answered by an engineer in the thread, resolved by the engineer. */
async function handleCases(world: World, n: number, offset: number): Promise<number> {
  const { requests, customers, endpoint } = world;
  const customer = (i: number) => customers[(offset + i) % customers.length]!;
  await runClosedLoop(endpoint, { total: n, concurrency: CONCURRENCY, build: (i) => requests.openCaseSubmission(customer(i).person, customer(i).channelId, `ライセンス認証エラー (${offset + i})`, 10_000) });
  await world.target.drain();
  const cases = await openCases(world, n);
  await runClosedLoop(endpoint, { total: cases.length, concurrency: CONCURRENCY, build: (i) => requests.threadReply(engineer, cases[i]!.channelId, cases[i]!.rootTs, "ログを拝見しました。設定ファイルの該当箇所をご確認ください。") });
  await world.target.drain();
  await runClosedLoop(endpoint, { total: cases.length, concurrency: CONCURRENCY, build: (i) => requests.resolveClick(engineer, cases[i]!.channelId, rootMessage(world, cases[i]!), cases[i]!.id) });
  const db = world.database!.db;
  while (await db.client.case.count({ where: { id: { in: cases.map((c) => c.id) }, state: { not: "resolved" } } }) > 0) await sleep(50);
  await world.target.drain();
  // The stand-in keeps every message and call; forgetting the finished cases keeps the load generator's own
  // memory and its message lookups flat over a long soak.
  world.slack.reset();
  return cases.length;
}

function report(r: {
  bareIdle: TargetStats; idleRaw: TargetStats; idle: TargetStats; samples: Sample[]; tenThousand: Sample | null; soakMinutes: number;
  cases: number; warnings: number; errors: number; last: Sample | undefined;
}): SectionResult {
  // The first minute is warm-up (code being optimised, pools filling); growth is judged on the rest.
  const steady = r.samples.filter((s) => s.seconds >= 60);
  const perMinute = (pick: (s: Sample) => number) => slope(steady.map((s) => [s.seconds / 60, pick(s) / 1024 / 1024] as const));
  const rssSlope = perMinute((s) => s.gc.rss);
  const heapSlope = perMinute((s) => s.gc.heapUsed);
  const minutes = steady.length ? (steady.at(-1)!.seconds - steady[0]!.seconds) / 60 : 0;
  const goals: Goal[] = [
    { what: "RSS idle (SQLite)", target: "< 150 MB", measured: `${mb(r.idleRaw.rss)} MB (${mb(r.idle.rss)} MB after a full GC)`, met: r.idleRaw.rss < 150 * 1024 * 1024 },
    {
      what: `No growth over the ${r.soakMinutes}-minute soak`, target: "trend after a full GC < 0.5 MB/min (RSS) and < 0.25 MB/min (heap)",
      measured: `RSS ${rssSlope >= 0 ? "+" : ""}${rssSlope.toFixed(2)} MB/min, heap ${heapSlope >= 0 ? "+" : ""}${heapSlope.toFixed(2)} MB/min over ${minutes.toFixed(1)} min`,
      met: steady.length >= 3 ? rssSlope < 0.5 && heapSlope < 0.25 : null,
    },
  ];
  const rows = r.samples.map((s) => [s.seconds.toFixed(0), int(s.cases), mb(s.raw.rss), mb(s.gc.rss), mb(s.gc.heapUsed), mb(s.gc.external)]);
  return {
    id: "memory", title: "Memory",
    method: [
      "The app (SQLite, 32 customer channels) in its own process, with the stand-in for Slack in the benchmark's " +
        "process. Idle: five seconds after start (the scheduler's first pass and the entry messages done). Then a " +
        `sustained load for ${r.soakMinutes} minutes: batches of ${BATCH} whole cases, each opened by a customer ` +
        `(view submission), answered by an engineer in its thread (message event) and resolved (button), ${CONCURRENCY} ` +
        "requests in flight, every outbox message delivered before the next batch. Samples give the RSS as it is, then " +
        "RSS, heap and external memory right after two forced full garbage collections (the process runs with " +
        "--expose-gc); the trend is the least-squares slope of the after-GC figures from the second minute on. A bare " +
        "Bolt app with the same receiver, after a full GC, is the baseline for the idle figure.",
    ],
    body: [
      ...table(["", "RSS (MB)", "RSS after GC (MB)", "Heap used after GC (MB)"], [
        ["Bare Bolt app, idle", mb(r.bareIdle.rss), mb(r.bareIdle.rss), mb(r.bareIdle.heapUsed)],
        ["incident-desk, idle", mb(r.idleRaw.rss), mb(r.idle.rss), mb(r.idle.heapUsed)],
        [r.tenThousand ? `incident-desk after ${int(r.tenThousand.cases)} cases` : `incident-desk after ${int(r.cases)} cases (end of the soak; 10,000 were not reached)`,
          mb((r.tenThousand ?? r.last)?.raw.rss ?? Number.NaN), mb((r.tenThousand ?? r.last)?.gc.rss ?? Number.NaN), mb((r.tenThousand ?? r.last)?.gc.heapUsed ?? Number.NaN)],
      ]),
      "",
      `Soak samples (${int(r.cases)} cases in ${r.soakMinutes} minutes; the app logged ${r.warnings} warnings and ${r.errors} errors):`,
      "",
      ...table(["Seconds", "Cases handled", "RSS (MB)", "RSS after GC (MB)", "Heap used after GC (MB)", "External after GC (MB)"], rows),
    ],
    goals,
    findings: [],
  };
}

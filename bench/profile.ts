// Where one request's CPU goes: the process under measurement is profiled by V8's sampling profiler while it
// handles a run of requests one at a time (and everything they set off: the outbox's Slack calls, App Home),
// and each sample's time is put in one bucket (receiver, signature, ORM, driver, rendering, logging, …). The
// bare Bolt app, with the same receiver and signing, handles the same requests in the same run: its buckets are
// the floor any Bolt app pays.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Commands } from "../src/slack/ids.ts";
import { openCases, rootMessage } from "./cases.ts";
import type { SignedRequest } from "./load.ts";
import { table, type SectionResult } from "./report.ts";
import { sleep } from "./stats.ts";
import { engineer, startWorld, type TargetKind, type World } from "./world.ts";

/** What V8's Profiler.stop returns (the .cpuprofile format), as far as it is read here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export const BUCKETS = [
  "Receiver (Bolt, node:http)", "Signature check", "App code (listeners, services, domain)", "Rendering (views, texts)",
  "ORM (Prisma)", "Driver (adapter, SQLite)", "Slack Web API client (fetch)", "Logging", "Node.js internals", "Garbage collection",
  "V8, not attributed",
] as const;
export type Bucket = (typeof BUCKETS)[number];

// Checked from the sampled frame up through its callers; the first frame that names a bucket decides. Node's own
// modules name none (a stream or a promise job is charged to whoever called it), except its crypto, which on this
// path is the HMAC of Slack's signature.
const RULES: Array<[RegExp, Bucket]> = [
  [/node:internal\/crypto\/(hash|keys|util)|tsscmp|verify-request|verifySlackRequest/, "Signature check"],
  // The kept SQLite statements run from src/db/statement-cache.ts: their time in better-sqlite3's native code is the driver's.
  [/@prisma\/adapter-|better-sqlite3|\/pg\/|pg-protocol|pg-pool|\/src\/db\/statement-cache\.ts/, "Driver (adapter, SQLite)"],
  [/^wasm:|@prisma\/client|@prisma\/client-engine-runtime|query_compiler|\/src\/generated\//, "ORM (Prisma)"],
  [/\/pino\/|sonic-boom|thread-stream|\/src\/logger\.ts|\/src\/slack\/bolt-logger\.ts/, "Logging"],
  [/\/src\/slack\/(views|i18n|home\/views?)\/|\/src\/slack\/views\.ts/, "Rendering (views, texts)"],
  [/@slack\/web-api|node_modules\/undici\/|node:internal\/deps\/undici|\/axios\/|form-data|follow-redirects|proxy-from-env/, "Slack Web API client (fetch)"],
  [/@slack\/bolt|@slack\/oauth|raw-body|node:_http|node:http|node:internal\/http|path-to-regexp|tsscmp/, "Receiver (Bolt, node:http)"],
  [/\/src\//, "App code (listeners, services, domain)"],
];

/** Milliseconds of CPU per bucket in a profile (idle time left out). */
export function bucketsOf(profile: CpuProfile): Map<Bucket, number> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const bucketOf = new Map<number, Bucket | null>();
  const classify = (id: number): Bucket | null => {
    const known = bucketOf.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    let found: Bucket | null = null;
    if (node) {
      const { functionName, url } = node.callFrame;
      // Idle time, and the profiler's own start and stop, are no request's.
      if (functionName === "(idle)" || (/^(start|stop)Profile$/.test(functionName) && url.endsWith("/bench/target.ts"))) found = null;
      else if (functionName === "(garbage collector)") found = "Garbage collection";
      else if (functionName === "(program)" || functionName === "(root)") found = "V8, not attributed";
      else {
        const rule = RULES.find(([pattern]) => pattern.test(url) || pattern.test(functionName));
        if (rule) found = rule[1];
        else {
          const up = parent.get(id);
          const above = up === undefined ? "Node.js internals" : classify(up);
          found = above === "V8, not attributed" ? "Node.js internals" : above;
        }
      }
    }
    bucketOf.set(id, found);
    return found;
  };
  const totals = new Map<Bucket, number>();
  profile.samples.forEach((id, i) => {
    const bucket = classify(id);
    if (bucket) totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

type Kind = "button" | "message" | "view";
const LABELS: Record<Kind, string> = {
  view: "View submission (opens a case)",
  message: "Message event (engineer's answer)",
  button: "Button (resolves a case)",
};

interface Measured { perRequest: Map<Bucket, number>; total: number }

async function profileRun(world: World, label: string, requests: SignedRequest[]): Promise<Measured> {
  await world.target.drain();
  await world.target.profileStart();
  for (const req of requests) {
    const answer = await world.endpoint.post(req);
    req.answered?.(answer);
    if (answer.status !== 200) throw new Error(`a profiled request was answered ${answer.status}`);
  }
  // What the requests set off (the outbox's Slack calls) belongs to them.
  await sleep(100);
  await world.target.drain();
  const cpu = await world.target.profileStop<CpuProfile>();
  // BENCH_PROFILE_DIR=<dir> keeps each profile, to open in Chrome DevTools or VS Code.
  if (process.env.BENCH_PROFILE_DIR) writeFileSync(join(process.env.BENCH_PROFILE_DIR, `${label}.cpuprofile`), JSON.stringify(cpu));
  const buckets = bucketsOf(cpu);
  const perRequest = new Map([...buckets].map(([b, msTotal]) => [b, msTotal / requests.length]));
  return { perRequest, total: [...perRequest.values()].reduce((a, b) => a + b, 0) };
}

export async function profile(options: { quick: boolean; log: (line: string) => void }): Promise<SectionResult> {
  const n = options.quick ? 60 : 300;
  const warmup = options.quick ? 30 : 100;
  const results = new Map<string, Measured>();
  let sampleRoot: ReturnType<typeof rootMessage> | null = null;
  for (const kind of ["sqlite", "bare"] as TargetKind[]) {
    options.log(`profile: ${kind}`);
    const world = await startWorld(kind, { customers: kind === "bare" ? 0 : 8 });
    try {
      const customers = world.customers;
      const open = (i: number) => {
        const c = customers[i % Math.max(1, customers.length)];
        return world.requests.openCaseSubmission(c?.person ?? { userId: "U0CUST0001", teamId: "T0CUST0001" }, c?.channelId ?? "C0BENCH0001", `プロファイル ${i}`, 10_000);
      };
      // Warm-up: every code path compiled and optimised before the profile starts.
      for (let i = 0; i < warmup; i++) await world.endpoint.post(world.requests.slashCommand(Commands.support, engineer, "C0BENCH0001"));
      for (let i = 0; i < warmup; i++) {
        const submission = await open(i);
        submission.answered?.(await world.endpoint.post(submission));
      }
      results.set(`${kind}/view`, await profileRun(world, `${kind}-view`, await Promise.all(Array.from({ length: n }, (_, i) => open(warmup + i)))));
      const cases = kind === "bare" ? [] : await openCases(world, warmup + n);
      if (kind !== "bare" && cases.length < warmup + n) throw new Error(`only ${cases.length} cases were opened`);
      sampleRoot ??= cases[0] ? rootMessage(world, cases[0]) : null;
      const reply = (i: number) => world.requests.threadReply(engineer, cases[i]?.channelId ?? "C0BENCH0001", cases[i]?.rootTs ?? "1764000000.000100", "ログを拝見しました。設定をご確認いただけますでしょうか。");
      const resolve = (i: number) => {
        const root = cases[i] ? rootMessage(world, cases[i]) : sampleRoot;
        if (!root) throw new Error("no root message to click");
        return world.requests.resolveClick(engineer, cases[i]?.channelId ?? "C0BENCH0001", root, cases[i]?.id ?? i + 1);
      };
      for (let i = 0; i < warmup; i++) await world.endpoint.post(reply(i));
      results.set(`${kind}/message`, await profileRun(world, `${kind}-message`, Array.from({ length: n }, (_, i) => reply(warmup + i))));
      for (let i = 0; i < warmup; i++) await world.endpoint.post(resolve(i));
      results.set(`${kind}/button`, await profileRun(world, `${kind}-button`, Array.from({ length: n }, (_, i) => resolve(warmup + i))));
    } finally {
      await world.close();
    }
  }
  const cell = (value: number | undefined) => (value && value >= 0.005 ? value.toFixed(2) : "");
  const kinds: Kind[] = ["view", "message", "button"];
  const body: string[] = [];
  for (const kind of kinds) {
    const app = results.get(`sqlite/${kind}`)!;
    const bare = results.get(`bare/${kind}`)!;
    body.push(`**${LABELS[kind]}**: ${app.total.toFixed(2)} ms of CPU per request in the app (SQLite), ${bare.total.toFixed(2)} ms in the bare Bolt app (${(app.total / bare.total).toFixed(1)}×).`, "");
    body.push(...table(["Where", "App, ms per request", "Share", "Bare Bolt, ms per request"], BUCKETS
      .filter((b) => (app.perRequest.get(b) ?? 0) >= 0.005 || (bare.perRequest.get(b) ?? 0) >= 0.005)
      .map((b) => [b, cell(app.perRequest.get(b)), `${Math.round(((app.perRequest.get(b) ?? 0) / app.total) * 100)}%`, cell(bare.perRequest.get(b))])));
    body.push("");
  }
  const button = results.get("sqlite/button")!;
  const top = [...button.perRequest].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([b, v]) => `${b} (${Math.round((v / button.total) * 100)}%)`);
  options.log(`profile: ${kinds.map((k) => `${k} ${results.get(`sqlite/${k}`)!.total.toFixed(2)} ms vs bare ${results.get(`bare/${k}`)!.total.toFixed(2)} ms`).join(", ")}`);
  return {
    id: "profile", title: "Where one request's CPU goes",
    method: [
      `V8's sampling profiler (every 100 µs, through node:inspector) runs in the process under measurement while it handles ${n} requests of one kind, ` +
        `one at a time, after ${warmup} of the same kind as warm-up; the profile stops once the outbox has delivered everything they set off, so ` +
        "a request's Slack messages are part of its cost. Each sample is charged to the first frame, from the sampled one up through its callers, " +
        "that belongs to a part of the stack (Node's own modules belong to whoever called them, except the HMAC of the signature check); idle time is left out. " +
        "The bare Bolt app (same receiver, same signing, handlers that only ack) handles the same requests in the same run. The Slack stand-in and " +
        "the load generator run in the benchmark's own process, so their CPU is not in these figures.",
    ],
    body,
    goals: [],
    findings: [
      `Resolving a case costs ${button.total.toFixed(2)} ms of one core in all; the largest parts are ${top.join(", ")}.`,
      "What is left, and why it stays for now. *Slack Web API client*: the calls go through undici's `request` (not the " +
        "global fetch, which costs about three times as much per call); what remains is the Web API client's own work " +
        "(its queue, retries, the form encoding of every block) times the dozen calls a case makes. *Driver*: on SQLite " +
        "this includes the sync of the write-ahead log at every commit, on the thread that answers Slack (about 0.5 ms " +
        "a commit on this machine's disk, a tenth of that without it); it is kept, since an event answered as received " +
        "must survive a power cut, not only a crash of the process. Each statement is compiled once and run again " +
        "afterwards (SQLite keeps the compiled statements, src/db/statement-cache.ts; PostgreSQL's connections keep " +
        "named ones, src/db/statement-names.ts). *ORM*: what is left is Prisma's raw-query path (building the " +
        "statement and decoding its rows), since the reads and writes on the path of every case are raw SQL behind " +
        "their repositories (*Where the time goes*); the ORM's own planning and interpreting now runs only off that path.",
    ],
  };
}

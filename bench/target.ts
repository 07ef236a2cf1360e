// The process under measurement, started by the benchmark with fork(): either the real app (startApp, the same
// composition root as `npm start`), the app split in two (`split`: this process is the web process, APP_ROLE=web,
// and forks a worker, APP_ROLE=worker, beside it on the same database), or a bare Bolt app with the same
// HTTPReceiver and signing whose handlers only ack. It runs apart from the load generator so that the two do not
// share an event loop, and so that its RSS is its own. It answers a few commands over the IPC channel.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Session } from "node:inspector/promises";
import type { Server } from "node:http";
import { getHeapSpaceStatistics } from "node:v8";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { RunningProcess } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { boltLogger } from "../src/slack/bolt-logger.ts";
import { Actions, Commands, Views } from "../src/slack/ids.ts";

export interface TargetSpec {
  /** `worker` is started by a `split` target for itself, never by the benchmark. */
  mode: "app" | "bare" | "split" | "worker" | "thread";
  slackApiUrl: string;
  signingSecret: string;
  botToken: string;
  databaseUrl: string;
  engineers: string[];
  managers: string[];
  triageChannel: string;
}

export type TargetCommand = { id: number; cmd: "stats" | "gc" | "drain" | "stop" | "profile-start" | "profile-stop" };

export interface TargetStats {
  rss: number;
  /** Anonymous memory in the RSS (heaps, allocator arenas), from /proc/self/status; null off Linux. */
  rssAnon: number | null;
  heapUsed: number;
  /** The part of heapUsed that is compiled code, which grows as V8 optimises more of the app and then levels off. */
  codeUsed: number;
  heapTotal: number;
  external: number;
  warnings: number;
  errors: number;
  firstProblems: string[];
}

const spec = JSON.parse(process.env.BENCH_TARGET ?? "{}") as TargetSpec;
let warnings = 0;
let errors = 0;
const firstProblems: string[] = [];
// The real logger at the production level, writing to stdout (which the parent points at /dev/null), so its cost
// is part of what is measured; warnings and errors are counted so the report can say whether anything went wrong.
function count(line: string): void {
  const level = /"level":"(warn|error)"/.exec(line)?.[1];
  if (level === "warn") warnings += 1;
  if (level === "error") errors += 1;
  if (level && firstProblems.length < 5) firstProblems.push(line.slice(0, 400));
  process.stdout.write(`${line}\n`);
}
const logger = createLogger("info", count);

interface Started { port: number; drain(): Promise<void>; stop(): Promise<void>; problems(): Promise<Pick<TargetStats, "warnings" | "errors" | "firstProblems">> }

const ownProblems = () => Promise.resolve({ warnings, errors, firstProblems: [...firstProblems] });

async function startBare(): Promise<Started> {
  const bolt = boltLogger(logger);
  const receiver = new HTTPReceiver({ signingSecret: spec.signingSecret, endpoints: "/slack/events", logger: bolt });
  const app = new App({
    token: spec.botToken, receiver, logger: bolt,
    clientOptions: { slackApiUrl: spec.slackApiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR },
  });
  app.command(Commands.support, async ({ ack }) => ack());
  app.view(Views.openCase, async ({ ack }) => ack());
  app.action(Actions.resolve, async ({ ack }) => ack());
  app.event("message", async () => undefined);
  const server = await app.start(0) as unknown as Server;
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("bare Bolt app has no port");
  return { port: address.port, drain: () => Promise.resolve(), stop: async () => { await app.stop(); }, problems: ownProblems };
}

function appEnv(role: "all" | "web" | "worker"): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: spec.botToken, SLACK_SIGNING_SECRET: spec.signingSecret, SLACK_API_URL: spec.slackApiUrl,
    PORT: "0", DATABASE_URL: spec.databaseUrl, SUPPORT_ENGINEERS: spec.engineers.join(","), SUPPORT_MANAGERS: spec.managers.join(","),
    TRIAGE_CHANNEL: spec.triageChannel, LOG_LEVEL: "info", APP_ROLE: role,
  };
}

async function startReal(role: "all" | "web" | "worker"): Promise<RunningProcess> {
  // Imported here, so that the bare app's process does not load the app's code and its baseline is Bolt alone.
  const { loadConfig } = await import("../src/config.ts");
  const { startProcess } = await import("../src/app.ts");
  const config = loadConfig(appEnv(role));
  // Slack paces a channel at about one message a second; that limit is Slack's, not the app's, so the
  // benchmark delivers without pacing (as the test harness does) to measure what the app itself can do.
  const running = await startProcess({ config, logger, channelIntervalMs: 0 });
  if (running.port === null) throw new Error("the app did not bind an HTTP port");
  return running;
}

async function startOne(role: "all" | "worker"): Promise<Started> {
  const running = await startReal(role);
  return { port: running.port!, drain: () => running.drain(), stop: () => running.stop(), problems: ownProblems };
}

/** The app behind a receiving thread: this thread takes the requests, the app runs in a worker thread. */
async function startThreaded(): Promise<Started> {
  const { loadConfig } = await import("../src/config.ts");
  const { startFront } = await import("../src/roles/front.ts");
  const env = { ...appEnv("all"), RECEIVER_THREAD: "true" };
  // The app thread's log lines are counted as this process's own are.
  const front = await startFront(loadConfig(env), logger, { env, tuning: { channelIntervalMs: 0 }, onOutput: count });
  if (front.port === null) throw new Error("the receiving thread did not bind an HTTP port");
  return { port: front.port, drain: () => front.drain(), stop: () => front.stop(), problems: ownProblems };
}

/** The worker of a split target: a process of its own, driven over IPC like this one. */
function forkWorker(): Promise<{ child: ChildProcess; command<T>(cmd: TargetCommand["cmd"]): Promise<T> }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, BENCH_TARGET: JSON.stringify({ ...spec, mode: "worker" } satisfies TargetSpec) },
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
    child.on("message", (raw: unknown) => {
      const msg = raw as { ready?: boolean; id?: number; result?: unknown; error?: string };
      if (msg.ready) {
        resolve({
          child,
          command: <T>(cmd: TargetCommand["cmd"]) => new Promise<T>((done, fail) => {
            const id = nextId++;
            waiting.set(id, { resolve: done as (v: unknown) => void, reject: fail });
            child.send({ id, cmd } satisfies TargetCommand);
          }),
        });
        return;
      }
      if (msg.id === undefined) return;
      const waiter = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error !== undefined) waiter?.reject(new Error(msg.error));
      else waiter?.resolve(msg.result);
    });
  });
}

async function startSplit(): Promise<Started> {
  const worker = await forkWorker();
  const web = await startReal("web");
  return {
    port: web.port!,
    // The web process's part is done once its events are kept; the worker handles and delivers them.
    drain: async () => {
      await web.drain();
      await worker.command("drain");
    },
    stop: async () => {
      await web.stop();
      await worker.command("stop").catch(() => undefined);
    },
    problems: async () => {
      const theirs = await worker.command<TargetStats>("stats");
      return { warnings: warnings + theirs.warnings, errors: errors + theirs.errors, firstProblems: [...firstProblems, ...theirs.firstProblems].slice(0, 5) };
    },
  };
}

function rssAnon(): number | null {
  try {
    const kb = /RssAnon:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** This process's memory (a split target's: the web process's), and what every process of the target logged. */
async function stats(): Promise<TargetStats> {
  const m = process.memoryUsage();
  const codeUsed = getHeapSpaceStatistics().filter((s) => s.space_name.startsWith("code")).reduce((sum, s) => sum + s.space_used_size, 0);
  return {
    rss: m.rss, rssAnon: rssAnon(), heapUsed: m.heapUsed, codeUsed, heapTotal: m.heapTotal, external: m.external,
    ...(await started.problems()),
  };
}

const started: Started = spec.mode === "bare" ? await startBare() : spec.mode === "split" ? await startSplit()
  : spec.mode === "thread" ? await startThreaded() : await startOne(spec.mode === "worker" ? "worker" : "all");
// A CPU profile of this process between two commands, sampled every 100 µs: where a request's CPU goes.
const profiler = new Session();
async function startProfile(): Promise<void> {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
  await profiler.post("Profiler.start");
}
async function stopProfile(): Promise<unknown> {
  const { profile } = await profiler.post("Profiler.stop");
  await profiler.post("Profiler.disable");
  profiler.disconnect();
  return profile;
}
/**
 * The drain between two waves, tried again when it fails: on PostgreSQL the outbox's marking of a round may meet a
 * case's transaction in a deadlock the server breaks by aborting it, which the app's dispatcher survives by its next
 * pass, and the benchmark should too.
 */
async function drainRetrying(): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await started.drain();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      logger.warn("drain failed; trying again", { error: error instanceof Error ? error.message.slice(-200) : String(error) });
    }
  }
}

process.on("message", (raw: unknown) => {
  const { id, cmd } = raw as TargetCommand;
  const answer = (result: unknown) => process.send?.({ id, result });
  const fail = (error: unknown) => process.send?.({ id, error: error instanceof Error ? error.message : String(error) });
  if (cmd === "stats") stats().then(answer, fail);
  else if (cmd === "gc") {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    stats().then(answer, fail);
  } else if (cmd === "drain") {
    drainRetrying().then(() => answer(null), fail);
  } else if (cmd === "profile-start") {
    startProfile().then(() => answer(null), fail);
  } else if (cmd === "profile-stop") {
    stopProfile().then(answer, fail);
  } else if (cmd === "stop") {
    started.stop().then(() => {
      answer(null);
      process.exit(0);
    }, fail);
  }
});
process.send?.({ ready: true, port: started.port });

// One system under measurement: the Slack stand-in (in this process, so trigger ids can be issued synchronously),
// a fresh database (a temporary SQLite file, or a schema of its own on the PostgreSQL server, dropped afterwards),
// and the app (in one process, or as a web process and a worker) or the bare Bolt app in a child process.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../src/domain/calendar.ts";
import { systemClock } from "../src/clock.ts";
import { WebClient } from "@slack/web-api";
import { silentLogger } from "../src/logger.ts";
import type { ServiceDeps } from "../src/services/deps.ts";
import { slackWorkspaces } from "../src/slack/workspaces.ts";
import { registerContract } from "../src/services/register-contract.ts";
import { createTestDatabase, type TestDatabase } from "../test/support/database.ts";
import { ENGINEER, HOME_TEAM, MANAGER, TRIAGE_CHANNEL } from "../test/support/harness.ts";
import { startSlackStandIn, type SlackStandIn } from "../tools/slack-sim/index.ts";
import { Endpoint } from "./load.ts";
import { SlackRequests, type Person } from "./payloads.ts";
import type { TargetCommand, TargetSpec, TargetStats } from "./target.ts";

const SIGNING_SECRET = "bench-signing-secret";
const BOT_TOKEN = "xoxb-bench-token";

/**
 * `-split`: the app as a web process (APP_ROLE=web) with a worker (APP_ROLE=worker) beside it on the same database.
 * `-thread`: the app in one process as it starts by default, behind its receiving thread (Slack's requests on the
 * main thread, the app in a worker thread). `sqlite` and `postgresql`: the app on one thread (RECEIVER_THREAD=false).
 */
export type TargetKind = "bare" | "sqlite" | "postgresql" | "sqlite-split" | "postgresql-split" | "sqlite-thread" | "postgresql-thread";

/** The database of a kind of target (null for the bare Bolt app). */
export function providerOf(kind: TargetKind): "sqlite" | "postgresql" | null {
  return kind === "bare" ? null : kind.startsWith("postgresql") ? "postgresql" : "sqlite";
}

export interface Customer { customerId: number; channelId: string; person: Person }

export const engineer: Person = { userId: ENGINEER, teamId: HOME_TEAM };
export const manager: Person = { userId: MANAGER, teamId: HOME_TEAM };

export class Target {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(readonly child: ChildProcess, readonly port: number) {
    child.on("message", (raw: unknown) => {
      const msg = raw as { id?: number; result?: unknown; error?: string };
      if (msg.id === undefined) return;
      const waiter = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error !== undefined) waiter?.reject(new Error(msg.error));
      else waiter?.resolve(msg.result);
    });
  }

  command<T>(cmd: TargetCommand["cmd"]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd } satisfies TargetCommand);
    });
  }

  stats(): Promise<TargetStats> {
    return this.command<TargetStats>("stats");
  }

  /** Stats after two full garbage collections, so heap figures compare like with like. */
  statsAfterGc(): Promise<TargetStats> {
    return this.command<TargetStats>("gc");
  }

  drain(): Promise<void> {
    return this.command<void>("drain");
  }

  /** Starts sampling the process's CPU; profileStop() returns the profile (Chrome DevTools' .cpuprofile format). */
  profileStart(): Promise<void> {
    return this.command<void>("profile-start");
  }

  profileStop<T>(): Promise<T> {
    return this.command<T>("profile-stop");
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await Promise.race([this.command("stop").catch(() => undefined), exited]);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

export function spawnTarget(spec: TargetSpec, nodeFlags: string[] = []): Promise<Target> {
  const entry = fileURLToPath(new URL("./target.ts", import.meta.url));
  const child = fork(entry, [], {
    // BENCH_CPU_PROF=<dir> writes a CPU profile of each process under measurement, to see where its time goes.
    execArgv: ["--import", "tsx", "--expose-gc", ...nodeFlags, ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, BENCH_TARGET: JSON.stringify(spec) },
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the ${spec.mode} process exited with ${code} before it was ready`));
    child.once("exit", onExit);
    child.once("error", reject);
    child.on("message", function ready(raw: unknown) {
      const msg = raw as { ready?: boolean; port?: number };
      if (!msg.ready || msg.port === undefined) return;
      child.off("message", ready);
      child.off("exit", onExit);
      resolve(new Target(child, msg.port));
    });
  });
}

export interface World {
  kind: TargetKind;
  slack: SlackStandIn;
  requests: SlackRequests;
  target: Target;
  endpoint: Endpoint;
  /** Null for the bare Bolt app, which has no database. */
  database: TestDatabase | null;
  /** Services run from the benchmark process itself (registration, direct measurements). */
  deps: ServiceDeps | null;
  customers: Customer[];
  close(): Promise<void>;
}

export async function startWorld(kind: TargetKind, options: { customers?: number; nodeFlags?: string[] } = {}): Promise<World> {
  const slack = await startSlackStandIn({ token: BOT_TOKEN, teamId: HOME_TEAM });
  const provider = providerOf(kind);
  const database = provider === null ? null : await createTestDatabase(provider);
  const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
  // Registration reads each channel's Slack Connect workspaces from the stand-in, as the app does from Slack, so
  // every benchmark customer is its channel's registered customer workspace.
  const workspaces = slackWorkspaces(new WebClient(BOT_TOKEN, { slackApiUrl: slack.url }), HOME_TEAM, silentLogger);
  const deps: ServiceDeps | null = database ? { db: database.db, clock: systemClock, calendar, triageChannel: TRIAGE_CHANNEL, workspaces } : null;
  const customers: Customer[] = [];
  if (deps) {
    const today = calendar.localDate(systemClock.now());
    for (let i = 1; i <= (options.customers ?? 0); i++) {
      const channelId = `C0BENCH${String(i).padStart(4, "0")}`;
      const teamId = `T0CUST${String(i).padStart(4, "0")}`;
      const customerName = `ベンチマーク株式会社 ${i}`;
      slack.setChannel({ id: channelId, is_ext_shared: true, connected_team_ids: [HOME_TEAM, teamId] });
      // Slack describes a workspace connected to one of the app's channels (team.info), as it does in production.
      slack.setTeam({ id: teamId, name: customerName });
      const registered = await registerContract(deps, {
        customerName, channelIds: [channelId], incidents: 10_000, confirmedOn: today, actorId: MANAGER,
      });
      if (!registered.ok) throw new Error(`registration failed: ${JSON.stringify(registered.errors)}`);
      customers.push({ customerId: registered.customerId, channelId, person: { userId: `U0CUST${String(i).padStart(4, "0")}`, teamId } });
    }
  }
  const target = await spawnTarget({
    mode: kind === "bare" ? "bare" : kind.endsWith("-split") ? "split" : kind.endsWith("-thread") ? "thread" : "app", slackApiUrl: slack.url, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN,
    databaseUrl: database?.url ?? "file:./unused.db", engineers: [engineer.userId], managers: [manager.userId], triageChannel: TRIAGE_CHANNEL,
  }, options.nodeFlags);
  const endpoint = new Endpoint(target.port);
  await target.drain();
  return {
    kind, slack, target, endpoint, database, deps, customers,
    requests: new SlackRequests(slack, SIGNING_SECRET, HOME_TEAM),
    async close() {
      endpoint.close();
      await target.stop();
      await slack.close();
      await database?.drop();
    },
  };
}

/** Calls the stand-in refused (what Slack would have refused), counted before the stand-in forgets them. */
export function refusedCalls(slack: SlackStandIn): { count: number; first: string | null } {
  const refused = slack.calls.filter((c) => !c.ok);
  return { count: refused.length, first: refused[0] ? `${refused[0].method}: ${refused[0].error ?? "?"}` : null };
}

/** Counts the stand-in's answered calls to some methods, reading only the calls made since it last looked. */
export class CallCounter {
  private seen = 0;
  private counted = 0;
  constructor(private readonly slack: SlackStandIn, private readonly methods: ReadonlySet<string>) {
    this.seen = slack.calls.length;
  }

  get count(): number {
    const calls = this.slack.calls;
    for (; this.seen < calls.length; this.seen++) if (this.methods.has(calls[this.seen]!.method)) this.counted += 1;
    return this.counted;
  }

  /** Waits until `n` such calls were made; false if that took longer than `timeoutMs`. */
  async waitFor(n: number, timeoutMs = 5_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.count < n) {
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return true;
  }
}

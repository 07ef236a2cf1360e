// Several app processes on one PostgreSQL database behind one Slack stand-in, as a load balancer would run them:
// each replica is a real process (the receiver, the outbox dispatcher and, where enabled, the scheduler), the
// stand-in and the database are shared, and one clock of the test's sets every replica's time (each may be skewed).
// A replica may also run one role (APP_ROLE web or worker), on PostgreSQL or on one SQLite file.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { expect } from "vitest";
import type { AppRole } from "../../src/config.ts";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { openCase } from "../../src/services/open-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { OUTBOX_EVENT_TYPE } from "../../src/slack/outbox/post-once.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createDriver, type Driver } from "../support/driver.ts";
import { startSlackStandIn, type SlackStandIn } from "../support/slack-api.ts";

export const HOME_TEAM = "T0HOME";
export const ENGINEER = "U0ENG1";
export const MANAGER = "U0MGR1";
export const TRIAGE = "C0TRIAGE";
const SIGNING_SECRET = "replica-signing-secret";
const BOT_TOKEN = "xoxb-replica-token";

export interface Replica {
  name: string;
  role: AppRole;
  driver: Driver;
  child: ChildProcess;
  /** Whether the process is still there (false once killed or stopped). */
  alive(): boolean;
  stderr(): string;
}

export interface ReplicaWorld {
  slack: SlackStandIn;
  database: TestDatabase;
  clock: TestClock;
  replicas: Replica[];
  /** Starts one more replica (a worker taking over from one killed, say). */
  add(role: AppRole, skewMs?: number): Promise<Replica>;
  /** Sets the time of every live replica (and the stand-in's), each with its own skew, and waits until they show it. */
  setTime(at: string | Date): Promise<void>;
  registerCustomer(input: { name: string; channelId: string; team: string; incidents?: number }): Promise<{ customerId: number; contractId: number }>;
  /** A case opened through the service, as the entry button's modal would (its messages go out through the replicas). */
  openCase(channelId: string, customerId: string, title: string): Promise<number>;
  /** Waits until every message written so far went out (none waiting, none failed or held). */
  settled(): Promise<void>;
  kill(replica: Replica): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  /** Clock skew of each replica in milliseconds; one replica per entry. */
  skewsMs: number[];
  schedulerEnabled: boolean;
  start: string;
  /** The role of each replica (default: all of them `all`). */
  roles?: AppRole[];
  /** Default PostgreSQL: several processes of the role `all` share a database only there. */
  provider?: "sqlite" | "postgresql";
  /** Where a replica of a role calls Slack's Web API (default: the stand-in itself). */
  slackUrl?: (role: AppRole, standIn: string) => string;
}

/** "2027-01-21 10:00" Tokyo time → the instant. */
export function tokyo(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+09:00`);
}

// tsx as a loader inside one node process: its CLI would run the script in a child process that a kill of the
// parent leaves running.
const TSX = ["--import", "tsx"];

export async function startReplicas(options: ReplicaOptions): Promise<ReplicaWorld> {
  const clock = new TestClock(options.start);
  const slack = await startSlackStandIn({ token: BOT_TOKEN, teamId: HOME_TEAM, now: () => clock.now().getTime() });
  for (const id of [ENGINEER, MANAGER]) slack.setUser({ id, team_id: HOME_TEAM });
  const database = await createTestDatabase(options.provider ?? "postgresql");
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_TEAM_ID: HOME_TEAM,
    PORT: "0", DATABASE_URL: database.url, SUPPORT_ENGINEERS: ENGINEER, SUPPORT_MANAGERS: MANAGER, TRIAGE_CHANNEL: TRIAGE,
    LOG_LEVEL: "error", SCHEDULER_ENABLED: String(options.schedulerEnabled), SCHEDULER_INTERVAL_SECONDS: "1",
  };
  const echoes: Array<Map<string, () => void>> = [];
  const replicas: Replica[] = [];
  // Kept events are handled by the replicas of the role `all` and by workers, not by web processes.
  const handlersAlive = () => replicas.some((r) => r.role !== "web" && r.alive());
  const spawnReplica = (index: number, skew: number, role: AppRole) => new Promise<Replica>((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, "test/replicas/app-process.ts", clock.now().toISOString()], {
      env: { ...env, APP_ROLE: role, SLACK_API_URL: options.slackUrl?.(role, slack.url) ?? slack.url, REPLICA_CLOCK_SKEW_MS: String(skew) }, stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`replica ${index} exited (${code}) before it was ready:\n${stderr}`)));
    const waiting = new Map<string, () => void>();
    echoes[index] = waiting;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const ready = /^ready (\d+)$/.exec(line);
      if (ready) {
        const alive = () => child.exitCode === null && child.signalCode === null;
        // A replica answers a message once it has kept it and records it right after (a web process leaves that to
        // a worker): the driver returns once the kept event is handled, or once nothing is left alive that could
        // handle it (then a replica started later, or another one, handles it once its lease runs out).
        const afterEvent = async (eventId: string) => {
          for (;;) {
            const kept = await database.db.client.inboundEvent.findUnique({ where: { eventId }, select: { doneAt: true, failedAt: true } });
            if (!kept || kept.doneAt || kept.failedAt || !alive() || !handlersAlive()) return;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        };
        const driver = createDriver({ baseUrl: `http://127.0.0.1:${ready[1]}`, signingSecret: SIGNING_SECRET, slack, homeTeamId: HOME_TEAM, afterEvent });
        resolve({ name: `${role === "all" ? "replica" : role} ${index + 1}`, role, driver, child, alive, stderr: () => stderr });
      }
      waiting.get(line)?.();
    });
  });
  replicas.push(...await Promise.all(options.skewsMs.map((skew, index) => spawnReplica(index, skew, options.roles?.[index] ?? "all"))));

  const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
  const deps: ServiceDeps = { db: database.db, clock, calendar, triageChannel: TRIAGE };
  const client = database.db.client;

  const setTime = async (at: string | Date) => {
    clock.set(at);
    const line = `at ${clock.now().toISOString()}`;
    await Promise.all(replicas.map((r, i) => !r.alive() ? Promise.resolve() : new Promise<void>((resolve) => {
      echoes[i]!.set(line, resolve);
      r.child.stdin!.write(`${line}\n`);
    })));
  };

  return {
    slack, database, clock, replicas,
    setTime,
    async add(role, skewMs = 0) {
      const replica = await spawnReplica(replicas.length, skewMs, role);
      replicas.push(replica);
      return replica;
    },
    async registerCustomer(input) {
      slack.setChannel({ id: input.channelId, is_ext_shared: true, connected_team_ids: [HOME_TEAM, input.team] });
      slack.setTeam({ id: input.team, name: input.name });
      const result = await registerContract(deps, {
        customerName: input.name, channelIds: [input.channelId], incidents: input.incidents ?? 20, confirmedOn: "2026-04-01",
        actorId: MANAGER, customerTeamId: input.team,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return { customerId: result.customerId, contractId: result.contractId };
    },
    async openCase(channelId, openedBy, title) {
      const result = await openCase(deps, { requestKey: `${channelId}:${title}`, channelId, openedBy, title, description: "ライセンス認証の画面でエラーが表示されます。", level: "normal" });
      if (!result.ok) throw new Error(`case refused: ${result.reason}`);
      return result.caseId;
    },
    async settled() {
      const waiting = () => client.outboxMessage.findMany({ where: { deliveredAt: null }, select: { id: true, channelId: true, kind: true, attempts: true, lastError: true, heldCause: true } });
      // Messages gathered to go out together a little later (a person's notifications) wait for their moment: when
      // nothing else is left, time moves on to it, as it would while people carry on.
      const deadline = performance.now() + 30_000;
      for (;;) {
        const rows = await waiting();
        if (rows.length === 0) return;
        const dueAt = (r: (typeof rows)[number]) => {
          const at = /^due at (\S+)$/.exec(r.lastError ?? "")?.[1];
          return at ? new Date(at).getTime() : NaN;
        };
        // A message behind one that waits for its moment, in the same channel (a person's later notification),
        // waits with it: delivery keeps each channel's order.
        const waitingChannels = new Set(rows.filter((r) => !Number.isNaN(dueAt(r))).map((r) => r.channelId));
        const later = rows.map(dueAt).filter((at) => !Number.isNaN(at));
        if (later.length && rows.every((r) => waitingChannels.has(r.channelId)) && Math.max(...later) > clock.now().getTime()) {
          await setTime(new Date(Math.max(...later) + 1_000));
        }
        if (performance.now() > deadline) expect(rows).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async kill(replica) {
      const exited = new Promise((resolve) => replica.child.once("exit", resolve));
      replica.child.kill("SIGKILL");
      await exited;
    },
    async close() {
      await Promise.all(replicas.filter((r) => r.alive()).map((r) => new Promise((resolve) => {
        r.child.once("exit", resolve);
        r.child.stdin!.write("stop\n");
        setTimeout(() => r.child.kill("SIGKILL"), 10_000).unref();
      })));
      await slack.close();
      await database.drop();
    },
  };
}

/** Each successful chat.postMessage the app made, with the outbox message it carried, in the order Slack took them. */
export function posts(slack: SlackStandIn): Array<{ channel: string; outboxId: number; part: number }> {
  return slack.calls.filter((c) => c.method === "chat.postMessage" && c.ok).map((c) => {
    const metadata = c.args.metadata as { event_type?: string; event_payload?: { outbox_id?: number; part?: number } } | undefined;
    if (metadata?.event_type !== OUTBOX_EVENT_TYPE) throw new Error(`a post without its outbox id: ${JSON.stringify(c.args).slice(0, 200)}`);
    return { channel: String(c.args.channel), outboxId: Number(metadata.event_payload?.outbox_id), part: Number(metadata.event_payload?.part ?? 1) };
  });
}

/**
 * What a person in Slack would notice of duplicates and reordering: every outbox message was delivered, none was
 * posted twice, and within each channel the posts about one case came in the order they were written. (Posts about
 * different cases in one channel come in the order their transactions committed: two replicas writing for two
 * cases at once draw outbox ids in one order and may commit in the other, and a row is delivered once it is there
 * to read. A case's own writes are ordered by its row lock, so its ids follow its commits.)
 */
export async function expectEachPostOnceInOrder(world: ReplicaWorld): Promise<void> {
  const rows = await world.database.db.client.outboxMessage.findMany({ select: { id: true, caseId: true, deliveredAt: true, failedAt: true, heldAt: true } });
  expect(rows.filter((r) => r.deliveredAt === null || r.failedAt !== null || r.heldAt !== null)).toEqual([]);
  const caseOf = new Map(rows.map((r) => [r.id, r.caseId]));
  const all = posts(world.slack);
  const keys = all.map((p) => `${p.outboxId}.${p.part}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  const byThread = new Map<string, number[]>();
  for (const p of all) {
    const key = `${p.channel} case ${caseOf.get(p.outboxId) ?? "none"}`;
    byThread.set(key, [...(byThread.get(key) ?? []), p.outboxId]);
  }
  for (const [thread, ids] of byThread) expect({ thread, ids }).toEqual({ thread, ids: [...ids].sort((a, b) => a - b) });
}

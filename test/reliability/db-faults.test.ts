// The database failing under the running app: SQLite's write lock held by another process for 7 s, the disk the
// SQLite file lives on filling up, PostgreSQL's backends terminated while the server cannot be reached (a restart or
// a fail-over). Through the real receiver and the real database. The app survives each (no unhandled rejection, it
// keeps answering), says so on /readyz (503 while writes fail, 200 once one succeeds), answers Slack's event with an
// error status while it cannot record the message, and records it exactly once when Slack delivers it again.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase, sqlitePath, type Database } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { silentLogger } from "../../src/logger.ts";
import { openCase } from "../../src/services/open-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, POSTGRES_URL, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";
import { createDriver, type Driver } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, TRIAGE_CHANNEL } from "../support/harness.ts";
import { startSlackStandIn, type SlackStandIn } from "../support/slack-api.ts";
import { startApiProxy, type ApiProxy } from "./api-proxy.ts";

const SECRET = "db-faults-signing-secret";
const TOKEN = "xoxb-db-faults-token";

interface Desk { running: RunningApp; driver: Driver; slack: SlackStandIn; db: Database; base: string; close(): Promise<void> }

/** The real app on a database of the test's choosing (a file on a small disk, a connection through a relay). */
async function startDesk(db: Database, url: string): Promise<Desk> {
  const slack = await startSlackStandIn({ token: TOKEN, teamId: HOME_TEAM });
  slack.setUser({ id: ENGINEER, team_id: HOME_TEAM });
  slack.setUser({ id: CUSTOMER, team_id: CUSTOMER_TEAM });
  // The customer's channel is shared with the customer's workspace, as the harness sets it up.
  slack.setTeam({ id: CUSTOMER_TEAM, name: "サンプル" });
  slack.setChannel({ id: CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM] });
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, SLACK_TEAM_ID: HOME_TEAM, PORT: "0",
    DATABASE_URL: url, SUPPORT_ENGINEERS: ENGINEER, SUPPORT_MANAGERS: MANAGER, TRIAGE_CHANNEL, LOG_LEVEL: "error", SCHEDULER_ENABLED: "false",
  });
  const running = await startApp({ config, clock: new TestClock("2026-11-24T01:00:00Z"), logger: silentLogger, database: db, channelIntervalMs: 0, outboxPollMs: 60_000 });
  const driver = createDriver({ baseUrl: `http://127.0.0.1:${running.port}`, signingSecret: SECRET, slack, homeTeamId: HOME_TEAM, afterEvent: () => running.events.settled() });
  const registered = await registerContract(running.deps, { customerName: "株式会社サンプル", channelIds: [CUSTOMER_CHANNEL], incidents: 10, confirmedOn: "2026-04-01", actorId: MANAGER });
  if (!registered.ok) throw new Error(JSON.stringify(registered));
  await running.dispatcher.drain();
  return {
    running, driver, slack, db, base: `http://127.0.0.1:${running.port}`,
    async close() {
      await running.stop();
      await slack.close();
    },
  };
}

/** A case with its root posted, and a customer's follow-up for it that Slack will deliver (again, if need be). */
async function caseWithThread(desk: Desk): Promise<{ caseId: number; root: string; followUp: (retryNum?: number) => ReturnType<Driver["message"]> }> {
  const opened = await openCase(desk.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "障害中の問い合わせ", description: "詳細", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  const caseId = opened.caseId;
  await desk.running.dispatcher.drain();
  const root = (await desk.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs;
  if (!root) throw new Error("the case message was not posted");
  const ts = desk.slack.nextTs();
  const eventId = `EvFAULT${randomBytes(4).toString("hex").toUpperCase()}`;
  return {
    caseId, root,
    followUp: (retryNum) => desk.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "追加の質問です。", threadTs: root, ts, eventId, ...(retryNum ? { retryNum } : {}) }),
  };
}

const readyz = async (desk: Desk) => {
  const res = await fetch(`${desk.base}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; error?: string } };
};
const recorded = (desk: Desk, caseId: number) => desk.db.client.caseMessage.count({ where: { caseId } });

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
  rejections.length = 0;
  process.on("unhandledRejection", onRejection);
});
afterEach(() => {
  process.off("unhandledRejection", onRejection);
  expect(rejections).toEqual([]);
});

if (TEST_PROVIDER !== "sqlite") console.info("db-faults: the SQLite write-lock and full-disk tests run on SQLite only (TEST_DATABASE is postgresql)");
if (TEST_PROVIDER !== "postgresql") console.info("db-faults: the terminated-backends test runs on PostgreSQL only (TEST_DATABASE=postgresql)");

describe.runIf(TEST_PROVIDER === "sqlite")("SQLite", () => {
  let database: TestDatabase | null = null;
  let desk: Desk | null = null;
  afterAll(async () => {
    await desk?.close();
    await database?.drop();
  });

  it("survives another process holding the write lock for 7 s: the event is refused, then recorded once when Slack delivers it again", async () => {
    database = await createTestDatabase("sqlite");
    desk = await startDesk(database.db, database.url);
    const { caseId, followUp } = await caseWithThread(desk);
    const holder = spawn(process.execPath, ["-e", `
      const db = require("better-sqlite3")(process.argv[1]);
      db.exec("BEGIN IMMEDIATE");
      process.stdout.write("locked\\n");
      setTimeout(() => { db.exec("ROLLBACK"); db.close(); }, 7000);
    `, sqlitePath(database.url)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    const released = new Promise((resolve) => holder.once("exit", resolve));
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));

    // SQLite waits its 5 s busy timeout, then gives up: Slack is told the event was not taken.
    const first = await followUp();
    expect(first.status).not.toBe(200);
    expect(await recorded(desk, caseId)).toBe(0);
    const during = await readyz(desk);
    expect(during.status).toBe(503);
    expect(during.body.status).toBe("database failing");
    expect((await fetch(`${desk.base}/healthz`)).status).toBe(200);

    await released;
    expect((await followUp(1)).status).toBe(200);
    expect(await recorded(desk, caseId)).toBe(1);
    expect((await readyz(desk)).status).toBe(200);
    // A third delivery (Slack's next retry) changes nothing.
    expect((await followUp(2)).status).toBe(200);
    expect(await recorded(desk, caseId)).toBe(1);
    await desk.running.dispatcher.drain();
    expect(await desk.db.client.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    await desk.close();
    desk = null;
  }, 60_000);

  it("survives a full disk: writes fail fast instead of hanging, /readyz says so, and all is well once there is room", async (context) => {
    const mount = mkdtempSync(join(tmpdir(), "incident-desk-full-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", mount], { stdio: "pipe" });
    } catch (error) {
      console.info(`full-disk test skipped: cannot mount a small tmpfs here (${String((error as Error).message).split("\n")[0]})`);
      rmSync(mount, { recursive: true, force: true });
      context.skip();
      return;
    }
    let fullDesk: Desk | null = null;
    let db: Database | null = null;
    try {
      mkdirSync(join(mount, "data"));
      const url = `file:${join(mount, "data", "desk.db")}`;
      db = await openDatabase(url);
      await migrate(db);
      fullDesk = await startDesk(db, url);
      const { caseId, followUp } = await caseWithThread(fullDesk);
      // Fill the disk, with the write-ahead log emptied first so that the next commit needs new room.
      await db.client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const filler = join(mount, "filler");
      const fd = openSync(filler, "w");
      try {
        const chunk = Buffer.alloc(64 * 1024);
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC: the disk is full.
      } finally {
        closeSync(fd);
      }

      const first = await followUp();
      expect(first.status).not.toBe(200);
      const during = await readyz(fullDesk);
      expect(during).toMatchObject({ status: 503, body: { status: "database failing" } });
      expect(during.body.error).toMatch(/full/i);
      // Later transactions fail too, at once: none waits on the one that failed.
      const started = performance.now();
      expect((await followUp(1)).status).not.toBe(200);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(await recorded(fullDesk, caseId)).toBe(0);

      rmSync(filler);
      expect((await followUp(2)).status).toBe(200);
      expect(await recorded(fullDesk, caseId)).toBe(1);
      expect((await readyz(fullDesk)).status).toBe(200);
      await fullDesk.running.dispatcher.drain();
      expect(await db.client.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    } finally {
      await fullDesk?.close();
      await db?.close();
      execFileSync("umount", [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.runIf(TEST_PROVIDER === "postgresql")("PostgreSQL", () => {
  it("survives its backends terminated while the server cannot be reached: /readyz 503, then 200, and the event recorded once when Slack delivers it again", async () => {
    const database = await createTestDatabase("postgresql");
    const relay: ApiProxy = await startApiProxy();
    relay.target = 5432;
    const appName = `desk_fault_${randomBytes(4).toString("hex")}`;
    const server = new URL(POSTGRES_URL);
    const url = `postgresql://${server.username}@127.0.0.1:${new URL(relay.url).port}${server.pathname}?schema=${database.schema}&application_name=${appName}`;
    const db = await openDatabase(url);
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const desk = await startDesk(db, url);
    try {
      const { caseId, followUp } = await caseWithThread(desk);
      // The server restarts: every connection of the app is cut, and new ones are refused for a while.
      const { rows } = await admin.query("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1", [appName]);
      await relay.stop();
      const terminated = (rows[0] as { n: number }).n;
      console.info(`backends terminated: ${terminated}`);
      expect(terminated).toBeGreaterThan(0);

      expect((await readyz(desk)).status).toBe(503);
      expect((await followUp()).status).not.toBe(200);
      desk.running.dispatcher.kick();
      expect((await fetch(`${desk.base}/healthz`)).status).toBe(200);

      await relay.start();
      await expect.poll(async () => (await readyz(desk)).status, { timeout: 15_000, interval: 250 }).toBe(200);
      expect((await followUp(1)).status).toBe(200);
      expect(await recorded(desk, caseId)).toBe(1);
      await desk.running.dispatcher.drain();
      expect(await db.client.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    } finally {
      await desk.close();
      await db.close();
      await admin.end();
      await relay.stop();
      await database.drop();
    }
  }, 60_000);
});

// The demo's stage: the real app (startApp, the real Bolt HTTP receiver on a loopback port, a real database) and,
// in place of Slack, the Web API stand-in and the signed-request driver the test suites use too (tools/slack-sim).
// They refuse what Slack would refuse and click only buttons the app really posted, so what the demo shows is what
// the product does. Nothing here is used by the app itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { startApp, type RunningApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { silentLogger } from "../logger.ts";
import { createDriver, startSlackStandIn, TestClock, type Driver, type SlackStandIn } from "../../tools/slack-sim/index.ts";

/** T4U's workspace, where the app is installed; the customer belongs to a workspace of its own (Slack Connect). */
const HOME_TEAM = "T0T4U";
export const People = {
  manager: { id: "U0MGR1", team: HOME_TEAM },
  engineer: { id: "U0ENG1", team: HOME_TEAM },
  customer: { id: "U0CUST1", team: "T0SAMPLE" },
} as const;
export type Role = keyof typeof People;
export const CUSTOMER_CHANNEL = "C0SAMPLE";
export const TRIAGE_CHANNEL = "C0TRIAGE";
export const MANAGERS_CHANNEL = "C0MANAGERS";
const SIGNING_SECRET = "demo-signing-secret";
const BOT_TOKEN = "xoxb-demo-token";
const TIMEZONE = "Asia/Tokyo";

/** A database for one run and how to get rid of it afterwards. */
export interface DemoDatabase { db: Database; drop(): Promise<void> }

/** A SQLite file in a temporary folder, deleted with the folder when the demo ends. */
export async function temporarySqlite(): Promise<DemoDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "incident-desk-demo-"));
  const db = await openDatabase(`file:${join(dir, "demo.db")}`);
  return {
    db,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface World {
  slack: SlackStandIn;
  driver: Driver;
  running: RunningApp;
  clock: TestClock;
  db: Database;
  /** Moves the clock to a local time in Tokyo ("2026-11-24T10:02"). */
  at(local: string): void;
  /** The local time of the clock. */
  local(): DateTime;
  /** Delivers everything the app has written to its outbox. */
  drain(): Promise<void>;
  /** Waits until `check` holds: the app answers Slack first and does the work after. */
  until(what: string, check: () => boolean | Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(options: { start: string; database: DemoDatabase; lang?: "ja" | "en" }): Promise<World> {
  const clock = new TestClock(DateTime.fromISO(options.start, { zone: TIMEZONE }).toJSDate());
  // Slack's message times follow the demo's clock, so a reply written "three days later" carries that time.
  const slack = await startSlackStandIn({ token: BOT_TOKEN, teamId: HOME_TEAM, now: () => clock.now().getTime() });
  // Everyone reads Slack in the demo's language, so what only they see (ephemerals, modals) is in it too.
  const locale = options.lang === "en" ? "en-US" : "ja-JP";
  for (const person of Object.values(People)) slack.setUser({ id: person.id, team_id: person.team, locale });
  // The sample customer's channel is a Slack Connect channel shared with the customer's workspace.
  slack.setChannel({ id: CUSTOMER_CHANNEL, name: "sample-support", is_ext_shared: true, connected_team_ids: [HOME_TEAM, People.customer.team] });
  slack.setTeam({ id: People.customer.team, name: "株式会社サンプル" });
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, SLACK_TEAM_ID: HOME_TEAM,
    PORT: "0", DATABASE_URL: "file:unused.db", SUPPORT_ENGINEERS: People.engineer.id, SUPPORT_MANAGERS: People.manager.id,
    TRIAGE_CHANNEL, BUSINESS_TIMEZONE: TIMEZONE, LOG_LEVEL: "error",
    // The demo runs the scheduler's passes itself, after moving the clock.
    SCHEDULER_ENABLED: "false",
  });
  let running: RunningApp;
  try {
    running = await startApp({ config, clock, logger: silentLogger, database: options.database.db, channelIntervalMs: 0, outboxPollMs: 60_000, homeRefreshMs: 60_000 });
  } catch (error) {
    await slack.close();
    throw error;
  }
  const driver = createDriver({ baseUrl: `http://127.0.0.1:${running.port}`, signingSecret: SIGNING_SECRET, slack, homeTeamId: HOME_TEAM, afterEvent: () => running.events.settled() });
  return {
    slack, driver, running, clock, db: options.database.db,
    at(local) {
      clock.set(DateTime.fromISO(local, { zone: TIMEZONE }).toJSDate());
    },
    local: () => DateTime.fromJSDate(clock.now(), { zone: TIMEZONE }),
    drain: () => running.dispatcher.drain(),
    async until(what, check) {
      for (let tries = 0; tries < 400; tries += 1) {
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`the demo waited in vain for ${what}`);
    },
    async close() {
      await running.stop();
      await slack.close();
    },
  };
}

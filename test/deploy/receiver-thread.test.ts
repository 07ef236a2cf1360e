// The start command with its default receiving thread (RECEIVER_THREAD, true unless set false): Slack's requests are read, verified and answered on the process's
// main thread and the app runs in a worker thread. The real command (src/main.ts) runs in a process of its own on a
// real database, with the Slack stand-in; what a person sees must be what the app shows without the thread.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { BusinessCalendar } from "../../src/domain/calendar.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createDriver, type Driver } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, TRIAGE_CHANNEL } from "../support/harness.ts";
import { startSlackStandIn, type SlackStandIn } from "../support/slack-api.ts";

const SECRET = "receiver-thread-signing-secret";
const TOKEN = "xoxb-receiver-thread-token";
const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** What the case modal says once its case is opened (in the customer's language). */
const OPENED = /案件 #\d+ を受け付けました|Case #\d+ is open/;

let slack: SlackStandIn;
let database: TestDatabase;
let deps: ServiceDeps;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH, HOME: process.env.HOME,
    SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, SLACK_TEAM_ID: HOME_TEAM,
    PORT: "0", DATABASE_URL: database.url, SUPPORT_ENGINEERS: ENGINEER, SUPPORT_MANAGERS: MANAGER, TRIAGE_CHANNEL,
    LOG_LEVEL: "info", SCHEDULER_ENABLED: "false", ...extra,
  };
}

interface Started { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }

/** The start command as `npm run dev` runs it (TypeScript under tsx); resolves once the receiving thread listens. */
function start(extra: Record<string, string> = {}, thread = true): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], { cwd: ROOT, env: env(extra), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // The start line an operator knows, written by the receiving thread once it listens, and saying so.
      const line = output.split("\n").find((l) => l.includes('"incident-desk started"'));
      const entry = line ? (JSON.parse(line) as { port?: number; receiverThread?: boolean }) : undefined;
      if (entry && (entry.receiverThread === true) !== thread) reject(new Error(`the start line does not say which thread answers: ${line}`));
      const port = entry?.port;
      if (port) resolve({ child, port, output: () => output, exited });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then((code) => reject(new Error(`the app exited with ${code} before it listened:\n${output}`)));
  });
}

async function stop(started: Started): Promise<number | null> {
  if (started.child.exitCode === null) started.child.kill("SIGTERM");
  return started.exited;
}

beforeAll(async () => {
  slack = await startSlackStandIn({ token: TOKEN, teamId: HOME_TEAM });
  slack.setChannel({ id: CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM] });
  database = await createTestDatabase();
  const config = loadConfig(env());
  deps = {
    db: database.db, clock: { now: () => new Date() }, triageChannel: TRIAGE_CHANNEL,
    calendar: new BusinessCalendar({ timezone: config.timezone, closedDays: config.closedDays }),
  };
  const registered = await registerContract(deps, {
    customerName: "株式会社サンプル", channelIds: [CUSTOMER_CHANNEL], incidents: 20, confirmedOn: deps.calendar.localDate(new Date()),
    actorId: MANAGER, customerTeamId: CUSTOMER_TEAM,
  });
  if (!registered.ok) throw new Error("registration failed");
}, 60_000);

afterAll(async () => {
  await slack?.close();
  await database?.drop();
});

describe("the receiving thread (the default): Slack's requests on a thread of their own, the app in a worker thread", () => {
  let app: Started;
  let driver: Driver;

  beforeAll(async () => {
    app = await start();
    driver = createDriver({ baseUrl: `http://127.0.0.1:${app.port}`, signingSecret: SECRET, slack, homeTeamId: HOME_TEAM });
  }, 60_000);

  afterAll(async () => {
    if (app) await stop(app);
  });

  /** A customer clicks the channel's entry button; resolves to the modal the app opened for them. */
  async function openForm(): Promise<{ status: number; viewId: string }> {
    const entry = () => slack.messages(CUSTOMER_CHANNEL).find((m) => JSON.stringify(m.blocks ?? []).includes(Actions.openCase));
    // The entry message is posted once the app delivers its outbox after the start.
    await expect.poll(() => entry()?.ts, { timeout: 15_000 }).toBeDefined();
    const before = new Set(slack.views().map((v) => v.id));
    const click = await driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entry()!.ts });
    const form = () => slack.views().find((v) => !before.has(v.id) && v.user_id === CUSTOMER && v.callback_id === Views.openCase);
    await expect.poll(() => form()?.id, { timeout: 10_000 }).toBeDefined();
    return { status: click.status, viewId: form()!.id };
  }

  it("a customer opens a case: the click is answered, the modal opens, the submission is answered with 「受付中…」 and the modal then shows the case", async () => {
    const { status, viewId } = await openForm();
    expect(status).toBe(200);
    const submitted = await driver.viewSubmission({
      callbackId: Views.openCase, viewId, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: { [Inputs.title.block]: { [Inputs.title.action]: "スレッド越しの案件" }, [Inputs.description.block]: { [Inputs.description.action]: "詳細" } },
    });
    expect([submitted.status, submitted.slackWouldReject]).toEqual([200, undefined]);
    expect(submitted.text).toContain('"response_action":"update"');
    await expect.poll(() => JSON.stringify(slack.view(viewId)?.blocks ?? []), { timeout: 10_000 }).toMatch(OPENED);
    expect(await database.db.client.case.count({ where: { title: "スレッド越しの案件" } })).toBe(1);
  }, 40_000);

  it("a refusal the listener writes into its answer reaches the person: a title of control characters alone is an inline error", async () => {
    const { viewId } = await openForm();
    const refused = await driver.viewSubmission({
      callbackId: Views.openCase, viewId, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: { [Inputs.title.block]: { [Inputs.title.action]: "\u0007\u0007" }, [Inputs.description.block]: { [Inputs.description.action]: "詳細" } },
    });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ response_action: "errors", errors: { [Inputs.title.block]: expect.any(String) } });
    expect(await database.db.client.case.count()).toBe(1);
  }, 30_000);

  it("an engineer's answer in the case's thread is kept, acknowledged and recorded", async () => {
    const opened = await database.db.client.case.findFirst({ where: { title: "スレッド越しの案件" } });
    await expect.poll(async () => (await database.db.client.case.findUnique({ where: { id: opened!.id } }))?.rootTs, { timeout: 10_000 }).toBeTruthy();
    const root = (await database.db.client.case.findUnique({ where: { id: opened!.id } }))!.rootTs!;
    const answered = await driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "確認いたします。", threadTs: root });
    expect(answered.status).toBe(200);
    await expect.poll(() => database.db.client.caseMessage.count({ where: { caseId: opened!.id, text: "確認いたします。" } }), { timeout: 10_000 }).toBe(1);
  }, 30_000);

  it("a request with a forged signature is refused on the receiving thread and changes nothing", async () => {
    const before = await database.db.client.inboundEvent.count();
    const body = JSON.stringify({ type: "event_callback", team_id: CUSTOMER_TEAM, event_id: "Ev0FORGED", event: { type: "message", channel: CUSTOMER_CHANNEL, user: CUSTOMER, text: "x", ts: driver.nextTs() } });
    const forged = await driver.raw(body, { "content-type": "application/json", "x-slack-signature": "v0=0000", "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)) });
    expect(forged.status).toBe(401);
    expect(await database.db.client.inboundEvent.count()).toBe(before);
  });

  it("answers the health checks on Slack's port through the app's thread", async () => {
    const health = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await fetch(`http://127.0.0.1:${app.port}/readyz`);
    expect(ready.status).toBe(200);
    // From this machine without a proxy in between: the metrics, with the requests the receiving thread timed.
    const metrics = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
    expect(metrics).toMatch(/status="200"/);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    expect(await stop(app)).toBe(0);
  }, 15_000);
});

describe("RECEIVER_THREAD: the receiving thread is the default, and false keeps the app on one thread", () => {
  it.each([
    ["not set", {}, true],
    ["false", { RECEIVER_THREAD: "false" }, false],
  ] as const)("with RECEIVER_THREAD %s, the start line says which thread answers and a manager's /balance is answered", async (_, extra, thread) => {
    const app = await start(extra, thread);
    try {
      const driver = createDriver({ baseUrl: `http://127.0.0.1:${app.port}`, signingSecret: SECRET, slack, homeTeamId: HOME_TEAM });
      const reply = await driver.slashCommand({ command: Commands.balance, userId: MANAGER, channelId: TRIAGE_CHANNEL });
      expect([reply.status, reply.slackWouldReject]).toEqual([200, undefined]);
      expect(JSON.stringify(reply.json)).toContain("株式会社サンプル");
    } finally {
      expect(await stop(app)).toBe(0);
    }
  }, 40_000);
});

describe("the receiving thread: a start the app's thread refuses", () => {
  it("exits with code 2 and says why, as the start without the thread does", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], { cwd: ROOT, env: env({ SLACK_BOT_TOKEN: "xoxb-not-the-token", SLACK_TEAM_ID: "" }), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr?.on("data", (chunk: Buffer) => { output += chunk.toString(); });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(output).toContain("incident-desk cannot start: Slack did not accept SLACK_BOT_TOKEN");
  }, 30_000);
});

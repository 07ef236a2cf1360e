// What the app's thread logs behind the receiving thread reaches whoever started the front and asked to read it
// (the benchmark counts the app's warnings and errors this way); without the asking, the app's thread writes its
// lines itself and the receiving thread never handles them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { startFront } from "../../src/roles/front.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { ENGINEER, HOME_TEAM, MANAGER } from "../support/harness.ts";
import { startSlackStandIn, type SlackStandIn } from "../support/slack-api.ts";

const TOKEN = "xoxb-front-output-token";
let slack: SlackStandIn;
let database: TestDatabase;

beforeAll(async () => {
  slack = await startSlackStandIn({ token: TOKEN, teamId: HOME_TEAM });
  database = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await slack.close();
  await database.drop();
});

describe("the app thread's log lines behind the receiving thread", () => {
  it("reach the front's reader, warnings included, as one JSON object a line", async () => {
    // No triage channel: the app warns at start that new cases are announced nowhere.
    const env = {
      SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: "front-output-secret", SLACK_API_URL: slack.url, SLACK_TEAM_ID: HOME_TEAM,
      PORT: "0", DATABASE_URL: database.url, SUPPORT_ENGINEERS: ENGINEER, SUPPORT_MANAGERS: MANAGER,
      LOG_LEVEL: "info", SCHEDULER_ENABLED: "false",
    };
    const lines: string[] = [];
    const front = await startFront(loadConfig(env), silentLogger, { env, onOutput: (line) => lines.push(line) });
    try {
      // The warning is written just after the app thread's start line.
      await expect.poll(() => lines.some((l) => l.includes("TRIAGE_CHANNEL is not set")), { timeout: 10_000 }).toBe(true);
      const entries = lines.map((l) => JSON.parse(l) as { level?: string; msg?: string });
      expect(entries.find((e) => e.msg?.startsWith("TRIAGE_CHANNEL is not set"))?.level).toBe("warn");
      expect(entries.find((e) => e.msg === "app thread started")?.level).toBe("info");
    } finally {
      await front.stop();
    }
  }, 60_000);
});

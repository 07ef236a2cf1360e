// The whole app, for real, for one test file: the real Bolt HTTP receiver on a loopback port, a real database,
// the Slack Web API stand-in, and a driver that sends signed requests the way Slack does.
import { loadConfig, type Config } from "../../src/config.ts";
import { startApp, type RunningApp } from "../../src/app.ts";
import { silentLogger, type Logger } from "../../src/logger.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { createDriver, type Driver } from "./driver.ts";
import { startSlackStandIn, type SlackStandIn } from "./slack-api.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { TestClock } from "./clock.ts";

export const HOME_TEAM = "T0HOME";
export const CUSTOMER_TEAM = "T0CUST";
export const OTHER_CUSTOMER_TEAM = "T0OTHER";
export const ENGINEER = "U0ENG1";
export const ENGINEER_2 = "U0ENG2";
export const MANAGER = "U0MGR1";
export const INTERNAL = "U0STAFF";
export const CUSTOMER = "U0CUST1";
export const OTHER_CUSTOMER = "U0OTHER1";
export const CUSTOMER_CHANNEL = "C0CUSTOMER";
export const OTHER_CHANNEL = "C0OTHERCUST";
export const TRIAGE_CHANNEL = "C0TRIAGE";
const SIGNING_SECRET = "test-signing-secret";
const BOT_TOKEN = "xoxb-test-token";

export interface Harness {
  slack: SlackStandIn;
  driver: Driver;
  running: RunningApp;
  database: TestDatabase;
  clock: TestClock;
  config: Config;
  /** Delivers every pending outbox message to the stand-in. */
  drain(): Promise<void>;
  /**
   * Registers a customer with a contract through the real service, and delivers its entry message. `team` is the
   * customer's workspace, which the channel is then shared with (default: as customerChannelSetup says);
   * `customerTeam` names the customer's among several workspaces the channel is shared with.
   */
  registerCustomer(input?: { name?: string; channelId?: string; incidents?: number; confirmedOn?: string; locale?: "ja" | "en"; team?: string; customerTeam?: string }): Promise<{ customerId: number; contractId: number }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: string;
  env?: Record<string, string>;
  channelIntervalMs?: number;
  /** The app's logger (default: silent); tests that read the logs pass a capturing one. */
  logger?: Logger;
  /** Timeout of the outbox's Slack calls, short in tests that make Slack hang. */
  slackTimeoutMs?: number;
  /** User groups (S…) and their members, known to Slack before the app starts (name them in env to use them). */
  userGroups?: Record<string, string[]>;
}

/**
 * In this world every channel but the triage channel is a Slack Connect channel shared with one customer's
 * workspace: the other customer's channel with theirs, every other one with the first customer's. Tests of odd
 * sharing (not shared yet, a third organisation) describe their channel with slack.setChannel.
 */
function customerChannelSetup(id: string): { is_ext_shared: boolean; connected_team_ids: string[] } | undefined {
  if (id === TRIAGE_CHANNEL || !id.startsWith("C")) return undefined;
  return { is_ext_shared: true, connected_team_ids: [HOME_TEAM, id === OTHER_CHANNEL ? OTHER_CUSTOMER_TEAM : CUSTOMER_TEAM] };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new TestClock(options.now ?? "2026-11-24T01:00:00Z");
  // The people of this world read Slack in Japanese; a test of an English reader says so (setUser, driver `locale`).
  const slack = await startSlackStandIn({ token: BOT_TOKEN, teamId: HOME_TEAM, defaultChannel: customerChannelSetup, defaultUserLocale: "ja-JP" });
  slack.setTeam({ id: CUSTOMER_TEAM, name: "サンプル" });
  slack.setTeam({ id: OTHER_CUSTOMER_TEAM, name: "他社" });
  for (const [id, team] of [[ENGINEER, HOME_TEAM], [ENGINEER_2, HOME_TEAM], [MANAGER, HOME_TEAM], [INTERNAL, HOME_TEAM], [CUSTOMER, CUSTOMER_TEAM], [OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM]] as const) {
    slack.setUser({ id, team_id: team });
  }
  for (const [id, members] of Object.entries(options.userGroups ?? {})) slack.setUserGroup(id, members);
  const database = await createTestDatabase();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
    PORT: "0", DATABASE_URL: database.url, SUPPORT_ENGINEERS: `${ENGINEER},${ENGINEER_2}`, SUPPORT_MANAGERS: MANAGER,
    TRIAGE_CHANNEL: TRIAGE_CHANNEL, LOG_LEVEL: "error",
    // Tests move the clock by hand and run scheduler passes with h.running.scheduler.runOnce(); a timer firing
    // on its own in the middle of a test would make it depend on how fast it ran.
    SCHEDULER_ENABLED: "false",
    ...options.env,
  });
  const running = await startApp({
    config, clock, logger: options.logger ?? silentLogger, database: database.db,
    channelIntervalMs: options.channelIntervalMs ?? 0, outboxPollMs: 60_000,
    ...(options.slackTimeoutMs !== undefined ? { slackTimeoutMs: options.slackTimeoutMs } : {}),
  });
  const driver = createDriver({ baseUrl: `http://127.0.0.1:${running.port}`, signingSecret: SIGNING_SECRET, slack, homeTeamId: HOME_TEAM, afterEvent: () => running.events.settled() });
  const drain = () => running.dispatcher.drain();
  return {
    slack, driver, running, database, clock, config, drain,
    async registerCustomer(input = {}) {
      if (input.team) slack.setChannel({ id: input.channelId ?? CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, input.team] });
      const result = await registerContract(running.deps, {
        customerName: input.name ?? "株式会社サンプル", channelIds: [input.channelId ?? CUSTOMER_CHANNEL],
        incidents: input.incidents ?? 10, confirmedOn: input.confirmedOn ?? "2026-04-01", actorId: MANAGER, locale: input.locale,
        customerTeamId: input.customerTeam ?? null,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      await drain();
      return { customerId: result.customerId, contractId: result.contractId };
    },
    async close() {
      await running.stop();
      await slack.close();
      await database.drop();
    },
  };
}

// A bad or missing setting stops the start with a message naming the variable and what to set.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadCoreConfig } from "../src/config.ts";
import { driverUrl, poolSettings } from "../src/db/pool-settings.ts";

const valid = {
  SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SUPPORT_ENGINEERS: "U0ENG1", SUPPORT_MANAGERS: "U0MGR1",
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("starts with the required settings and documented defaults", () => {
    const config = loadConfig(valid);
    expect(config.databaseUrl).toBe("file:./data/incident-desk.db");
    expect(config.timezone).toBe("Asia/Tokyo");
    expect(config.closedDays).toEqual(["12-29..01-03"]);
    expect(config.defaultLocale).toBe("ja");
    expect(config.port).toBe(3000);
    expect(config.slack.appToken).toBeNull();
    expect([...config.engineers]).toEqual(["U0ENG1"]);
  });

  it("runs everything in one process unless APP_ROLE names a part, and rejects an unknown role", () => {
    expect(loadConfig(valid).role).toBe("all");
    expect(loadConfig(valid).workerPollMs).toBe(150);
    expect(loadConfig({ ...valid, APP_ROLE: "web" }).role).toBe("web");
    const worker = loadConfig({ ...valid, APP_ROLE: " worker ", WORKER_POLL_MS: "500" });
    expect([worker.role, worker.workerPollMs]).toEqual(["worker", 500]);
    const found = problems({ ...valid, APP_ROLE: "receiver", WORKER_POLL_MS: "0" });
    expect(found.some((p) => p.startsWith("APP_ROLE must be all, web or worker"))).toBe(true);
    expect(found.some((p) => p.startsWith("WORKER_POLL_MS"))).toBe(true);
  });

  it("answers Slack on a receiving thread unless RECEIVER_THREAD is false, and refuses any other value", () => {
    expect(loadConfig(valid).receiverThread).toBe(true);
    expect(loadConfig({ ...valid, RECEIVER_THREAD: "false" }).receiverThread).toBe(false);
    expect(loadConfig({ ...valid, RECEIVER_THREAD: "true" }).receiverThread).toBe(true);
    expect(problems({ ...valid, RECEIVER_THREAD: "yes" })).toContain('RECEIVER_THREAD must be true or false, got "yes"');
  });

  it("names every missing Slack setting and what to set it to", () => {
    const found = problems({});
    expect(found.some((p) => p.startsWith("SLACK_BOT_TOKEN is not set"))).toBe(true);
    expect(found.some((p) => p.startsWith("SLACK_SIGNING_SECRET is not set"))).toBe(true);
    expect(found.some((p) => p.startsWith("SUPPORT_ENGINEERS is not set"))).toBe(true);
    expect(found.some((p) => p.startsWith("SUPPORT_MANAGERS is not set"))).toBe(true);
  });

  it("rejects malformed values with the variable's name", () => {
    const found = problems({
      ...valid, SLACK_BOT_TOKEN: "xoxp-user", SUPPORT_ENGINEERS: "U0ENG1,alice", BUSINESS_TIMEZONE: "Tokyo/Nowhere",
      COMPANY_CLOSED_DAYS: "13-45", PORT: "99999", DATABASE_URL: "mysql://x", DEFAULT_LOCALE: "fr", TRIAGE_CHANNEL: "#triage",
    });
    for (const name of ["SLACK_BOT_TOKEN", "SUPPORT_ENGINEERS", "BUSINESS_TIMEZONE", "COMPANY_CLOSED_DAYS", "PORT", "DATABASE_URL", "DEFAULT_LOCALE", "TRIAGE_CHANNEL"]) {
      expect(found.some((p) => p.startsWith(name)), name).toBe(true);
    }
  });

  it("takes user groups (S…) beside user ids for engineers and managers, and how often to read them again", () => {
    const config = loadConfig({ ...valid, SUPPORT_ENGINEERS: "U0ENG1, S0ENGINEERS", SUPPORT_MANAGERS: "S0MANAGERS", ROLE_REFRESH_SECONDS: "30" });
    expect([...config.engineers]).toEqual(["U0ENG1"]);
    expect(config.engineerGroups).toEqual(["S0ENGINEERS"]);
    expect([...config.managers]).toEqual([]);
    expect(config.managerGroups).toEqual(["S0MANAGERS"]);
    expect(config.roleRefreshSeconds).toBe(30);
    expect(loadConfig(valid).roleRefreshSeconds).toBe(60);
    const found = problems({ ...valid, SUPPORT_MANAGERS: "U0MGR1,@support-managers", ROLE_REFRESH_SECONDS: "0" });
    expect(found.some((p) => p.startsWith("SUPPORT_MANAGERS must list Slack user ids like U0123ABCD or user group ids like S0123ABCD"))).toBe(true);
    expect(found.some((p) => p.startsWith("ROLE_REFRESH_SECONDS"))).toBe(true);
  });

  it("refuses a PostgreSQL URL whose pool parameter is wrong, naming it, and keeps one that is right", () => {
    const found = problems({ ...valid, DATABASE_URL: "postgresql://app@db/desk?connection_limit=0" });
    expect(found.some((p) => p.startsWith("DATABASE_URL's connection_limit must be a whole number from 1 to 1000"))).toBe(true);
    const url = "postgresql://app@db/desk?connection_limit=20&pool_timeout=30";
    expect(loadConfig({ ...valid, DATABASE_URL: url }).databaseUrl).toBe(url);
    const pooler = problems({ ...valid, DATABASE_URL: "postgresql://app@db/desk?pgbouncer=yes" });
    expect(pooler.some((p) => p.startsWith(`DATABASE_URL's pgbouncer must be true or false, got "yes"`))).toBe(true);
  });

  it("names PostgreSQL statements unless the URL says a transaction pooler stands in between, and keeps the flag from the driver", () => {
    expect(poolSettings("postgresql://app@db/desk")).toMatchObject({ namedStatements: true });
    expect(poolSettings("postgresql://app@db/desk?pgbouncer=true")).toMatchObject({ namedStatements: false });
    expect(poolSettings("postgresql://app@db/desk?pgbouncer=false")).toMatchObject({ namedStatements: true });
    expect(driverUrl("postgresql://app@db/desk?pgbouncer=true&sslmode=require")).toBe("postgresql://app@db/desk?sslmode=require");
  });

  it("lets the command line run without Slack settings", () => {
    expect(loadCoreConfig({ DATABASE_URL: "postgresql://root@localhost/test" }).databaseUrl).toBe("postgresql://root@localhost/test");
  });
});

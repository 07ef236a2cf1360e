// The one place that reads the environment. Every setting is validated at start; a bad or missing one stops the
// start with a message naming the variable and what to set.
import { parseClosedDays, DEFAULT_CLOSED_DAYS } from "./domain/calendar.ts";

export type Locale = "ja" | "en";

/** What every entry point needs (the bot, the CLI, the demo); Slack settings are the bot's alone. */
export interface CoreConfig {
  databaseUrl: string;
  timezone: string;
  closedDays: readonly string[];
  triageChannel: string | null;
  contact: string;
  defaultLocale: Locale;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Days of the trailing window the usage forecast takes its rate over. */
  forecastWindowDays: number;
}

export interface Config extends CoreConfig {
  slack: {
    botToken: string;
    signingSecret: string;
    appToken: string | null;
    apiUrl: string | null;
    /** The installing (T4U) workspace; learned from auth.test when not set. */
    homeTeamId: string | null;
  };
  port: number;
  /** METRICS_PORT: health and metrics on a port of their own (null: the Slack port, to this machine only). */
  metrics: { port: number | null; host: string; token: string | null };
  databaseUrl: string;
  /** User ids named in SUPPORT_ENGINEERS / SUPPORT_MANAGERS. */
  engineers: ReadonlySet<string>;
  managers: ReadonlySet<string>;
  /** User groups (S…) named there; their members are read from Slack and kept current while running. */
  engineerGroups: readonly string[];
  managerGroups: readonly string[];
  /** How often the members of those groups are read again (events usually tell sooner). */
  roleRefreshSeconds: number;
  timezone: string;
  closedDays: readonly string[];
  triageChannel: string | null;
  contact: string;
  defaultLocale: Locale;
  logLevel: "debug" | "info" | "warn" | "error";
  schedulerIntervalSeconds: number;
  schedulerEnabled: boolean;
  /** The managers' weekly digest: channels or people (a manager's direct message) and when; none when empty. */
  digest: { recipients: readonly string[]; weekday: number; hour: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const USER_GROUP_ID = /^S[A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

export const DEFAULT_CONTACT = "T4U株式会社 サポートサービス窓口";

type Env = Record<string, string | undefined>;
const reader = (env: Env) => (name: string) => (env[name] ?? "").trim() || null;

export function loadCoreConfig(env: Env, problems: string[] = []): CoreConfig {
  const text = reader(env);
  const timezone = text("BUSINESS_TIMEZONE") ?? "Asia/Tokyo";
  if (!isTimeZone(timezone)) problems.push(`BUSINESS_TIMEZONE must be an IANA time zone such as Asia/Tokyo, got "${timezone}"`);

  let closedDays: readonly string[] = DEFAULT_CLOSED_DAYS;
  const closedSpec = text("COMPANY_CLOSED_DAYS");
  if (closedSpec !== null) {
    const parsed = parseClosedDays(closedSpec);
    if (parsed instanceof Error) problems.push(`COMPANY_CLOSED_DAYS: ${parsed.message}`);
    else closedDays = parsed;
  }

  const triageChannel = text("TRIAGE_CHANNEL");
  if (triageChannel && !CHANNEL_ID.test(triageChannel)) problems.push(`TRIAGE_CHANNEL must be a channel id like C0123ABCD, got "${triageChannel}"`);

  const locale = text("DEFAULT_LOCALE") ?? "ja";
  if (locale !== "ja" && locale !== "en") problems.push(`DEFAULT_LOCALE must be ja or en, got "${locale}"`);

  const logLevel = text("LOG_LEVEL") ?? "info";
  if (!["debug", "info", "warn", "error"].includes(logLevel)) problems.push(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);

  const databaseUrl = text("DATABASE_URL") ?? "file:./data/incident-desk.db";
  if (!/^(file:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push("DATABASE_URL must be file:./path.db (SQLite) or postgresql://user@host:5432/db");
  }
  const forecastWindow = Number(text("FORECAST_WINDOW_DAYS") ?? "90");
  if (!Number.isInteger(forecastWindow) || forecastWindow < 14 || forecastWindow > 365) problems.push("FORECAST_WINDOW_DAYS must be a whole number of days from 14 to 365");
  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl, timezone, closedDays, triageChannel, forecastWindowDays: forecastWindow,
    contact: text("SUPPORT_CONTACT") ?? DEFAULT_CONTACT,
    defaultLocale: locale as Locale,
    logLevel: logLevel as Config["logLevel"],
  };
}

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const text = reader(env);
  const required = (name: string, hint: string) => {
    const value = text(name);
    if (!value) problems.push(`${name} is not set: ${hint}`);
    return value ?? "";
  };

  const appToken = text("SLACK_APP_TOKEN");
  if (appToken && !appToken.startsWith("xapp-")) problems.push("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
  const botToken = required("SLACK_BOT_TOKEN", "the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page");
  if (botToken && !botToken.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
  const signingSecret = required("SLACK_SIGNING_SECRET", "the Signing Secret from the app's Basic Information page");

  const port = Number(text("PORT") ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, got "${text("PORT")}"`);

  const metricsPortText = text("METRICS_PORT");
  const metricsPort = metricsPortText === null ? null : Number(metricsPortText);
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) problems.push(`METRICS_PORT must be a port number, got "${metricsPortText}"`);
  const metricsToken = text("METRICS_TOKEN");
  if (metricsToken !== null && metricsToken.length < 16) problems.push("METRICS_TOKEN must be at least 16 characters (a random string scrapers send as Authorization: Bearer …)");

  // Each entry is a person (U…, W…) or a user group (S…) whose members hold the role.
  const people = (name: string) => {
    const ids = [...new Set((text(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
    const bad = ids.filter((id) => !USER_ID.test(id) && !USER_GROUP_ID.test(id));
    if (bad.length) problems.push(`${name} must list Slack user ids like U0123ABCD or user group ids like S0123ABCD, comma-separated; not: ${bad.join(", ")}`);
    return { users: new Set(ids.filter((id) => USER_ID.test(id))), groups: ids.filter((id) => USER_GROUP_ID.test(id)) };
  };
  const engineers = people("SUPPORT_ENGINEERS");
  const managers = people("SUPPORT_MANAGERS");
  if (engineers.users.size + engineers.groups.length === 0) problems.push("SUPPORT_ENGINEERS is not set: list the Slack user ids (or user group ids) of the engineers who answer cases");
  if (managers.users.size + managers.groups.length === 0) problems.push("SUPPORT_MANAGERS is not set: list the Slack user ids (or user group ids) of the managers who run /balance");

  const roleRefresh = Number(text("ROLE_REFRESH_SECONDS") ?? "60");
  if (!Number.isFinite(roleRefresh) || roleRefresh < 1) problems.push("ROLE_REFRESH_SECONDS must be a number of seconds ≥ 1");

  const interval = Number(text("SCHEDULER_INTERVAL_SECONDS") ?? "60");
  if (!Number.isFinite(interval) || interval < 1) problems.push("SCHEDULER_INTERVAL_SECONDS must be a number of seconds ≥ 1");

  // The weekly digest: to the triage channel unless said otherwise; "managers" is each manager's direct message.
  const digestTo = text("DIGEST_RECIPIENTS");
  const digestRecipients = digestTo === "off" ? [] : digestTo === null ? [text("TRIAGE_CHANNEL")].filter((c): c is string => c !== null)
    : [...new Set(digestTo.split(",").map((s) => s.trim()).filter(Boolean).flatMap((s) => (s === "managers" ? [...managers.users] : [s])))];
  const badRecipients = digestRecipients.filter((r) => !CHANNEL_ID.test(r) && !USER_ID.test(r));
  if (badRecipients.length) problems.push(`DIGEST_RECIPIENTS must list channel ids (C…), user ids (U…) or "managers", or be "off"; not: ${badRecipients.join(", ")}`);
  const digestWeekday = Number(text("DIGEST_WEEKDAY") ?? "1");
  if (!Number.isInteger(digestWeekday) || digestWeekday < 1 || digestWeekday > 7) problems.push("DIGEST_WEEKDAY must be a weekday number from 1 (Monday) to 7 (Sunday)");
  const digestHour = Number(text("DIGEST_HOUR") ?? "9");
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) problems.push("DIGEST_HOUR must be an hour from 0 to 23");

  let core: CoreConfig | null = null;
  try {
    core = loadCoreConfig(env, problems);
  } catch {
    // loadCoreConfig added its problems to ours; they are reported together below.
  }
  if (problems.length || !core) throw new ConfigError(problems);
  return {
    ...core,
    slack: { botToken, signingSecret, appToken, apiUrl: text("SLACK_API_URL"), homeTeamId: text("SLACK_TEAM_ID") },
    port,
    metrics: { port: metricsPort, host: text("METRICS_HOST") ?? "127.0.0.1", token: metricsToken },
    engineers: engineers.users,
    managers: managers.users,
    engineerGroups: engineers.groups,
    managerGroups: managers.groups,
    roleRefreshSeconds: roleRefresh,
    schedulerIntervalSeconds: interval,
    schedulerEnabled: text("SCHEDULER_ENABLED") !== "false",
    digest: { recipients: digestRecipients, weekday: digestWeekday, hour: digestHour },
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

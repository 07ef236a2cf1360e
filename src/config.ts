// The one place that reads the environment. Every setting is validated at start (with zod schemas, one per
// variable); a bad or missing one stops the start with a message naming the variable and what to set, and every
// problem is reported at once.
import { z } from "zod";
import { parseClosedDays, DEFAULT_CLOSED_DAYS } from "./domain/calendar.ts";
import { poolSettings } from "./db/pool-settings.ts";

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

/** Which part of the app this process runs (APP_ROLE): see src/app.ts. */
export type AppRole = "all" | "web" | "worker";

export interface Config extends CoreConfig {
  /** `all` (the default) runs everything in one process; `web` receives Slack's requests; `worker` delivers. */
  role: AppRole;
  /**
   * How often a worker looks for kept events and outbox messages the web processes wrote (ms). On SQLite there is
   * no way for one process to wake another, so this is how long a customer's message may wait before it is handled;
   * on PostgreSQL the web processes' NOTIFY wakes the worker and this poll is only the fallback for a lost one.
   */
  workerPollMs: number;
  /**
   * RECEIVER_THREAD: Slack's requests are read, verified and answered on a thread of their own, and the app runs in
   * a worker thread beside it (src/roles/front.ts); true unless set false. Only for a process that takes requests
   * over HTTP (all, web).
   */
  receiverThread: boolean;
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

/** A variable set to spaces only counts as not set. */
const blank = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const optional = () => z.preprocess(blank, z.string().optional());
/** A text setting with a default, checked by `valid`; `problem` says what is wrong with the value given. */
const checked = (fallback: string | undefined, valid: (value: string) => boolean, problem: (value: string) => string) => {
  const value = z.string().refine(valid, { error: (issue) => problem(String(issue.input)) });
  return z.preprocess(blank, fallback === undefined ? value.optional() : value.default(fallback));
};
const whole = (value: string, min: number, max: number) => /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
const atLeast = (min: number) => (value: string) => Number.isFinite(Number(value)) && Number(value) >= min;
const port = (name: string) => checked(undefined, (v) => whole(v, 0, 65535), (v) => `${name} must be a port number, got "${v}"`);
/** Comma-separated, trimmed, de-duplicated, empty entries dropped. */
const list = (value: string | undefined) => [...new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean))];

const coreSchema = z.object({
  BUSINESS_TIMEZONE: checked("Asia/Tokyo", isTimeZone, (v) => `BUSINESS_TIMEZONE must be an IANA time zone such as Asia/Tokyo, got "${v}"`),
  COMPANY_CLOSED_DAYS: z.preprocess(blank, z.string().optional().transform((spec, ctx) => {
    if (spec === undefined) return DEFAULT_CLOSED_DAYS;
    const parsed = parseClosedDays(spec);
    if (!(parsed instanceof Error)) return parsed;
    ctx.addIssue({ code: "custom", message: `COMPANY_CLOSED_DAYS: ${parsed.message}` });
    return z.NEVER;
  })),
  TRIAGE_CHANNEL: checked(undefined, (v) => CHANNEL_ID.test(v), (v) => `TRIAGE_CHANNEL must be a channel id like C0123ABCD, got "${v}"`),
  DEFAULT_LOCALE: checked("ja", (v) => v === "ja" || v === "en", (v) => `DEFAULT_LOCALE must be ja or en, got "${v}"`),
  LOG_LEVEL: checked("info", (v) => ["debug", "info", "warn", "error"].includes(v), (v) => `LOG_LEVEL must be debug, info, warn or error, got "${v}"`),
  DATABASE_URL: checked("file:./data/incident-desk.db", (v) => /^file:/.test(v) || (/^postgres(ql)?:\/\//.test(v) && !(poolSettings(v) instanceof Error)),
    (v) => /^postgres(ql)?:\/\//.test(v) ? String((poolSettings(v) as Error).message) : "DATABASE_URL must be file:./path.db (SQLite) or postgresql://user@host:5432/db"),
  FORECAST_WINDOW_DAYS: checked("90", (v) => whole(v, 14, 365), () => "FORECAST_WINDOW_DAYS must be a whole number of days from 14 to 365"),
  SUPPORT_CONTACT: optional(),
});

/** Each entry is a person (U…, W…) or a user group (S…) whose members hold the role. */
const people = (name: string, role: string) => z.preprocess(blank, z.string().optional().transform((value, ctx) => {
  const ids = list(value);
  const bad = ids.filter((id) => !USER_ID.test(id) && !USER_GROUP_ID.test(id));
  if (bad.length) ctx.addIssue({ code: "custom", message: `${name} must list Slack user ids like U0123ABCD or user group ids like S0123ABCD, comma-separated; not: ${bad.join(", ")}` });
  const users = new Set(ids.filter((id) => USER_ID.test(id)));
  const groups = ids.filter((id) => USER_GROUP_ID.test(id));
  if (users.size + groups.length === 0 && !bad.length) ctx.addIssue({ code: "custom", message: `${name} is not set: list the Slack user ids (or user group ids) of the ${role}` });
  return { users, groups };
}));

const required = (name: string, hint: string, valid?: (value: string) => boolean, problem?: string) =>
  z.preprocess(blank, z.string({ error: `${name} is not set: ${hint}` })
    .refine((value) => !valid || valid(value), { error: problem ?? `${name} is malformed` }));

const botSchema = z.object({
  APP_ROLE: checked("all", (v) => ["all", "web", "worker"].includes(v), (v) => `APP_ROLE must be all, web or worker, got "${v}"`),
  // 150 ms: a message is handled well within a person's notice, for a few cheap indexed reads a second when idle.
  WORKER_POLL_MS: checked("150", (v) => whole(v, 10, 60_000), () => "WORKER_POLL_MS must be a whole number of milliseconds from 10 to 60000").transform(Number),
  RECEIVER_THREAD: checked("true", (v) => v === "true" || v === "false", (v) => `RECEIVER_THREAD must be true or false, got "${v}"`),
  SLACK_APP_TOKEN: checked(undefined, (v) => v.startsWith("xapp-"), () => "SLACK_APP_TOKEN must be an app-level token starting with xapp-"),
  SLACK_BOT_TOKEN: required("SLACK_BOT_TOKEN", "the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page", (v) => v.startsWith("xoxb-"), "SLACK_BOT_TOKEN must be a bot token starting with xoxb-"),
  SLACK_SIGNING_SECRET: required("SLACK_SIGNING_SECRET", "the Signing Secret from the app's Basic Information page"),
  SLACK_API_URL: optional(),
  SLACK_TEAM_ID: optional(),
  PORT: port("PORT").transform((v) => Number(v ?? "3000")),
  METRICS_PORT: port("METRICS_PORT").transform((v) => (v === undefined ? null : Number(v))),
  METRICS_HOST: optional(),
  METRICS_TOKEN: checked(undefined, (v) => v.length >= 16, () => "METRICS_TOKEN must be at least 16 characters (a random string scrapers send as Authorization: Bearer …)"),
  SUPPORT_ENGINEERS: people("SUPPORT_ENGINEERS", "engineers who answer cases"),
  SUPPORT_MANAGERS: people("SUPPORT_MANAGERS", "managers who run /balance"),
  ROLE_REFRESH_SECONDS: checked("60", atLeast(1), () => "ROLE_REFRESH_SECONDS must be a number of seconds ≥ 1").transform(Number),
  SCHEDULER_INTERVAL_SECONDS: checked("60", atLeast(1), () => "SCHEDULER_INTERVAL_SECONDS must be a number of seconds ≥ 1").transform(Number),
  SCHEDULER_ENABLED: optional(),
  DIGEST_RECIPIENTS: optional(),
  DIGEST_WEEKDAY: checked("1", (v) => whole(v, 1, 7), () => "DIGEST_WEEKDAY must be a weekday number from 1 (Monday) to 7 (Sunday)").transform(Number),
  DIGEST_HOUR: checked("9", (v) => whole(v, 0, 23), () => "DIGEST_HOUR must be an hour from 0 to 23").transform(Number),
});

function messages(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}

export function loadCoreConfig(env: Env, problems: string[] = []): CoreConfig {
  const parsed = coreSchema.safeParse(env);
  if (!parsed.success) problems.push(...messages(parsed.error));
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const v = parsed.data;
  return {
    databaseUrl: v.DATABASE_URL!, timezone: v.BUSINESS_TIMEZONE!, closedDays: v.COMPANY_CLOSED_DAYS, triageChannel: v.TRIAGE_CHANNEL ?? null,
    forecastWindowDays: Number(v.FORECAST_WINDOW_DAYS), contact: v.SUPPORT_CONTACT ?? DEFAULT_CONTACT,
    defaultLocale: v.DEFAULT_LOCALE as Locale, logLevel: v.LOG_LEVEL as Config["logLevel"],
  };
}

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const parsed = botSchema.safeParse(env);
  if (!parsed.success) problems.push(...messages(parsed.error));

  // The weekly digest: to the triage channel unless said otherwise; "managers" is each manager's direct message.
  const managers = parsed.success ? parsed.data.SUPPORT_MANAGERS.users : new Set<string>();
  const digestTo = blank(env.DIGEST_RECIPIENTS);
  const digestRecipients = digestTo === "off" ? [] : digestTo === undefined ? [blank(env.TRIAGE_CHANNEL)].filter((c): c is string => c !== undefined)
    : list(digestTo).flatMap((s) => (s === "managers" ? [...managers] : [s]));
  const badRecipients = digestRecipients.filter((r) => !CHANNEL_ID.test(r) && !USER_ID.test(r));
  if (badRecipients.length) problems.push(`DIGEST_RECIPIENTS must list channel ids (C…), user ids (U…) or "managers", or be "off"; not: ${badRecipients.join(", ")}`);

  let core: CoreConfig | null = null;
  try {
    core = loadCoreConfig(env, problems);
  } catch {
    // loadCoreConfig added its problems to ours; they are reported together below.
  }
  if (problems.length || !core || !parsed.success) throw new ConfigError(problems);
  const v = parsed.data;
  return {
    ...core,
    role: v.APP_ROLE as AppRole,
    workerPollMs: v.WORKER_POLL_MS,
    receiverThread: v.RECEIVER_THREAD === "true",
    slack: { botToken: v.SLACK_BOT_TOKEN, signingSecret: v.SLACK_SIGNING_SECRET, appToken: v.SLACK_APP_TOKEN ?? null, apiUrl: v.SLACK_API_URL ?? null, homeTeamId: v.SLACK_TEAM_ID ?? null },
    port: v.PORT,
    metrics: { port: v.METRICS_PORT, host: v.METRICS_HOST ?? "127.0.0.1", token: v.METRICS_TOKEN ?? null },
    engineers: v.SUPPORT_ENGINEERS.users,
    managers: v.SUPPORT_MANAGERS.users,
    engineerGroups: v.SUPPORT_ENGINEERS.groups,
    managerGroups: v.SUPPORT_MANAGERS.groups,
    roleRefreshSeconds: v.ROLE_REFRESH_SECONDS,
    schedulerIntervalSeconds: v.SCHEDULER_INTERVAL_SECONDS,
    schedulerEnabled: v.SCHEDULER_ENABLED !== "false",
    digest: { recipients: [...new Set(digestRecipients)], weekday: v.DIGEST_WEEKDAY, hour: v.DIGEST_HOUR },
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

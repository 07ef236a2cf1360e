// The admin command line: `npm run cli -- <command>`. Exit codes: 0 done, 2 bad input (with a message), 1 failure.
import { ConfigError } from "../config.ts";
import { systemClock } from "../clock.ts";
import * as channelCommand from "./commands/channel.ts";
import * as channelStatementCommand from "./commands/channel-statement.ts";
import * as contractAddCommand from "./commands/contract-add.ts";
import * as dbCommand from "./commands/db.ts";
import * as dbBackupCommand from "./commands/db-backup.ts";
import { contractCommands, contractHelp, type CliCommand } from "./commands/contracts.ts";
import * as exportCommand from "./commands/export.ts";
import * as caseExportCommand from "./commands/case-export.ts";
import * as reportCommand from "./commands/report.ts";
import * as reportSlaCommand from "./commands/report-sla.ts";
import * as reportStatementCommand from "./commands/report-statement.ts";
import * as outboxCommand from "./commands/outbox.ts";
import * as outboxPurgeCommand from "./commands/outbox-purge.ts";
import * as requestListCommand from "./commands/request-list.ts";
import * as schedulerRunCommand from "./commands/scheduler-run.ts";
import { CliError, openContext } from "./context.ts";

const HELP = `incident-desk command line

  npm run cli -- contract add …     register a customer, its channels and a contract (see: contract add --help)
${contractHelp}
  npm run cli -- channel entry …    post a channel's "open a case" message again and pin it (see: channel --help)
  npm run cli -- channel locale …   set the language of a customer channel: ja or en
  npm run cli -- channel show …     a channel's customer workspaces and approvers (also: customer-team, approvers, refresh)
  npm run cli -- channel statement-monthly on|off …   post the customer's usage statement there every month
  npm run cli -- request list …     customers' renewal and purchase applications made in Slack (open ones; --all)
  npm run cli -- case export N …    a case's transcript as Markdown or JSON (see: case export --help)
  npm run cli -- report render …    a case's formal report as a PDF file (see: report render --help)
  npm run cli -- report statement … a customer's usage statement as CSV (see: report statement --help)
  npm run cli -- report sla …       first-response and resolution times per month and customer as CSV
  npm run cli -- export --out DIR   export customers, contracts, ledger and cases as CSV or JSON Lines
  npm run cli -- scheduler run …    one scheduler pass as of a time, or a dry run of it (see: scheduler run --help)
  npm run cli -- outbox list …      messages not yet delivered to Slack; outbox retry sends held ones again (see: outbox --help)
  npm run cli -- outbox purge …     delete delivered messages written before a date (see: outbox purge --help)
  npm run cli -- db migrate         apply database migrations (needed for PostgreSQL; SQLite migrates on start)
  npm run cli -- db status          show applied and pending migrations
  npm run cli -- db backup --out F  copy the SQLite database to F while the app runs (PostgreSQL: pg_dump)

Settings come from the environment (DATABASE_URL, BUSINESS_TIMEZONE, …; see .env.example).`;

const COMMANDS: Record<string, CliCommand> = {
  ...contractCommands,
  "contract add": { usage: contractAddCommand.usage, run: contractAddCommand.contractAdd },
  "channel entry": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "entry", args) },
  "channel locale": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "locale", args) },
  "channel show": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "show", args) },
  "channel customer-team": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "customer-team", args) },
  "channel approvers": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "approvers", args) },
  "channel refresh": { usage: channelCommand.usage, run: (ctx, args) => channelCommand.channelCommand(ctx, "refresh", args) },
  "channel statement-monthly": { usage: channelStatementCommand.usage, run: channelStatementCommand.channelStatementMonthly },
  "request list": { usage: requestListCommand.usage, run: requestListCommand.requestList },
  "scheduler run": { usage: schedulerRunCommand.usage, run: schedulerRunCommand.schedulerRun },
  "case export": { usage: caseExportCommand.usage, run: caseExportCommand.caseExport },
  "report render": { usage: reportCommand.usage, run: reportCommand.reportRender },
  "report statement": { usage: reportStatementCommand.usage, run: (ctx, args) => reportStatementCommand.reportStatement(ctx, args, (chunk) => process.stdout.write(chunk)) },
  "report sla": { usage: reportSlaCommand.usage, run: (ctx, args) => reportSlaCommand.reportSla(ctx, args, (chunk) => process.stdout.write(chunk)) },
  "outbox list": { usage: outboxCommand.usage, run: outboxCommand.outboxList },
  "outbox retry": { usage: outboxCommand.usage, run: outboxCommand.outboxRetry },
  "outbox purge": { usage: outboxPurgeCommand.usage, run: outboxPurgeCommand.outboxPurge },
  export: { usage: exportCommand.usage, run: exportCommand.exportData },
};

/** The database commands open the database themselves: `db status` must not migrate it as other commands do. */
const DB_COMMANDS: Record<string, string> = { "db migrate": dbCommand.usage, "db status": dbCommand.usage, "db backup": dbBackupCommand.usage };

/** Every command line the CLI knows, for its help and for tests that check every command's --help. */
export const COMMAND_NAMES: readonly string[] = [...Object.keys(COMMANDS), ...Object.keys(DB_COMMANDS)];

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

export async function runCli(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [group, command, ...rest] = argv;
  // Asking for help never touches the database, wherever --help stands: `db migrate --help` explains, it does not migrate.
  const help = argv.some(isHelp);
  try {
    if (!group || isHelp(group) || group === "help") {
      out(HELP);
      return group ? 0 : 2;
    }
    const key = `${group} ${command ?? ""}`;
    const dbUsage = DB_COMMANDS[key];
    if (dbUsage) {
      if (help) {
        out(dbUsage);
        return 0;
      }
      if (command === "backup") await dbBackupCommand.dbBackup(env, rest, out);
      else await dbCommand.run(env, command === "migrate" ? "migrate" : "status", rest, out);
      return 0;
    }
    // "group command" first (contract add), then a group that takes its arguments directly (export).
    const [found, args] = COMMANDS[key] ? [COMMANDS[key], rest]
      : [COMMANDS[group], [command, ...rest].filter((a): a is string => a !== undefined)];
    if (found) {
      if (help) {
        out(found.usage);
        return 0;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await found.run(ctx, args);
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
    }
    const usages = [...new Set([...Object.entries(COMMANDS).map(([k, c]) => [k, c.usage] as const), ...Object.entries(DB_COMMANDS)]
      .filter(([k]) => k.startsWith(`${group} `)).map(([, usage]) => usage))];
    if (usages.length) {
      // A bare group or --help lists what the group can do; a wrong subcommand is an error that says so.
      if (!command || help) {
        out(usages.join("\n\n"));
        return command ? 0 : 2;
      }
      err(`unknown ${group} command: ${command}\n\n${usages.join("\n\n")}`);
      return 2;
    }
    err(`unknown command: ${argv.join(" ")}\n\n${HELP}`);
    return 2;
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      err(`error: ${error.message}`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`error: ${error.message}`);
      return 2;
    }
    err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  try {
    process.loadEnvFile?.(".env");
  } catch {
    // no .env file
  }
  const code = await runCli(process.argv.slice(2), process.env, (l) => console.log(l), (l) => console.error(l));
  process.exit(code);
}

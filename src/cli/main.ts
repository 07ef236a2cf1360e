// The admin command line: `npm run cli -- <command>`. Exit codes: 0 done, 2 bad input (with a message), 1 failure.
import { ConfigError, loadCoreConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { migrate, migrationStatus } from "../db/migrate.ts";
import { systemClock } from "../clock.ts";
import * as channelCommand from "./commands/channel.ts";
import * as contractAddCommand from "./commands/contract-add.ts";
import { contractCommands, contractHelp } from "./commands/contracts.ts";
import * as exportCommand from "./commands/export.ts";
import * as schedulerRunCommand from "./commands/scheduler-run.ts";
import { CliError, openContext } from "./context.ts";

const HELP = `incident-desk command line

  npm run cli -- contract add …     register a customer, its channels and a contract (see: contract add --help)
${contractHelp}
  npm run cli -- channel entry …    post a channel's "open a case" message again and pin it (see: channel --help)
  npm run cli -- channel locale …   set the language of a customer channel: ja or en
  npm run cli -- export --out DIR   export customers, contracts, ledger and cases as CSV or JSON Lines
  npm run cli -- scheduler run …    one scheduler pass as of a time, or a dry run of it (see: scheduler run --help)
  npm run cli -- db migrate         apply database migrations (needed for PostgreSQL; SQLite migrates on start)
  npm run cli -- db status          show applied and pending migrations

Settings come from the environment (DATABASE_URL, BUSINESS_TIMEZONE, …; see .env.example).`;

export async function runCli(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [group, command, ...rest] = argv;
  try {
    if (!group || group === "--help" || group === "help") {
      out(HELP);
      return group ? 0 : 2;
    }
    if (group === "db" && (command === "migrate" || command === "status")) {
      const db = await openDatabase(loadCoreConfig(env).databaseUrl);
      try {
        if (command === "migrate") {
          const applied = await migrate(db);
          out(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
        } else {
          const s = await migrationStatus(db);
          out(`applied: ${s.applied.length}, pending: ${s.pending.length ? s.pending.join(", ") : "none"}` +
            (s.unknown.length ? `, unknown: ${s.unknown.join(", ")}` : ""));
        }
      } finally {
        await db.close();
      }
      return 0;
    }
    const managed = contractCommands[`${group} ${command ?? ""}`];
    if (managed) {
      if (rest.includes("--help")) {
        out(managed.usage);
        return 0;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await managed.run(ctx, rest);
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
    }
    if (group === "contract" && command === "add") {
      if (rest.includes("--help")) {
        out(contractAddCommand.usage);
        return 0;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await contractAddCommand.contractAdd(ctx, rest);
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
    }
    if (group === "channel") {
      if (!command || [command, ...rest].includes("--help")) {
        out(channelCommand.usage);
        return command ? 0 : 2;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await channelCommand.channelCommand(ctx, command, rest);
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
    }
    if (group === "export") {
      if ([command, ...rest].includes("--help")) {
        out(exportCommand.usage);
        return 0;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await exportCommand.exportData(ctx, [command, ...rest].filter((a): a is string => a !== undefined));
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
    }
    if (group === "scheduler" && command === "run") {
      if (rest.includes("--help")) {
        out(schedulerRunCommand.usage);
        return 0;
      }
      const ctx = await openContext(env, systemClock, out);
      try {
        await schedulerRunCommand.schedulerRun(ctx, rest);
      } finally {
        await ctx.deps.db.close();
      }
      return 0;
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

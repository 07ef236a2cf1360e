// What every CLI command needs: the database (migrated if SQLite, checked if PostgreSQL), the calendar, a clock.
import { loadCoreConfig, type CoreConfig } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { migrate, migrationStatus } from "../db/migrate.ts";
import { BusinessCalendar } from "../domain/calendar.ts";
import { WebClient } from "@slack/web-api";
import { silentLogger } from "../logger.ts";
import type { ServiceDeps, Clock, WorkspaceDirectory } from "../services/deps.ts";
import { slackWorkspaces } from "../slack/workspaces.ts";

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export interface CliContext { config: CoreConfig; deps: ServiceDeps; out: (line: string) => void }

export async function openContext(env: Record<string, string | undefined>, clock: Clock, out: (line: string) => void): Promise<CliContext> {
  const config = loadCoreConfig(env);
  const db: Database = await openDatabase(config.databaseUrl);
  if (db.provider === "sqlite") await migrate(db);
  else {
    const status = await migrationStatus(db);
    if (status.pending.length) {
      await db.close();
      throw new CliError(`the database has migrations not yet applied (${status.pending.join(", ")}); run \`npm run db:migrate\` first`);
    }
  }
  const calendar = new BusinessCalendar({ timezone: config.timezone, closedDays: config.closedDays });
  return { config, deps: { db, clock, calendar, triageChannel: config.triageChannel, forecastWindowDays: config.forecastWindowDays, ...workspacesFrom(env) }, out };
}

/**
 * With the bot token, registration asks Slack which workspaces share a channel, as the app does; without it the
 * manager names the customer's workspace (--customer-team) or the running app reads it when the channel is shared.
 */
function workspacesFrom(env: Record<string, string | undefined>): { workspaces?: WorkspaceDirectory } {
  const token = env.SLACK_BOT_TOKEN?.trim();
  if (!token) return {};
  const client = new WebClient(token, { ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}), retryConfig: { retries: 1 }, timeout: 5_000 });
  return { workspaces: slackWorkspaces(client, env.SLACK_TEAM_ID?.trim() || null, silentLogger) };
}

// What every CLI command needs: the database (migrated if SQLite, checked if PostgreSQL), the calendar, a clock.
import { loadCoreConfig, type CoreConfig } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { migrate, migrationStatus } from "../db/migrate.ts";
import { BusinessCalendar } from "../domain/calendar.ts";
import type { ServiceDeps, Clock } from "../services/deps.ts";

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
  return { config, deps: { db, clock, calendar, triageChannel: config.triageChannel }, out };
}

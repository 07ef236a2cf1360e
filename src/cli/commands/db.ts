// `db migrate` and `db status`: the one place the command line changes the schema, and the read-only look at it.
import { loadCoreConfig } from "../../config.ts";
import { openDatabase } from "../../db/client.ts";
import { migrate, migrationStatus } from "../../db/migrate.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- db migrate
npm run cli -- db status

  migrate  applies the migrations this version needs (PostgreSQL needs it before new code starts; SQLite
           migrates itself on start)
  status   shows applied, pending and unknown migrations, and changes nothing`;

export async function run(env: Record<string, string | undefined>, command: "migrate" | "status", args: string[], out: (line: string) => void): Promise<void> {
  parseFlags(args, {});
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
}

// What the figures were measured on: they mean little without it.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, release, tmpdir, totalmem, type } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";
import { POSTGRES_URL } from "../test/support/database.ts";

export interface Machine { cpu: string; cores: number; memory: string; os: string; node: string; sqlite: string; postgres: string }

export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  const speed = list[0]?.speed ? ` @ ${(list[0].speed / 1000).toFixed(2)} GHz` : "";
  return {
    cpu: `${list[0]?.model.trim() ?? "unknown"}${speed}`,
    cores: list.length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${type()} ${release()}`,
    node: process.version,
    sqlite: await sqliteVersion(),
    postgres: await postgresVersion(),
  };
}

async function sqliteVersion(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "incident-desk-bench-"));
  const db = await openDatabase(`file:${join(dir, "version.db")}`);
  try {
    const rows = await db.client.$queryRawUnsafe<Array<{ v: string }>>("SELECT sqlite_version() AS v");
    return `${rows[0]?.v ?? "?"} (better-sqlite3, WAL)`;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `${rows[0]?.v ?? "?"} on 127.0.0.1 (same machine)`;
  } catch (error) {
    return `unavailable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

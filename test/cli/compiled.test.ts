// The command line as an operator runs it: compiled JavaScript under plain node (what `npm run cli` runs), reading
// its migrations and database from the compiled tree.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["dist/cli/main.js", ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

let database: TestDatabase;
beforeAll(async () => {
  // What `npm run cli` does before it runs: compile when a source is newer than dist/.
  await run(process.execPath, ["scripts/build.mjs", "--if-stale"], { cwd: ROOT });
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe("the compiled command line", () => {
  it("answers --help without a database or any setting", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("incident-desk command line");
    expect(help.stdout).toContain("db backup");
    const usage = await cli(["contract", "add", "--help"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain("--customer");
  });

  it("reads the migrations shipped beside it: db status on a migrated database has nothing pending", async () => {
    const status = await cli(["db", "status"], { DATABASE_URL: database.url });
    expect(status.stderr).toBe("");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^applied: [1-9]\d*, pending: none/);
  });
});

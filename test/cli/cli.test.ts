// The managers' command line: registration, export and database commands, with clear errors and exit codes.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run cli", () => {
  it("registers a customer with a contract valid for one year from the confirmation date (R-CON-2)", async () => {
    const r = await cli("contract", "add", "--customer", "株式会社サンプル", "--channel", "C0CUST1", "--incidents", "10", "--confirmed", "2026-04-01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("valid 2026-04-01 – 2027-03-31");
    const contract = await database.db.client.contract.findFirstOrThrow({ include: { customer: true } });
    expect(contract).toMatchObject({ purchased: 10, available: 10, startsOn: "2026-04-01", endsOn: "2027-03-31" });
    expect(contract.customer.name).toBe("株式会社サンプル");
    // The new channel gets its "open a case" message.
    expect(await database.db.client.outboxMessage.count({ where: { kind: "channel_entry", channelId: "C0CUST1" } })).toBe(1);
  });

  it("refuses bad values with exit 2, one line per problem, and writes nothing", async () => {
    const before = await database.db.client.contract.count();
    const r = await cli("contract", "add", "--customer", "", "--channel", "general", "--incidents=0", "--confirmed", "2026-02-30");
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    for (const flag of ["--customer", "--channel", "--incidents", "--confirmed"]) {
      expect(lines.some((l) => l.includes(flag)), flag).toBe(true);
    }
    expect(await database.db.client.contract.count()).toBe(before);
  });

  it("refuses a channel that already belongs to another customer", async () => {
    const r = await cli("contract", "add", "--customer", "別のお客様", "--channel", "C0CUST1", "--incidents", "5", "--confirmed", "2026-04-01");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--channel");
    expect(await database.db.client.customer.count({ where: { name: "別のお客様" } })).toBe(0);
  });

  it("rejects unknown flags and commands with exit 2", async () => {
    expect((await cli("contract", "add", "--colour", "blue")).code).toBe(2);
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command");
  });

  it("exports every table as CSV that spreadsheets read (BOM, header) and as JSON Lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const r = await cli("export", "--out", dir);
    expect(r.code).toBe(0);
    const ledger = readFileSync(join(dir, "ledger.csv"), "utf8");
    expect(ledger.startsWith("\uFEFFid,contractId,customerId,caseId,kind,amount")).toBe(true);
    expect(ledger).toContain(",purchase,10,");
    const json = await cli("export", "--out", dir, "--format", "json");
    expect(json.code).toBe(0);
    const customers = readFileSync(join(dir, "customers.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { name: string });
    expect(customers.map((c) => c.name)).toEqual(["株式会社サンプル"]);
  });

  it("reports the database up to date after migration", async () => {
    const r = await cli("db", "status");
    expect(r.code).toBe(0);
    expect(r.out).toContain("pending: none");
  });
});

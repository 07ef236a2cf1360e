// The managers' contract commands: additional purchase, renewal, adjustment, listing and the ledger CSV, each with
// --help and exit 2 (and nothing written) on bad input. Rules: R-CON-3, R-CON-4, R-CON-5, R-CON-7.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { addDays, oneYearFrom } from "../../src/domain/contract.ts";
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

const ledgerCount = () => database.db.client.ledgerEntry.count();
// The command line runs on the wall clock: dates are chosen around today so the contracts are in force.
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const renewalStart = addDays(today, 30);

describe("contract commands", () => {
  it("explain themselves with --help and exit 0", async () => {
    for (const command of [["contract", "addition"], ["contract", "renew"], ["contract", "adjust"], ["contract", "list"], ["ledger", "export"]]) {
      const r = await cli(...command, "--help");
      expect(r.code, command.join(" ")).toBe(0);
      expect(r.out).toContain(`npm run cli -- ${command.join(" ")}`);
    }
    expect((await cli("--help")).out).toContain("contract renew");
  });

  it("record an additional purchase on the customer's contract in force, validity unchanged (R-CON-3)", async () => {
    expect((await cli("contract", "add", "--customer", "株式会社サンプル", "--channel", "C0CLI1", "--incidents", "10", "--confirmed", today)).code).toBe(0);
    const r = await cli("contract", "addition", "--customer", "株式会社サンプル", "--incidents", "5", "--note", "注文書 #7", "--by", "U0MGR1");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`purchased 15, available 15, valid until ${oneYearFrom(today)}`);
    const entry = await database.db.client.ledgerEntry.findFirstOrThrow({ where: { kind: "addition" } });
    expect(entry).toMatchObject({ amount: 5, actorId: "U0MGR1", reason: "注文書 #7" });
  });

  it("refuse bad input with exit 2 and a line naming the flag, writing nothing", async () => {
    const before = await ledgerCount();
    const cases: Array<[string[], string]> = [
      [["contract", "addition", "--customer", "株式会社サンプル", "--incidents", "0"], "--incidents"],
      [["contract", "addition", "--customer", "株式会社サンプル", "--incidents", "two"], "--incidents"],
      [["contract", "addition", "--customer", "存在しない会社", "--incidents", "1"], "--customer"],
      [["contract", "addition", "--contract", "999", "--incidents", "1"], "--contract"],
      [["contract", "addition", "--incidents", "1"], "--contract"],
      [["contract", "adjust", "--customer", "株式会社サンプル", "--amount=-1"], "--reason"],
      [["contract", "adjust", "--customer", "株式会社サンプル", "--amount=0", "--reason", "訂正"], "--amount"],
      [["contract", "adjust", "--customer", "株式会社サンプル", "--amount=-100", "--reason", "訂正"], "--amount"],
      [["contract", "renew", "--customer", "株式会社サンプル", "--incidents", "5"], "--confirmed"],
      [["contract", "renew", "--customer", "株式会社サンプル", "--incidents", "5", "--start", "2027-04-01", "--end", "2027-01-01"], "--end"],
      [["contract", "renew", "--customer", "株式会社サンプル", "--incidents", "5", "--confirmed", "2027-04-01", "--colour", "red"], "colour"],
      [["ledger", "export", "--from", "2026-09-30", "--to", "2026-04-01"], "--to"],
      [["ledger", "export", "--to", "2026-04-01"], "--from"],
    ];
    for (const [argv, flag] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain(flag);
    }
    expect(await ledgerCount()).toBe(before);
  });

  it("register a renewal as a new, possibly overlapping contract, and ask which one when several are in force (R-CON-4, R-CON-6)", async () => {
    const r = await cli("contract", "renew", "--customer", "株式会社サンプル", "--incidents", "20", "--confirmed", renewalStart);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`for 株式会社サンプル: 20 incidents, valid ${renewalStart} – ${oneYearFrom(renewalStart)} (overlaps contract`);
    // The renewal bought ahead can take additions too: with two candidates the operator must choose.
    const ambiguous = await cli("contract", "addition", "--customer", "株式会社サンプル", "--incidents", "1");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain("has 2 contracts in force");
    expect(ambiguous.err).toContain("choose one with --contract");
  });

  it("adjust with a reason, down to but never below zero available (R-CON-7)", async () => {
    const first = await database.db.client.contract.findFirstOrThrow({ orderBy: { id: "asc" } });
    const tooMuch = await cli("contract", "adjust", "--contract", String(first.id), "--amount=-16", "--reason", "登録誤り");
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.err).toContain("only 15 available");
    const r = await cli("contract", "adjust", "--contract", String(first.id), "--amount=-5", "--reason", "登録誤り", "--by", "U0MGR1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("purchased 10, available 10");
    expect(await database.db.client.ledgerEntry.findFirst({ where: { kind: "adjust" } })).toMatchObject({ amount: -5, reason: "登録誤り", actorId: "U0MGR1" });
  });

  it("list contracts with their period, status and counters", async () => {
    const r = await cli("contract", "list", "--customer", "株式会社サンプル");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^id\s+customer\s+kind\s+period\s+status\s+bought\s+consumed\s+reserved\s+available\s+lapsed$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(2, 6))).toEqual([
      ["initial", `${today} – ${oneYearFrom(today)}`, "active", "10"],
      ["renewal", `${renewalStart} – ${oneYearFrom(renewalStart)}`, "upcoming", "20"],
    ]);
  });

  it("export the ledger of a period as a CSV file with a byte-order mark and a header", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ledger-"));
    const file = join(dir, "ledger.csv");
    const r = await cli("ledger", "export", "--from", "2000-01-01", "--to", "2100-12-31", "--out", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote 4 ledger entries from 2000-01-01 to 2100-12-31 to ${file}`);
    const csv = readFileSync(file, "utf8");
    expect(csv.startsWith("\uFEFFentry,time,customer,contract,contract period,kind,incidents,case,by,reason\r\n")).toBe(true);
    expect(csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[5])).toEqual(["purchase", "addition", "purchase", "adjust"]);
    // The ledger names customers: the file is readable by its owner only.
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});

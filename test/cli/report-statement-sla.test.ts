// `report statement` and `report sla` on the command line: the usage statement of one customer, and first-response
// and resolution times per month in business time, as CSV files a manager can open in a spreadsheet.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { rateCase } from "../../src/services/rate-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { HAS_PDFTOTEXT, joined, pdfText } from "../report/pdf-text.ts";
import { createWorld, CUSTOMER, ENGINEER, openedCase, registerCustomer, tokyo, type World } from "../services/contract-world.ts";

let w: World;
const dir = mkdtempSync(join(tmpdir(), "report-cli-"));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: w.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A case opened at one local time, first answered at another, and resolved at a third (null: not yet). */
async function history(channelId: string, level: "normal" | "A", opened: string, answered: string | null, resolved: string | null): Promise<number> {
  w.clock.set(tokyo(opened));
  const id = await openedCase(w, channelId, level);
  // The first response is the engineer's first message in the thread; the report reads the time recorded for it.
  if (answered) await w.database.db.client.case.update({ where: { id }, data: { firstResponseAt: tokyo(answered) } });
  if (resolved) {
    w.clock.set(tokyo(resolved));
    await resolveCase(w.deps, { caseId: id, actorId: ENGINEER });
  }
  return id;
}

beforeAll(async () => {
  w = await createWorld("2026-05-01 09:00");
  const sample = await registerCustomer(w, { name: "株式会社サンプル", incidents: 20, confirmedOn: "2026-05-01" });
  const other = await registerCustomer(w, { name: "他社株式会社", incidents: 5, confirmedOn: "2026-05-01" });
  // Friday 17:00 → Monday 10:00: 17 business hours, on time; resolved Tuesday 17:00: two business days.
  const friday = await history(sample.channelId, "normal", "2026-06-05 17:00", "2026-06-08 10:00", "2026-06-09 17:00");
  // Monday 10:00 → Wednesday 11:00: 49 business hours, late (due Tuesday 10:00).
  await history(sample.channelId, "normal", "2026-06-01 10:00", "2026-06-03 11:00", "2026-06-03 12:00");
  // Level A: no first-response target.
  await history(sample.channelId, "A", "2026-06-02 10:00", null, null);
  // Another customer's July case, never answered: late.
  await history(other.channelId, "normal", "2026-07-01 10:00", null, null);
  await rateCase(w.deps, { caseId: friday, score: 5, actorId: CUSTOMER, askTs: null });
});
afterAll(async () => {
  await w?.close();
});

describe("report sla", () => {
  it("writes p50 and p90 in business time, the missed targets and the ratings, per month, overall and per customer", async () => {
    const out = join(dir, "sla.csv");
    const r = await cli("report", "sla", "--from", "2026-06-01", "--to", "2026-07-31", "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toContain("月,お客様,案件数,初回回答済み,初回回答 p50（営業時間）");
    expect(lines.slice(1)).toEqual([
      "2026-06,全体,3,2,17,49,1,2,2,2.1,1,5",
      "2026-06,株式会社サンプル,3,2,17,49,1,2,2,2.1,1,5",
      "2026-07,全体,1,0,,,1,0,,,0,",
      "2026-07,他社株式会社,1,0,,,1,0,,,0,",
    ]);
  });

  it("draws the months' incidents consumed per customer as a PNG with --chart", async () => {
    const chart = join(dir, "usage.png");
    const r = await cli("report", "sla", "--from", "2026-05-01", "--to", "2026-07-31", "--out", join(dir, "sla2.csv"), "--chart", chart);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2026-05 – 2026-07");
    const png = PNG.sync.read(readFileSync(chart));
    expect([png.width, png.height]).toEqual([1200, 700]);
  });

  it("refuses a period that ends before it starts, naming the flag", async () => {
    const r = await cli("report", "sla", "--from", "2026-07-01", "--to", "2026-06-01");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--to");
  });
});

describe("report statement", () => {
  it("writes one customer's usage statement and nothing of another's", async () => {
    const out = join(dir, "statement.csv");
    const r = await cli("report", "statement", "--customer", "株式会社サンプル", "--out", out);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv).toContain("購入・調整,2026-05-01,,,,,購入,,,,20,");
    expect(csv).toContain(",2026-06-05,2026-06-09,#");
    expect(csv).toContain(`,${translator("ja")("level.normal")},解決,1,0,0,,`);
    expect(csv).toContain(",サービスレベルA,対応中,0,0,3,,");
    expect(csv).not.toContain("他社");
  });

  it("writes it as PDF, with the balance and validity, still nothing of another's", async () => {
    const out = join(dir, "statement.pdf");
    const r = await cli("report", "statement", "--customer", "株式会社サンプル", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("as PDF");
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!HAS_PDFTOTEXT) return;
    const text = joined(pdfText(pdf));
    expect(text).toContain("利用明細書");
    expect(text).toContain("株式会社サンプル様");
    expect(text).toContain("有効期限:");
    expect(text).toContain("ご利用可能");
    expect(text).not.toContain("他社");
  });

  it("refuses a PDF without a file to write it to", async () => {
    const r = await cli("report", "statement", "--customer", "株式会社サンプル", "--format", "pdf");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
  });

  it("says which customers were meant when the name is not exact", async () => {
    const r = await cli("report", "statement", "--customer", "サンプル");
    expect(r.code).toBe(2);
    expect(r.err).toContain("株式会社サンプル");
  });
});

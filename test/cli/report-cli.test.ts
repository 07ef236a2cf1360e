// `report render`: any version of a case's formal report to a PDF file, for archives; bad input exits 2.
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { BusinessCalendar } from "../../src/domain/calendar.ts";
import { emptySections } from "../../src/domain/report.ts";
import { claimReportDelivery, recordReportDelivered } from "../../src/services/deliver-report.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { openCase } from "../../src/services/open-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { reviewReport } from "../../src/services/review-report.ts";
import { saveReportVersion } from "../../src/services/save-report-version.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { HAS_PDFTOTEXT, pdfText } from "../report/pdf-text.ts";

let database: TestDatabase;
let deps: ServiceDeps;
let caseId: number;
const dir = mkdtempSync(join(tmpdir(), "report-cli-"));

const content = (cause: string) => ({
  header: { customer: "株式会社サンプル", caseNumber: "", product: "らかん™ 4.2", receivedOn: "2026-11-24", answeredOn: "2026-11-26", engineer: "エンジニア" },
  sections: { ...emptySections(), subject: "ライセンス認証の件", summary: "概要です。", events: "E-1024 が表示されます。", cause, measures: "設定を変更してください。" },
});

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: new TestClock("2026-11-27T01:00:00Z"), calendar: new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: [] }), triageChannel: null };
  const registered = await registerContract(deps, { customerName: "株式会社サンプル", channelIds: ["C0CUST1"], incidents: 10, confirmedOn: "2026-04-01", actorId: "U0MGR1", customerTeamId: "T0CUST" });
  if (!registered.ok) throw new Error("not registered");
  const opened = await openCase(deps, { requestKey: randomUUID(), channelId: "C0CUST1", openedBy: "U0CUST1", title: "ライセンス認証の件", description: "E-1024", level: "A", levelReason: "report" });
  if (!opened.ok) throw new Error(opened.reason);
  caseId = opened.caseId;
  // v1 delivered as 第1版, then v2 saved as a correction not yet reviewed.
  const v1 = await saveReportVersion(deps, { caseId, actorId: "U0ENG1", requestKey: randomUUID(), content: content("初版の原因"), changeNote: null, locale: "ja", requestReview: true });
  if (!v1.ok) throw new Error(v1.reason);
  await reviewReport(deps, { versionId: v1.versionId, decision: "approve", reviewer: { userId: "U0ENG2", engineer: true, manager: false } });
  const claim = await claimReportDelivery(deps, { versionId: v1.versionId, actorId: "U0ENG1" });
  if (!claim.ok) throw new Error(claim.reason);
  await recordReportDelivered(deps, { versionId: v1.versionId, actorId: "U0ENG1", fileId: "F0FILE1" });
  const v2 = await saveReportVersion(deps, { caseId, actorId: "U0ENG1", requestKey: randomUUID(), content: content("訂正後の原因"), changeNote: "原因を訂正", locale: "ja", requestReview: false });
  if (!v2.ok) throw new Error(v2.reason);
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

describe("npm run cli -- report render", () => {
  it("writes the delivered edition as it went out, and the latest version marked as an undelivered draft", async () => {
    const edition = join(dir, "edition1.pdf");
    const first = await cli("report", "render", "--case", String(caseId), "--edition", "1", "--out", edition);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain("edition 1 (version 1)");
    const latest = join(dir, "latest.pdf");
    const second = await cli("report", "render", "--case", String(caseId), "--out", latest);
    expect(second.out).toContain("version 2 (not delivered)");
    expect(readFileSync(latest).subarray(0, 5).toString()).toBe("%PDF-");
    if (!HAS_PDFTOTEXT) return;
    const delivered = pdfText(readFileSync(edition));
    expect(delivered).toContain("第1版");
    expect(delivered).toContain("初版の原因");
    const draft = pdfText(readFileSync(latest));
    expect(draft).toContain("未送付");
    expect(draft).toContain("訂正後の原因");
  });

  it("refuses what names no report or no version, with exit 2 and the flag, writing nothing", async () => {
    const out = join(dir, "none.pdf");
    for (const args of [["--case", "999", "--out", out], ["--case", String(caseId), "--version", "9", "--out", out], ["--case", String(caseId), "--version", "1", "--edition", "1", "--out", out], ["--case", "x", "--out", out], ["--case", String(caseId)]]) {
      const r = await cli("report", "render", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(/--(case|version|edition|out)/);
    }
    expect(existsSync(out)).toBe(false);
  });
});

// The ledger CSV a manager opens in Excel: a byte-order mark, a header row, one line per entry of the period chosen
// by local dates in the business timezone, times in that timezone, nothing a spreadsheet would run. Rule: R-CON-7.
import { afterEach, describe, expect, it } from "vitest";
import { addIncidents } from "../../src/services/add-incidents.ts";
import { adjustBalance } from "../../src/services/adjust-balance.ts";
import { ledgerCsvFile, validatePeriod } from "../../src/services/export-ledger.ts";
import { createWorld, expectReconciled, MANAGER, openedCase, registerCustomer, tokyo, type World } from "./contract-world.ts";

let w: World | undefined;
afterEach(async () => {
  if (!w) return;
  await expectReconciled(w);
  await w.close();
  w = undefined;
});

function rows(content: Buffer): string[] {
  return content.toString("utf8").split("\r\n").filter((line) => line !== "");
}

describe("the ledger CSV", () => {
  it("holds the entries of the local dates chosen, with times in the business timezone", async () => {
    const world = await createWorld("2026-04-01 10:00");
    w = world;
    const { channelId, contractId } = await registerCustomer(world, { name: "株式会社\"引用\",カンマ" });
    world.clock.set(tokyo("2026-04-30 23:30"));
    const caseId = await openedCase(world, channelId);
    world.clock.set(tokyo("2026-05-01 00:10"));
    await addIncidents(world.deps, { contractId, incidents: 2, actorId: MANAGER });

    const april = await ledgerCsvFile(world.deps, { from: "2026-04-01", to: "2026-04-30" });
    expect(april.content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = rows(april.content);
    expect(lines[0]).toBe("\uFEFFentry,time,customer,contract,contract period,kind,incidents,case,by,reason");
    expect(april.entries).toBe(2);
    expect(lines.slice(1)).toEqual([
      `1,2026-04-01T10:00:00+09:00,"株式会社""引用"",カンマ",${contractId},2026-04-01..2027-03-31,purchase,10,,${MANAGER},`,
      `2,2026-04-30T23:30:00+09:00,"株式会社""引用"",カンマ",${contractId},2026-04-01..2027-03-31,reserve,1,#${String(caseId).padStart(4, "0")},U0CUST1,`,
    ]);
    const may = await ledgerCsvFile(world.deps, { from: "2026-05-01", to: "2026-05-01" });
    expect(may.entries).toBe(1);
    expect(rows(may.content)[1]).toContain(`,2026-05-01T00:10:00+09:00,`);
    expect(rows(may.content)[1]).toContain(`,addition,2,,${MANAGER},`);
  });

  it("never hands a spreadsheet a formula, and uses the labels it is given", async () => {
    const world = await createWorld();
    w = world;
    const { contractId } = await registerCustomer(world);
    await adjustBalance(world.deps, { contractId, amount: -1, reason: "=HYPERLINK(\"http://example.com\")", actorId: MANAGER });
    const labels = { header: ["台帳ID", "日時", "お客様", "契約", "契約期間", "種別", "インシデント", "案件", "実行者", "理由"] as const, kind: (k: string) => (k === "adjust" ? "調整" : k) };
    const file = await ledgerCsvFile(world.deps, { from: "2026-04-01", to: "2026-04-01" }, labels);
    const lines = rows(file.content);
    expect(lines[0]).toBe("\uFEFF台帳ID,日時,お客様,契約,契約期間,種別,インシデント,案件,実行者,理由");
    expect(lines[2]).toContain(",調整,-1,,U0MGR1,\"'=HYPERLINK(\"\"http://example.com\"\")\"");
  });

  it("asks for both dates, real ones, in order", () => {
    expect(validatePeriod("2026-04-01", "2026-09-30")).toEqual({ ok: true, from: "2026-04-01", to: "2026-09-30" });
    expect(validatePeriod("2026-09-30", "2026-04-01")).toEqual({ ok: false, errors: { to: "before_start" } });
    expect(validatePeriod("2026-02-30", undefined)).toEqual({ ok: false, errors: { from: "invalid", to: "required" } });
  });
});

// Contract validity and which contract a reservation draws from. Rules: R-CON-2, R-CON-3, R-CON-6.
import { describe, expect, it } from "vitest";
import { acceptsAddition, contractPeriod, coveredUntil, lapsed, oneYearFrom, type ContractTerms } from "../../src/domain/contract.ts";
import { planDraw } from "../../src/domain/reservation.ts";

const terms = (id: number, startsOn: string, endsOn: string, counters: Partial<ContractTerms> = {}): ContractTerms =>
  ({ id, startsOn, endsOn, purchased: 10, available: 10, reserved: 0, consumed: 0, ...counters });

describe("one year of validity (R-CON-2)", () => {
  it.each([
    ["2026-04-01", "2027-03-31"],
    ["2026-01-01", "2026-12-31"],
    ["2026-03-01", "2027-02-28"],
    ["2027-03-01", "2028-02-29"],
    ["2028-02-29", "2029-02-28"],
    ["2027-02-28", "2028-02-27"],
    ["2026-12-31", "2027-12-30"],
  ])("confirmed %s → valid through %s", (confirmed, end) => {
    expect(oneYearFrom(confirmed)).toBe(end);
  });

  it("takes the confirmation date or explicit dates, never both", () => {
    expect(contractPeriod({ confirmedOn: "2026-04-01" }, "2026-03-01")).toEqual({ ok: true, startsOn: "2026-04-01", endsOn: "2027-03-31" });
    expect(contractPeriod({ startsOn: "2026-04-10", endsOn: "2026-10-09" }, "2026-03-01")).toEqual({ ok: true, startsOn: "2026-04-10", endsOn: "2026-10-09" });
    expect(contractPeriod({ startsOn: "2026-04-10" }, "2026-03-01")).toEqual({ ok: true, startsOn: "2026-04-10", endsOn: "2027-04-09" });
    expect(contractPeriod({ confirmedOn: "2026-04-01", endsOn: "2026-12-31" }, "2026-03-01")).toEqual({ ok: false, errors: { startsOn: "both" } });
    expect(contractPeriod({ endsOn: "2026-12-31" }, "2026-03-01")).toEqual({ ok: false, errors: { startsOn: "missing" } });
    expect(contractPeriod({ confirmedOn: "2026-02-30" }, "2026-03-01")).toEqual({ ok: false, errors: { startsOn: "invalid" } });
    expect(contractPeriod({ startsOn: "2026-04-10", endsOn: "2026-04-09" }, "2026-03-01")).toEqual({ ok: false, errors: { endsOn: "before_start" } });
  });
});

describe("the sane range of contract dates", () => {
  const today = "2026-11-24";
  it("refuses a start before 2000, more than a year ahead, or a period longer than three years", () => {
    expect(contractPeriod({ confirmedOn: "1026-04-01" }, today)).toEqual({ ok: false, errors: { startsOn: "too_early" } });
    expect(contractPeriod({ startsOn: "1999-12-31" }, today)).toEqual({ ok: false, errors: { startsOn: "too_early" } });
    expect(contractPeriod({ confirmedOn: "2027-11-25" }, today)).toEqual({ ok: false, errors: { startsOn: "too_far" } });
    expect(contractPeriod({ startsOn: "2026-04-01", endsOn: "2029-04-01" }, today)).toEqual({ ok: false, errors: { endsOn: "too_long" } });
    expect(contractPeriod({ startsOn: "2026-04-01", endsOn: "9999-12-31" }, today)).toEqual({ ok: false, errors: { endsOn: "too_long" } });
  });
  it("accepts its edges", () => {
    expect(contractPeriod({ confirmedOn: "2000-01-01" }, today)).toMatchObject({ ok: true });
    expect(contractPeriod({ confirmedOn: "2027-11-24" }, today)).toEqual({ ok: true, startsOn: "2027-11-24", endsOn: "2028-11-23" });
    expect(contractPeriod({ startsOn: "2026-04-01", endsOn: "2029-03-31" }, today)).toMatchObject({ ok: true });
  });
});

describe("overlapping contracts (R-CON-6)", () => {
  const old = terms(1, "2026-04-01", "2027-03-31", { available: 2, consumed: 8 });
  const renewal = terms(2, "2027-02-01", "2028-01-31");

  it("draw from the contracts in force, the one that ends first first, spanning both when one is short", () => {
    expect(planDraw([renewal, old], "2027-02-10", 1)).toEqual([{ contractId: 1, incidents: 1 }]);
    expect(planDraw([renewal, old], "2027-02-10", 3)).toEqual([{ contractId: 1, incidents: 2 }, { contractId: 2, incidents: 1 }]);
    expect(planDraw([renewal, old], "2027-04-01", 1)).toEqual([{ contractId: 2, incidents: 1 }]);
  });

  it("let unused incidents lapse at the end, and count coverage through the renewal", () => {
    expect(lapsed(old, "2027-03-31")).toBe(0);
    expect(lapsed(old, "2027-04-01")).toBe(2);
    expect(coveredUntil([old, renewal], "2027-02-10")).toBe("2028-01-31");
    expect(coveredUntil([old], "2027-04-01")).toBeNull();
  });

  it("take additional incidents only while in force or not yet started (R-CON-3)", () => {
    expect(acceptsAddition(old, "2027-03-31")).toBe(true);
    expect(acceptsAddition(renewal, "2027-01-01")).toBe(true);
    expect(acceptsAddition(old, "2027-04-01")).toBe(false);
    expect(acceptsAddition(terms(3, "2026-04-01", "2027-03-31", { available: 0, consumed: 10 }), "2026-06-01")).toBe(false);
  });
});

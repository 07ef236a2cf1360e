// The usage forecast: the rate of a trailing window, the day the incidents in force run out, last year's usage and
// the suggested renewal. Worked examples first, then properties over any history.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type ContractTerms } from "../../src/domain/contract.ts";
import { drawnIn, exhaustionDate, forecast, lastYearUsage, MIN_HISTORY_DAYS, renewalSize, RENEWAL_STEP, type UsageEntry } from "../../src/domain/forecast.ts";

const contract = (over: Partial<ContractTerms> = {}): ContractTerms => ({
  id: 1, startsOn: "2026-04-01", endsOn: "2027-03-31", purchased: 20, available: 20, reserved: 0, consumed: 0, ...over,
});
const entry = (kind: string, amount: number, on: string, caseId: number | null = null, level: string | null = "normal"): UsageEntry => ({ kind, amount, on, caseId, level });

describe("last year's usage", () => {
  it("counts incidents consumed in the twelve months up to today and level A cases once each", () => {
    const entries = [
      entry("consume", 1, "2025-10-01", 1), // a year and more ago: not counted
      entry("consume", 1, "2025-10-02", 2),
      entry("consume", 2, "2026-01-10", 3, "A"), // a level A case drawn from two contracts
      entry("consume", 1, "2026-01-10", 3, "A"),
      entry("consume", 3, "2026-05-01", 4, "A"),
      entry("reserve", 3, "2026-09-01", 5, "A"), // still open: reserved, not consumed
      entry("consume", 1, "2026-10-02", 6), // after today
    ];
    expect(lastYearUsage(entries, "2026-10-01")).toEqual({ consumed: 7, levelA: 2 });
  });

  it("is zero for a customer with no history", () => {
    expect(lastYearUsage([], "2026-10-01")).toEqual({ consumed: 0, levelA: 0 });
  });
});

describe("the forecast", () => {
  it("projects the day the incidents run out at the window's rate, before the contract ends", () => {
    // 9 incidents drawn in the last 90 days (one released again): 0.1 a day; 10 available last 100 days.
    const entries = [
      ...Array.from({ length: 10 }, (_, i) => entry("reserve", 1, addDays("2026-09-30", -i * 8), i + 1)),
      entry("release", 1, "2026-09-20", 3),
    ];
    const f = forecast({ contracts: [contract({ available: 10, reserved: 0, consumed: 10 })], entries, today: "2026-09-30", since: "2026-04-01" });
    expect(f.windowDays).toBe(90);
    expect(f.drawn).toBe(9);
    expect(f.ratePerDay).toBeCloseTo(0.1);
    expect(f.exhaustsOn).toBe("2027-01-07");
    expect(f.runsOutEarly).toBe(true);
  });

  it("does not run out when the rate leaves incidents at the end, and says no date", () => {
    const entries = [entry("reserve", 1, "2026-08-01", 1), entry("reserve", 1, "2026-09-01", 2)];
    const f = forecast({ contracts: [contract()], entries, today: "2026-09-30", since: "2026-04-01" });
    expect(f.exhaustsOn).toBeNull();
    expect(f.runsOutEarly).toBe(false);
  });

  it("has no rate with too little history, instead of inventing a trend from one week", () => {
    const entries = [entry("reserve", 3, "2026-04-02", 1, "A")];
    const f = forecast({ contracts: [contract()], entries, today: "2026-04-05", since: "2026-04-01" });
    expect(f.windowDays).toBe(5);
    expect(f.ratePerDay).toBeNull();
    expect(f.exhaustsOn).toBeNull();
    expect(f.runsOutEarly).toBe(false);
    expect(f.suggestedRenewal).toBe(RENEWAL_STEP);
  });

  it("has a rate of zero for a quiet customer, and never divides by zero", () => {
    const f = forecast({ contracts: [contract()], entries: [], today: "2026-09-30", since: "2026-04-01" });
    expect(f.ratePerDay).toBe(0);
    expect(f.exhaustsOn).toBeNull();
    expect(f.suggestedRenewal).toBe(RENEWAL_STEP);
  });

  it("has no history at all for a customer without contracts", () => {
    const f = forecast({ contracts: [], entries: [], today: "2026-09-30", since: null });
    expect(f).toMatchObject({ windowDays: 0, ratePerDay: null, available: 0, endsOn: null, exhaustsOn: null, runsOutEarly: false });
  });

  it("draws a renewal bought early after the first contract, and lets the first one's rest lapse", () => {
    const first = contract({ id: 1, endsOn: "2026-10-09", available: 5 });
    const renewal = contract({ id: 2, startsOn: "2026-10-01", endsOn: "2027-09-30", available: 4 });
    // 1 a day: the first contract's 5 would last to 2026-10-04, then the renewal's 4 to 2026-10-08.
    expect(exhaustionDate([renewal, first], "2026-09-30", 1)).toBe("2026-10-08");
    // 0.25 a day: the first contract lapses on 2026-10-09 with incidents left; the renewal's 4 last 16 days.
    expect(exhaustionDate([renewal, first], "2026-09-30", 0.25)).toBe("2026-10-25");
  });

  it("suggests a year's usage in whole packs, annualised for a customer of less than a year", () => {
    expect(renewalSize(14)).toBe(15);
    expect(renewalSize(15)).toBe(15);
    expect(renewalSize(0)).toBe(5);
    const entries = Array.from({ length: 6 }, (_, i) => entry("reserve", 1, addDays("2026-04-05", i * 15), i + 1));
    // 6 drawn in the 90-day window of 92 days of history: about 24.3 a year.
    const f = forecast({ contracts: [contract()], entries, today: "2026-07-01", since: "2026-04-01" });
    expect(f.suggestedRenewal).toBe(25);
  });
});

const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2025-01-01", n));
const usageEntry = fc.record({
  kind: fc.constantFrom("reserve", "consume", "release", "addition"),
  amount: fc.integer({ min: 1, max: 3 }),
  on: day,
  caseId: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  level: fc.constantFrom("normal", "A", null),
});
const terms = fc.record({
  id: fc.integer({ min: 1, max: 9 }),
  startsOn: day,
  length: fc.integer({ min: 0, max: 400 }),
  purchased: fc.integer({ min: 1, max: 30 }),
  used: fc.integer({ min: 0, max: 30 }),
}).map(({ id, startsOn, length, purchased, used }): ContractTerms => {
  const consumed = Math.min(used, purchased);
  return { id, startsOn, endsOn: addDays(startsOn, length), purchased, available: purchased - consumed, reserved: 0, consumed };
});

describe("forecast properties", () => {
  it("is always defined: finite rate or none, a date within the contracts in force, a renewal in whole packs", () => {
    fc.assert(fc.property(fc.array(terms, { maxLength: 4 }), fc.array(usageEntry, { maxLength: 40 }), day, fc.integer({ min: 1, max: 365 }), (contracts, entries, today, windowDays) => {
      const since = contracts.map((c) => c.startsOn).sort()[0] ?? null;
      const f = forecast({ contracts, entries, today, since, windowDays });
      expect(f.windowDays).toBeLessThanOrEqual(windowDays);
      if (f.ratePerDay !== null) {
        expect(Number.isFinite(f.ratePerDay)).toBe(true);
        expect(f.ratePerDay).toBeGreaterThanOrEqual(0);
        expect(f.windowDays).toBeGreaterThanOrEqual(MIN_HISTORY_DAYS);
      }
      if (f.exhaustsOn !== null) {
        expect(f.exhaustsOn >= today).toBe(true);
        expect(f.endsOn !== null && f.exhaustsOn <= f.endsOn).toBe(true);
      }
      expect(f.suggestedRenewal % RENEWAL_STEP).toBe(0);
      expect(f.suggestedRenewal).toBeGreaterThanOrEqual(Math.max(RENEWAL_STEP, f.lastYear.consumed));
      expect(f.lastYear.levelA).toBeLessThanOrEqual(f.lastYear.consumed);
    }));
  });

  it("a faster rate never runs out later", () => {
    fc.assert(fc.property(fc.array(terms, { minLength: 1, maxLength: 4 }), day, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), (contracts, today, rate, factor) => {
      const slow = exhaustionDate(contracts, today, rate);
      const fast = exhaustionDate(contracts, today, rate * factor);
      if (slow !== null && fast !== null) expect(fast <= slow).toBe(true);
    }));
  });

  it("the window's draws never exceed what was reserved in it", () => {
    fc.assert(fc.property(fc.array(usageEntry, { maxLength: 40 }), day, fc.integer({ min: 1, max: 365 }), (entries, today, days) => {
      const reserved = entries.filter((e) => e.kind === "reserve" && e.on > addDays(today, -days) && e.on <= today).reduce((n, e) => n + e.amount, 0);
      const drawn = drawnIn(entries, today, days);
      expect(drawn).toBeGreaterThanOrEqual(0);
      expect(drawn).toBeLessThanOrEqual(reserved);
    }));
  });
});

// Business time for the SLA report (R-CAL, R-LIFE-7): weekends, holidays and T4U's closing days do not count, and a
// normal case's first response is late after one business day.
import { describe, expect, it } from "vitest";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import { businessMs, firstResponseBreached, percentile } from "../../src/domain/sla.ts";

const cal = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+09:00`);
const hours = (from: string, to: string) => businessMs(cal, at(from), at(to)) / 3_600_000;

describe("business time", () => {
  it("counts hours on business days only", () => {
    expect(hours("2026-06-01 10:00", "2026-06-01 15:30")).toBe(5.5);
    // Friday evening to Monday morning: the weekend does not count.
    expect(hours("2026-06-05 17:00", "2026-06-08 10:00")).toBe(17);
    // Across Golden Week (2026-05-04..06 are holidays) and a weekend.
    expect(hours("2026-05-01 12:00", "2026-05-07 12:00")).toBe(24);
    // Across the year-end break, T4U's own closing days.
    expect(hours("2026-12-28 18:00", "2027-01-04 09:00")).toBe(6 + 9);
    expect(hours("2026-06-06 10:00", "2026-06-07 10:00")).toBe(0);
    expect(hours("2026-06-02 10:00", "2026-06-01 10:00")).toBe(0);
  });

  it("takes the nearest-rank percentile, and none of nothing", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([17, 49], 50)).toBe(17);
    expect(percentile([17, 49], 90)).toBe(49);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  });

  it("marks a normal case late after one business day, a level A case never", () => {
    const openedAt = at("2026-06-05 17:00");
    expect(firstResponseBreached(cal, { level: "normal", openedAt, firstResponseAt: at("2026-06-08 16:59") }, at("2026-07-01 00:00"))).toBe(false);
    expect(firstResponseBreached(cal, { level: "normal", openedAt, firstResponseAt: at("2026-06-08 17:01") }, at("2026-07-01 00:00"))).toBe(true);
    expect(firstResponseBreached(cal, { level: "normal", openedAt, firstResponseAt: null }, at("2026-06-08 12:00"))).toBe(false);
    expect(firstResponseBreached(cal, { level: "normal", openedAt, firstResponseAt: null }, at("2026-06-09 12:00"))).toBe(true);
    expect(firstResponseBreached(cal, { level: "A", openedAt, firstResponseAt: null }, at("2026-07-01 12:00"))).toBe(false);
  });
});

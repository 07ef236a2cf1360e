import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import holidayJp from "@holiday-jp/holiday_jp";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  BusinessCalendar,
  DEFAULT_CLOSED_DAYS,
  DEFAULT_TIMEZONE,
  parseClosedDays,
} from "../../src/domain/calendar.ts";

const tokyo = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
/** Only weekends and national holidays, to compare against holiday lists. */
const tokyoNoClosing = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: [] });

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

/** Every date from `first` to `last` inclusive, "YYYY-MM-DD". */
function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(first, { zone: "UTC" }); d.toISODate()! <= last; d = d.plus({ days: 1 })) {
    out.push(d.toISODate()!);
  }
  return out;
}

function isWeekend(date: string): boolean {
  return DateTime.fromISO(date, { zone: "UTC" }).weekday >= 6;
}

describe("defaults", () => {
  it("closes for the year-end break and works in Tokyo time by default", () => {
    expect(DEFAULT_CLOSED_DAYS).toEqual(["12-29..01-03"]);
    expect(DEFAULT_TIMEZONE).toBe("Asia/Tokyo");
    expect(tokyo.timezone).toBe("Asia/Tokyo");
  });
});

describe("weekends", () => {
  it("counts Monday to Friday and skips Saturday and Sunday", () => {
    expect(["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"].map((d) => tokyo.isBusinessDay(d))).toEqual([
      true, true, true, true, true,
    ]);
    expect(tokyo.isBusinessDay("2026-06-13")).toBe(false);
    expect(tokyo.isBusinessDay("2026-06-14")).toBe(false);
  });

  it("finds the next business day strictly after a date", () => {
    expect(tokyo.nextBusinessDay("2026-06-08")).toBe("2026-06-09");
    expect(tokyo.nextBusinessDay("2026-06-12")).toBe("2026-06-15");
    expect(tokyo.nextBusinessDay("2026-06-13")).toBe("2026-06-15");
  });

  it("adds business days to a date, rolling a non-business date forward first", () => {
    expect(tokyo.addBusinessDaysToDate("2026-06-12", 0)).toBe("2026-06-12");
    expect(tokyo.addBusinessDaysToDate("2026-06-12", 1)).toBe("2026-06-15");
    expect(tokyo.addBusinessDaysToDate("2026-06-12", 5)).toBe("2026-06-19");
    expect(tokyo.addBusinessDaysToDate("2026-06-13", 0)).toBe("2026-06-15");
    expect(tokyo.addBusinessDaysToDate("2026-06-13", 1)).toBe("2026-06-16");
  });
});

describe("addBusinessDays (the documented examples)", () => {
  it("Friday 15:00 + 1 is Monday 15:00", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-06-05T15:00:00+09:00"), 1))).toBe(iso(at("2026-06-08T15:00:00+09:00")));
  });

  it("Saturday 10:00 + 1 is Tuesday 00:00: the question counts as received at the start of Monday", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-06-06T10:00:00+09:00"), 1))).toBe(iso(at("2026-06-09T00:00:00+09:00")));
  });

  it("Friday 15:00 + 7 is Tuesday 15:00 of the week after next", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-06-05T15:00:00+09:00"), 7))).toBe(iso(at("2026-06-16T15:00:00+09:00")));
  });

  it("n = 0 keeps a business-day instant and moves a weekend one to the start of Monday", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-06-05T15:00:00.123+09:00"), 0))).toBe(iso(at("2026-06-05T15:00:00.123+09:00")));
    expect(iso(tokyo.addBusinessDays(at("2026-06-07T23:59:59+09:00"), 0))).toBe(iso(at("2026-06-08T00:00:00+09:00")));
  });

  it("keeps the time of day to the millisecond", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-06-10T23:59:59.999+09:00"), 2))).toBe(iso(at("2026-06-12T23:59:59.999+09:00")));
  });
});

describe("Golden Week 2026", () => {
  it("takes the data's holidays, including the 振替休日 for 憲法記念日 on a Sunday", () => {
    const names = holidayJp.holidays as Record<string, { name: string } | undefined>;
    expect(names["2026-04-29"]?.name).toBe("昭和の日");
    expect(names["2026-05-03"]?.name).toBe("憲法記念日");
    expect(names["2026-05-06"]?.name).toContain("振替休日");
  });

  it("closes 4/29 and 5/2–5/6 and opens 4/28, 4/30, 5/1 and 5/7", () => {
    const days = datesBetween("2026-04-28", "2026-05-07");
    expect(days.filter((d) => tokyo.isBusinessDay(d))).toEqual(["2026-04-28", "2026-04-30", "2026-05-01", "2026-05-07"]);
  });

  it("skips the holidays when adding business days", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-04-28T15:00:00+09:00"), 1))).toBe(iso(at("2026-04-30T15:00:00+09:00")));
    expect(iso(tokyo.addBusinessDays(at("2026-04-30T15:00:00+09:00"), 2))).toBe(iso(at("2026-05-07T15:00:00+09:00")));
    expect(iso(tokyo.addBusinessDays(at("2026-05-04T11:00:00+09:00"), 0))).toBe(iso(at("2026-05-07T00:00:00+09:00")));
    expect(tokyo.businessDaysBetween(at("2026-04-28T10:00:00+09:00"), at("2026-05-07T09:00:00+09:00"))).toBe(3);
  });
});

describe("the year-end break 12/29–1/3", () => {
  it("closes every day from 12/29 to 1/3 across the new year", () => {
    const days = datesBetween("2026-12-28", "2027-01-05");
    expect(days.filter((d) => tokyo.isBusinessDay(d))).toEqual(["2026-12-28", "2027-01-04", "2027-01-05"]);
    // 12/29–12/31 2026 are Tuesday to Thursday: only the closing rule shuts them.
    expect(tokyoNoClosing.isBusinessDay("2026-12-29")).toBe(true);
    expect(tokyoNoClosing.isBusinessDay("2026-12-31")).toBe(true);
    // 元日 stays closed without the rule.
    expect(tokyoNoClosing.isBusinessDay("2027-01-01")).toBe(false);
  });

  it("recurs every year", () => {
    expect(tokyo.isBusinessDay("2025-12-29")).toBe(false);
    expect(tokyo.isBusinessDay("2031-01-02")).toBe(false);
    expect(tokyo.isBusinessDay("2031-01-06")).toBe(true);
    expect(tokyo.addBusinessDaysToDate("2025-12-26", 1)).toBe("2026-01-05");
  });

  it("carries a deadline over the break", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-12-28T15:00:00+09:00"), 1))).toBe(iso(at("2027-01-04T15:00:00+09:00")));
    expect(iso(tokyo.addBusinessDays(at("2026-12-30T10:00:00+09:00"), 1))).toBe(iso(at("2027-01-05T00:00:00+09:00")));
    expect(tokyo.businessDaysBetween(at("2026-12-28T15:00:00+09:00"), at("2027-01-04T09:00:00+09:00"))).toBe(1);
  });
});

describe("振替休日 and 国民の休日", () => {
  it("closes 2026-09-22, the 国民の休日 between 敬老の日 and 秋分の日", () => {
    const names = holidayJp.holidays as Record<string, { name: string } | undefined>;
    expect(names["2026-09-21"]?.name).toBe("敬老の日");
    expect(names["2026-09-22"]?.name).toBe("休日");
    expect(names["2026-09-23"]?.name).toBe("秋分の日");
    expect(datesBetween("2026-09-18", "2026-09-24").filter((d) => tokyo.isBusinessDay(d))).toEqual(["2026-09-18", "2026-09-24"]);
    expect(iso(tokyo.addBusinessDays(at("2026-09-18T15:00:00+09:00"), 1))).toBe(iso(at("2026-09-24T15:00:00+09:00")));
  });

  it.each([
    ["2024-02-12", "2024-02-11"], // 建国記念の日
    ["2025-11-24", "2025-11-23"], // 勤労感謝の日
    ["2027-03-22", "2027-03-21"], // 春分の日
  ])("closes the Monday %s in lieu of the holiday on Sunday %s", (monday, sunday) => {
    expect(DateTime.fromISO(sunday).weekday).toBe(7);
    expect(tokyo.isBusinessDay(monday)).toBe(false);
    expect(tokyo.isBusinessDay(tokyo.nextBusinessDay(sunday))).toBe(true);
    expect(tokyo.nextBusinessDay(sunday)).not.toBe(monday);
  });
});

describe("midnight in Tokyo is not midnight in UTC", () => {
  const utc = new BusinessCalendar({ timezone: "UTC", closedDays: DEFAULT_CLOSED_DAYS });

  it("reads 2026-11-27T15:30Z as Saturday 00:30 in Tokyo but Friday in UTC", () => {
    expect(tokyo.localDate(at("2026-11-27T15:30:00Z"))).toBe("2026-11-28");
    expect(utc.localDate(at("2026-11-27T15:30:00Z"))).toBe("2026-11-27");
    expect(tokyo.localDate(at("2026-11-27T14:59:59.999Z"))).toBe("2026-11-27");
    expect(tokyo.localDate(at("2026-11-27T15:00:00Z"))).toBe("2026-11-28");
  });

  it("treats the Saturday-morning question as received on Monday", () => {
    expect(iso(tokyo.addBusinessDays(at("2026-11-27T15:30:00Z"), 1))).toBe("2026-11-30T15:00:00.000Z"); // Tue 00:00 JST
    expect(iso(utc.addBusinessDays(at("2026-11-27T15:30:00Z"), 1))).toBe("2026-11-30T15:30:00.000Z"); // Mon 15:30 UTC
    expect(iso(tokyo.addBusinessDays(at("2026-11-27T14:59:59.999Z"), 1))).toBe("2026-11-30T14:59:59.999Z"); // Mon 23:59 JST
  });

  it("starts Tokyo days at 15:00 UTC the day before", () => {
    expect(iso(tokyo.startOfDay("2026-11-28"))).toBe("2026-11-27T15:00:00.000Z");
    expect(iso(utc.startOfDay("2026-11-28"))).toBe("2026-11-28T00:00:00.000Z");
  });

  it("counts business days on Tokyo dates", () => {
    const friday = at("2026-11-27T10:00:00+09:00");
    expect(tokyo.businessDaysBetween(friday, at("2026-11-27T15:30:00Z"))).toBe(0);
    expect(utc.businessDaysBetween(friday, at("2026-11-27T15:30:00Z"))).toBe(0);
    expect(tokyo.businessDaysBetween(friday, at("2026-11-29T15:00:00Z"))).toBe(1); // Mon 00:00 JST
    expect(utc.businessDaysBetween(friday, at("2026-11-29T15:00:00Z"))).toBe(0); // still Sunday in UTC
  });
});

describe("businessDaysBetween", () => {
  it("counts business days after from's date up to and including to's date", () => {
    const monday = at("2026-06-08T17:00:00+09:00");
    expect(tokyo.businessDaysBetween(monday, at("2026-06-10T09:00:00+09:00"))).toBe(2);
    expect(tokyo.businessDaysBetween(monday, at("2026-06-08T23:00:00+09:00"))).toBe(0);
    expect(tokyo.businessDaysBetween(monday, at("2026-06-05T09:00:00+09:00"))).toBe(0);
    expect(tokyo.businessDaysBetween(at("2026-06-12T17:00:00+09:00"), at("2026-06-13T09:00:00+09:00"))).toBe(0);
    expect(tokyo.businessDaysBetween(at("2026-06-12T17:00:00+09:00"), at("2026-06-15T09:00:00+09:00"))).toBe(1);
    expect(tokyo.businessDaysBetween(at("2026-06-13T17:00:00+09:00"), at("2026-06-15T09:00:00+09:00"))).toBe(1);
  });

  it("counts a whole year of business days", () => {
    const expected = datesBetween("2026-01-01", "2026-12-31").filter((d) => tokyo.isBusinessDay(d)).length;
    expect(expected).toBeGreaterThan(230);
    expect(tokyo.businessDaysBetween(at("2025-12-31T12:00:00+09:00"), at("2026-12-31T12:00:00+09:00"))).toBe(expected);
  });
});

describe("company closing days", () => {
  it("parses a comma-separated configuration value", () => {
    expect(parseClosedDays("12-29..01-03,2027-08-13")).toEqual(["12-29..01-03", "2027-08-13"]);
    expect(parseClosedDays(" 08-13 .. 08-15 , 2026-05-01..2026-05-06 ")).toEqual(["08-13 .. 08-15", "2026-05-01..2026-05-06"]);
    expect(parseClosedDays("")).toEqual([]);
    expect(parseClosedDays("  ")).toEqual([]);
  });

  it("closes one-off dates, recurring dates and both kinds of range", () => {
    const spec = parseClosedDays("12-29..01-03,2027-08-13,08-14..08-15,2026-05-01..2026-05-06,02-29");
    if (spec instanceof Error) throw spec;
    const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: spec });
    // 2027-08-13 (Fri) only in 2027
    expect(calendar.isBusinessDay("2027-08-13")).toBe(false);
    expect(calendar.isBusinessDay("2026-08-13")).toBe(true);
    // 08-14..08-15 every year: Fri 2026-08-14, Mon 2028-08-14 and Tue 2028-08-15
    expect(calendar.isBusinessDay("2026-08-14")).toBe(false);
    expect(calendar.isBusinessDay("2028-08-14")).toBe(false);
    expect(calendar.isBusinessDay("2028-08-15")).toBe(false);
    expect(calendar.isBusinessDay("2028-08-16")).toBe(true);
    // 2026-05-01 (Fri) closes the gap in Golden Week
    expect(calendar.isBusinessDay("2026-05-01")).toBe(false);
    expect(tokyo.isBusinessDay("2026-05-01")).toBe(true);
    expect(calendar.addBusinessDaysToDate("2026-04-30", 1)).toBe("2026-05-07");
    // 02-29 only exists in leap years
    expect(calendar.isBusinessDay("2028-02-29")).toBe(false);
    expect(calendar.isBusinessDay("2027-03-01")).toBe(true);
    // and the year-end break still applies
    expect(calendar.isBusinessDay("2026-12-30")).toBe(false);
  });

  it("rejects a bad entry when the calendar is built", () => {
    expect(() => new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: ["13-01"] })).toThrow(RangeError);
    expect(() => new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: ["13-01"] })).toThrow(/13-01/);
  });
});

describe("parseClosedDays errors", () => {
  it.each([
    ["13-01", /"13-01" is not a valid month and day/],
    ["04-31", /"04-31" is not a valid month and day/],
    ["2026-02-29", /"2026-02-29" is not a valid calendar date/],
    ["12/29", /"12\/29" is not a date/],
    ["1-3", /"1-3" is not a date/],
    ["12-29..2027-01-03", /mixes an every-year date/],
    ["2026-12-29..01-03", /mixes an every-year date/],
    ["2026-05-06..2026-05-01", /ends before it starts/],
    ["12-29..01-03..01-05", /more than one "\.\."/],
    ["12-29..", /"" is not a date/],
    ["12-29,,01-05", /#2 .*empty entry/],
    ["12-29,2027-08-32", /#2 .*"2027-08-32" is not a valid calendar date/],
  ])("returns an Error for %j", (spec, message) => {
    let result: string[] | Error | undefined;
    expect(() => {
      result = parseClosedDays(spec);
    }).not.toThrow();
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(message);
    expect((result as Error).message).toContain(spec);
  });
});

describe("input checks", () => {
  it("rejects an unknown time zone", () => {
    expect(() => new BusinessCalendar({ timezone: "Tokyo/Nowhere", closedDays: [] })).toThrow(/Unknown time zone "Tokyo\/Nowhere"/);
  });

  it("rejects malformed dates", () => {
    expect(() => tokyo.isBusinessDay("2026-6-1")).toThrow(RangeError);
    expect(() => tokyo.isBusinessDay("2026-02-30")).toThrow(RangeError);
    expect(() => tokyo.startOfDay("2026-06-01T00:00")).toThrow(RangeError);
    expect(() => new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: [], holidays: ["2026-02-30"] })).toThrow(RangeError);
  });

  it("rejects a negative or fractional count and an invalid Date", () => {
    const t = at("2026-06-05T15:00:00+09:00");
    expect(() => tokyo.addBusinessDays(t, -1)).toThrow(RangeError);
    expect(() => tokyo.addBusinessDays(t, 1.5)).toThrow(RangeError);
    expect(() => tokyo.addBusinessDays(t, Number.NaN)).toThrow(RangeError);
    expect(() => tokyo.addBusinessDaysToDate("2026-06-05", -2)).toThrow(RangeError);
    expect(() => tokyo.addBusinessDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => tokyo.localDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("refuses dates outside 1900–2199 instead of building an index for them", () => {
    expect(() => tokyo.isBusinessDay("2200-01-01")).toThrow(/outside the supported range/);
    expect(() => tokyo.isBusinessDay("1899-12-31")).toThrow(/outside the supported range/);
    expect(() => tokyo.localDate(at("+275000-01-01T00:00:00Z"))).toThrow(RangeError);
    expect(() => tokyo.addBusinessDays(at("2199-12-20T00:00:00Z"), 100)).toThrow(/supported range/);
  });
});

describe("beyond the precomputed window", () => {
  const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });

  it("extends backwards for old dates", () => {
    expect(calendar.isBusinessDay("1985-01-15")).toBe(false); // 成人の日 (Tuesday)
    expect(calendar.isBusinessDay("1985-01-16")).toBe(true);
    expect(iso(calendar.startOfDay("1985-01-16"))).toBe("1985-01-15T15:00:00.000Z");
  });

  it("extends forwards, where only weekends and closing days apply after the holiday data ends", () => {
    expect(calendar.addBusinessDaysToDate("2070-12-24", 3)).toBe("2071-01-05");
    expect(calendar.isBusinessDay("2100-01-04")).toBe(true);
    expect(iso(calendar.startOfDay("2100-03-01"))).toBe("2100-02-28T15:00:00.000Z"); // 2100 is not a leap year
  });

  it("counts across a rebuild consistently", () => {
    const from = at("2058-06-03T12:00:00+09:00"); // Monday
    const to = at("2063-06-01T12:00:00+09:00"); // Friday
    const expected = datesBetween("2058-06-04", "2063-06-01").filter((d) => tokyo.isBusinessDay(d)).length;
    const fresh = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
    expect(fresh.businessDaysBetween(from, to)).toBe(expected);
    expect(iso(fresh.addBusinessDays(from, expected))).toBe(iso(at("2063-06-01T12:00:00+09:00")));
  });

  it("answers correctly on the very call that grows the index", () => {
    const fresh = (): BusinessCalendar => new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
    expect(fresh().isBusinessDay("2100-01-04")).toBe(true); // Monday
    expect(fresh().isBusinessDay("1980-01-15")).toBe(false); // 成人の日 (Tuesday)
    expect(iso(fresh().startOfDay("2100-01-04"))).toBe("2100-01-03T15:00:00.000Z");
    expect(fresh().nextBusinessDay("2099-12-25")).toBe("2099-12-28");
    expect(fresh().addBusinessDaysToDate("2099-12-25", 2)).toBe("2100-01-04");
    expect(fresh().localDate(at("2100-01-03T15:00:00Z"))).toBe("2100-01-04");
    expect(iso(fresh().addBusinessDays(at("2099-12-25T15:00:00+09:00"), 1))).toBe(iso(at("2099-12-28T15:00:00+09:00")));
    expect(iso(fresh().addBusinessDays(at("2060-12-24T15:00:00+09:00"), 3))).toBe(iso(at("2061-01-04T15:00:00+09:00")));
    expect(fresh().businessDaysBetween(at("2099-12-25T15:00:00+09:00"), at("2100-01-04T15:00:00+09:00"))).toBe(2);
    expect(fresh().businessDaysBetween(at("1980-01-14T15:00:00+09:00"), at("1980-01-16T15:00:00+09:00"))).toBe(1);
  });

  it("adds very many business days", () => {
    expect(tokyo.businessDaysBetween(at("2026-06-05T15:00:00+09:00"), tokyo.addBusinessDays(at("2026-06-05T15:00:00+09:00"), 30_000))).toBe(
      30_000,
    );
  });
});

describe("a custom holiday list", () => {
  it("replaces the national holidays", () => {
    const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: [], holidays: ["2026-06-10"] });
    expect(calendar.isBusinessDay("2026-06-10")).toBe(false);
    expect(calendar.isBusinessDay("2026-05-04")).toBe(true); // みどりの日 is not in this list
    expect(calendar.addBusinessDaysToDate("2026-06-09", 1)).toBe("2026-06-11");
  });
});

describe("a zone with DST: Europe/Berlin", () => {
  const berlin = new BusinessCalendar({ timezone: "Europe/Berlin", closedDays: DEFAULT_CLOSED_DAYS });

  it("keeps the wall-clock time over the spring and autumn changes", () => {
    // Clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    const spring = berlin.addBusinessDays(at("2026-03-27T10:00:00+01:00"), 1);
    expect(iso(spring)).toBe(iso(at("2026-03-30T10:00:00+02:00")));
    expect(spring.getTime() - at("2026-03-27T10:00:00+01:00").getTime()).toBe(71 * 3_600_000);
    expect(iso(berlin.addBusinessDays(at("2026-10-23T10:00:00+02:00"), 1))).toBe(iso(at("2026-10-26T10:00:00+01:00")));
  });

  it("knows where local days start", () => {
    expect(berlin.localDate(at("2026-03-29T21:59:59.999Z"))).toBe("2026-03-29");
    expect(berlin.localDate(at("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    expect(berlin.localDate(at("2026-10-25T22:59:59.999Z"))).toBe("2026-10-25");
    expect(berlin.localDate(at("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
    expect(iso(berlin.startOfDay("2026-03-29"))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(berlin.startOfDay("2026-03-30"))).toBe("2026-03-29T22:00:00.000Z");
    expect(iso(berlin.startOfDay("2026-10-26"))).toBe("2026-10-25T23:00:00.000Z");
  });

  it("treats a question sent on the changeover Sunday as received at 00:00 Monday", () => {
    expect(iso(berlin.addBusinessDays(at("2026-03-29T02:30:00Z"), 0))).toBe(iso(at("2026-03-30T00:00:00+02:00")));
    expect(iso(berlin.addBusinessDays(at("2026-10-25T00:30:00Z"), 1))).toBe(iso(at("2026-10-27T00:00:00+01:00")));
  });

  it("agrees with luxon's wall-clock arithmetic through a whole year", () => {
    for (const date of datesBetween("2026-01-01", "2026-12-31").filter((d) => berlin.isBusinessDay(d))) {
      for (const time of ["00:00", "02:30", "09:15:30.250", "23:59:59.999"]) {
        const start = DateTime.fromISO(`${date}T${time}`, { zone: "Europe/Berlin" });
        const target = DateTime.fromISO(berlin.addBusinessDaysToDate(date, 3), { zone: "Europe/Berlin" });
        const expected = target.set({ hour: start.hour, minute: start.minute, second: start.second, millisecond: start.millisecond });
        expect(berlin.addBusinessDays(start.toJSDate(), 3).getTime()).toBe(expected.toMillis());
      }
    }
  });
});

describe("DST on a business day: Africa/Cairo", () => {
  // Egypt moves its clocks on the last Friday of April at 00:00 (to 01:00) and
  // back on the last Thursday of October at 24:00 (to 23:00).
  const cairo = new BusinessCalendar({ timezone: "Africa/Cairo", closedDays: [] });

  it("moves a time that does not exist on the target day forward by the gap, like luxon", () => {
    const result = cairo.addBusinessDays(at("2026-04-23T00:30:00+02:00"), 1);
    expect(iso(result)).toBe(iso(at("2026-04-24T01:30:00+03:00")));
    expect(result.getTime()).toBe(DateTime.fromISO("2026-04-24T00:30", { zone: "Africa/Cairo" }).toMillis());
    expect(cairo.localDate(result)).toBe("2026-04-24");
  });

  it("starts a day whose midnight does not exist at the first valid time", () => {
    expect(iso(cairo.startOfDay("2026-04-24"))).toBe(iso(at("2026-04-24T01:00:00+03:00")));
    expect(iso(cairo.startOfDay("2026-04-23"))).toBe(iso(at("2026-04-23T00:00:00+02:00")));
  });

  it("takes the earlier of a time that occurs twice", () => {
    const result = cairo.addBusinessDays(at("2026-10-28T23:30:00+03:00"), 1);
    expect(iso(result)).toBe(iso(at("2026-10-29T23:30:00+03:00")));
    expect(cairo.businessDaysBetween(at("2026-10-28T23:30:00+03:00"), result)).toBe(1);
  });

  it("reads the wall-clock time of a question sent on a changeover day", () => {
    // Friday 2026-04-24 started at 01:00, so 10:00 is nine hours into the day.
    expect(iso(cairo.addBusinessDays(at("2026-04-24T10:00:00+03:00"), 1))).toBe(iso(at("2026-04-27T10:00:00+03:00")));
    // 23:30 after the clocks went back on Thursday 2026-10-29 is 24.5 hours into the day.
    expect(iso(cairo.addBusinessDays(at("2026-10-29T23:30:00+02:00"), 1))).toBe(iso(at("2026-10-30T23:30:00+02:00")));
    // n = 0 returns the instant itself, not the earlier 23:30.
    expect(iso(cairo.addBusinessDays(at("2026-10-29T23:30:00+02:00"), 0))).toBe(iso(at("2026-10-29T23:30:00+02:00")));
  });

  it("keeps both runs of the repeated hour on the same date", () => {
    expect(cairo.localDate(at("2026-10-29T20:30:00Z"))).toBe("2026-10-29"); // 23:30 +03:00
    expect(cairo.localDate(at("2026-10-29T21:30:00Z"))).toBe("2026-10-29"); // 23:30 +02:00
    expect(cairo.localDate(at("2026-10-29T22:00:00Z"))).toBe("2026-10-30");
    expect(iso(cairo.startOfDay("2026-10-30"))).toBe("2026-10-29T22:00:00.000Z");
  });
});

describe("properties", () => {
  const zones = ["Asia/Tokyo", "Europe/Berlin", "America/New_York", "Africa/Cairo", "Asia/Kolkata", "UTC"];
  const calendars = new Map(zones.map((zone) => [zone, new BusinessCalendar({ timezone: zone, closedDays: DEFAULT_CLOSED_DAYS })]));
  const calendarOf = (zone: string): BusinessCalendar => calendars.get(zone)!;
  const instant = fc.integer({ min: Date.UTC(1991, 0, 1), max: Date.UTC(2059, 11, 1) }).map((ms) => new Date(ms));
  const zone = fc.constantFrom(...zones);
  const count = fc.integer({ min: 0, max: 40 });

  it("businessDaysBetween(t, addBusinessDays(t, n)) is n from a business day, n + 1 from any other day", () => {
    fc.assert(
      fc.property(zone, instant, count, (z, t, n) => {
        const calendar = calendarOf(z);
        const result = calendar.addBusinessDays(t, n);
        const onBusinessDay = calendar.isBusinessDay(calendar.localDate(t));
        expect(result.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.isBusinessDay(calendar.localDate(result))).toBe(true);
        expect(calendar.businessDaysBetween(t, result)).toBe(onBusinessDay ? n : n + 1);
        expect(calendar.localDate(result)).toBe(calendar.addBusinessDaysToDate(calendar.localDate(t), n));
      }),
      { numRuns: 3000 },
    );
  });

  // An independent reference: luxon for time zones, the holiday package read
  // directly and the year-end break written out, walking one day at a time.
  const holidays = new Set(Object.keys(holidayJp.holidays));
  const referenceIsBusiness = (d: DateTime): boolean =>
    d.weekday <= 5 && !holidays.has(d.toISODate()!) && !(d.month === 12 && d.day >= 29) && !(d.month === 1 && d.day <= 3);

  function referenceAdd(t: Date, n: number, z: string): number {
    let start = DateTime.fromJSDate(t, { zone: z });
    let date = DateTime.fromISO(start.toISODate()!, { zone: "UTC" });
    if (!referenceIsBusiness(date)) {
      do date = date.plus({ days: 1 });
      while (!referenceIsBusiness(date));
      start = start.set({ hour: 0, minute: 0, second: 0, millisecond: 0 });
    }
    for (let k = 0; k < n; k++) {
      do date = date.plus({ days: 1 });
      while (!referenceIsBusiness(date));
    }
    const { hour, minute, second, millisecond } = start;
    return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute, second, millisecond }, { zone: z }).toMillis();
  }

  it("matches a day-by-day reference walk", () => {
    // Zones whose clock changes fall on weekends, so that luxon's choice for a
    // repeated hour (which depends on the current date) never comes into play.
    const weekendChangeZones = fc.constantFrom("Asia/Tokyo", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC");
    fc.assert(
      fc.property(weekendChangeZones, instant, count, (z, t, n) => {
        const calendar = calendarOf(z);
        expect(calendar.localDate(t)).toBe(DateTime.fromJSDate(t, { zone: z }).toISODate());
        expect(calendar.addBusinessDays(t, n).getTime()).toBe(referenceAdd(t, n, z));
      }),
      { numRuns: 1000 },
    );
  });

  it("nextBusinessDay skips only non-business days", () => {
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        const calendar = calendarOf(z);
        const date = calendar.localDate(t);
        const next = calendar.nextBusinessDay(date);
        expect(next > date).toBe(true);
        expect(calendar.isBusinessDay(next)).toBe(true);
        const between = datesBetween(date, next).slice(1, -1);
        expect(between.some((d) => calendar.isBusinessDay(d))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------
// Cross-checks against the Cabinet Office list (内閣府「国民の祝日について」)

interface HolidayFixture {
  attribution: string;
  source: string;
  holidays: { date: string; name: string }[];
}

const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const fixture = JSON.parse(
  fs.readFileSync(path.join(repoRoot, "test/fixtures/jp-holidays-2024-2027.json"), "utf8"),
) as HolidayFixture;

function expectOnlyWeekendsAndHolidaysClosed(first: string, last: string, holidayDates: ReadonlySet<string>): void {
  const wrong = datesBetween(first, last).filter(
    (d) => tokyoNoClosing.isBusinessDay(d) !== (!isWeekend(d) && !holidayDates.has(d)),
  );
  expect(wrong).toEqual([]);
}

describe("the Cabinet Office holidays, 2024–2027 (fixture)", () => {
  it("carries its attribution", () => {
    expect(fixture.attribution).toBe("出典: 内閣府「国民の祝日について」 (CC BY 4.0)");
    expect(fixture.holidays.length).toBeGreaterThan(60);
  });

  it("closes exactly the weekends and the listed holidays", () => {
    expectOnlyWeekendsAndHolidaysClosed("2024-01-01", "2027-12-31", new Set(fixture.holidays.map((h) => h.date)));
  });
});

const csvPath = path.resolve(repoRoot, "../shared/data/jp-national-holidays.csv");
const csvExists = fs.existsSync(csvPath);
if (!csvExists) {
  console.info(
    "Skipping the cross-check against the Cabinet Office CSV: ../shared/data/jp-national-holidays.csv is not present " +
      "(it exists on development machines and CI). The 2024–2027 fixture check still runs.",
  );
}

function readCsv(file: string): { date: string; name: string }[] {
  const bytes = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The Cabinet Office publishes the list in Shift_JIS.
    text = new TextDecoder("shift_jis").decode(bytes);
  }
  const rows: { date: string; name: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2}),(.*)$/.exec(line.trim());
    if (match === null) continue; // comment and header lines
    const [, y, m, d, name] = match as unknown as [string, string, string, string, string];
    rows.push({ date: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`, name: name.trim() });
  }
  return rows;
}

describe("the Cabinet Office holidays (CSV)", () => {
  it.skipIf(!csvExists)("closes exactly the weekends and the listed holidays from 1970 to the end of the list", () => {
    const rows = readCsv(csvPath);
    expect(rows.length).toBeGreaterThan(900);
    // The holiday package, and so the default calendar, starts in 1970.
    const last = rows.map((r) => r.date).reduce((a, b) => (a > b ? a : b));
    const lastYear = last.slice(0, 4);
    expectOnlyWeekendsAndHolidaysClosed("1970-01-01", `${lastYear}-12-31`, new Set(rows.map((r) => r.date)));
  });

  it.skipIf(!csvExists)("matches the fixture", () => {
    const rows = readCsv(csvPath).filter((r) => r.date >= "2024-01-01" && r.date <= "2027-12-31");
    expect(fixture.holidays).toEqual(rows);
  });
});

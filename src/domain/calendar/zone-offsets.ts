// A time zone's UTC offsets, learned once per zone and shared.
import { IANAZone } from "luxon";
import { DAY_MS } from "./day-numbers.ts";


const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_NAME = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms, asked of Intl. */
function intlOffset(zone: string, ms: number): number {
  // Formatting just the "GMT+09:00" name is several times cheaper than
  // formatToParts, which matters when sampling a zone over decades.
  const match = OFFSET_NAME.exec(offsetFormatter(zone).format(ms));
  if (match === null) return IANAZone.create(zone).offset(ms) * 60_000;
  if (match[1] === undefined) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return (match[1] === "-" ? -seconds : seconds) * 1000;
}

/**
 * A zone's offset changes over a range of UTC days, found once per zone (Intl
 * costs about a microsecond a call) and shared by every calendar in that zone.
 * Offsets are sampled at each UTC midnight and every change is pinned down to
 * the millisecond by bisection; two changes within one day would be missed,
 * which no zone has done since 1900.
 */
export class ZoneOffsets {
  /** UTC day numbers: offsets are known exactly from lo * DAY_MS to hi * DAY_MS. */
  private covered = false;
  private lo = 0;
  private hi = 0;
  private startOffset = 0;
  /** Instants at which the offset changes, ascending, and the offset from then on. */
  private times: number[] = [];
  private offsets: number[] = [];

  constructor(readonly zone: string) {}

  cover(lo: number, hi: number): void {
    if (!this.covered) {
      const scan = this.scan(lo, hi);
      this.covered = true;
      this.lo = lo;
      this.hi = hi;
      this.startOffset = scan.start;
      this.times = scan.times;
      this.offsets = scan.offsets;
      return;
    }
    if (lo < this.lo) {
      const scan = this.scan(lo, this.lo);
      this.lo = lo;
      this.startOffset = scan.start;
      this.times = [...scan.times, ...this.times];
      this.offsets = [...scan.offsets, ...this.offsets];
    }
    if (hi > this.hi) {
      const scan = this.scan(this.hi, hi);
      this.hi = hi;
      this.times = [...this.times, ...scan.times];
      this.offsets = [...this.offsets, ...scan.offsets];
    }
  }

  /** Changes in (lo * DAY_MS, hi * DAY_MS]. */
  private scan(lo: number, hi: number): { start: number; times: number[]; offsets: number[] } {
    const start = intlOffset(this.zone, lo * DAY_MS);
    const times: number[] = [];
    const offsets: number[] = [];
    let previous = start;
    for (let day = lo + 1; day <= hi; day++) {
      const offset = intlOffset(this.zone, day * DAY_MS);
      if (offset === previous) continue;
      let before = (day - 1) * DAY_MS;
      let after = day * DAY_MS;
      while (after - before > 1) {
        const mid = Math.floor((before + after) / 2);
        if (intlOffset(this.zone, mid) === previous) before = mid;
        else after = mid;
      }
      times.push(after);
      offsets.push(intlOffset(this.zone, after));
      previous = offset;
    }
    return { start, times, offsets };
  }

  /** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
  at(ms: number): number {
    if (ms < this.lo * DAY_MS || ms > this.hi * DAY_MS) return intlOffset(this.zone, ms);
    const times = this.times;
    if (times.length === 0 || ms < times[0]!) return this.startOffset;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo]!;
  }

  /**
   * The instant at which the wall clock shows `wall` (a wall-clock time written
   * as ms since 1970-01-01T00:00 on that clock). A time skipped by a DST gap
   * moves forward by the length of the gap (02:30 → 03:30), as luxon does; a
   * time that occurs twice resolves to the earlier occurrence, so the answer
   * depends on nothing but the arguments.
   */
  wallToInstant(wall: number): number {
    const before = this.at(wall - DAY_MS);
    const after = this.at(wall + DAY_MS);
    if (before === after) return wall - before;
    const withBefore = wall - before;
    const withAfter = wall - after;
    const beforeFits = this.at(withBefore) === before;
    const afterFits = this.at(withAfter) === after;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
    if (afterFits) return withAfter;
    return withBefore;
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();

export function offsetsOf(zone: string): ZoneOffsets {
  let offsets = zoneOffsets.get(zone);
  if (offsets === undefined) {
    offsets = new ZoneOffsets(zone);
    zoneOffsets.set(zone, offsets);
  }
  return offsets;
}


// Calendar: "N business days after t" and "business days between" per second, beside a day-by-day luxon loop.
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../src/domain/calendar.ts";
import { NaiveCalendar } from "./naive-calendar.ts";
import { table, type Goal, type SectionResult } from "./report.ts";
import { int, ratio } from "./stats.ts";

const ZONE = "Asia/Tokyo";
const SAMPLES = 4096;

/** A small deterministic generator, so every run times the same instants. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Operations per second of `op` over the samples, run for at least `minMs` after `warmup` operations. */
function rate(op: (i: number) => unknown, minMs: number, warmup: number): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += op(i % SAMPLES) ? 1 : 0;
  let ops = 0;
  const started = performance.now();
  let elapsed: number;
  do {
    for (let i = 0; i < SAMPLES; i++) sink += op(i) ? 1 : 0;
    ops += SAMPLES;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  if (sink < 0) console.log(sink); // keeps the results alive so the work cannot be optimised away
  return (ops / elapsed) * 1000;
}

export async function calendar(options: { quick: boolean; log: (line: string) => void }): Promise<SectionResult> {
  const minMs = options.quick ? 300 : 1500;
  const cal = new BusinessCalendar({ timezone: ZONE, closedDays: DEFAULT_CLOSED_DAYS });
  const naive = new NaiveCalendar(ZONE, [[1229, 103]]);
  const next = random(20261125);
  // Instants over four years around today (weekends, holidays and the year-end break included), and answers
  // up to three weeks after each.
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2029, 0, 1) - from;
  const starts = Array.from({ length: SAMPLES }, () => new Date(from + Math.floor(next() * span)));
  const ends = starts.map((t) => new Date(t.getTime() + Math.floor(next() * 21 * 86_400_000)));

  let disagreements = 0;
  for (let i = 0; i < SAMPLES; i++) {
    if (cal.addBusinessDays(starts[i]!, 7).getTime() !== naive.addBusinessDays(starts[i]!, 7).getTime()) disagreements += 1;
    if (cal.businessDaysBetween(starts[i]!, ends[i]!) !== naive.businessDaysBetween(starts[i]!, ends[i]!)) disagreements += 1;
  }

  const rows = [
    { what: "addBusinessDays(t, 7)", fast: rate((i) => cal.addBusinessDays(starts[i]!, 7), minMs, SAMPLES * 4), slow: rate((i) => naive.addBusinessDays(starts[i]!, 7), minMs / 3, SAMPLES / 4) },
    { what: "businessDaysBetween(t, u), u up to 21 days after t", fast: rate((i) => cal.businessDaysBetween(starts[i]!, ends[i]!), minMs, SAMPLES * 4), slow: rate((i) => naive.businessDaysBetween(starts[i]!, ends[i]!), minMs / 3, SAMPLES / 4) },
  ];
  options.log(`calendar: ${rows.map((r) => `${r.what} ${int(r.fast)}/s (${ratio(r.fast / r.slow)})`).join(", ")}`);
  const goals: Goal[] = rows.flatMap((r) => [
    { what: r.what, target: "≥ 1,000,000 ops/s", measured: `${int(r.fast)} ops/s`, met: r.fast >= 1_000_000 },
    { what: `${r.what} vs the day-by-day loop`, target: "≥ 20×", measured: ratio(r.fast / r.slow), met: disagreements === 0 ? r.fast / r.slow >= 20 : null },
  ]);
  return {
    id: "calendar", title: "Calendar",
    method: [
      `BusinessCalendar (Asia/Tokyo, national holidays, the 12/29–1/3 closing days) against a baseline that walks ` +
        `one day at a time with luxon in the same zone and tests each day against the same rules (weekend, ` +
        `@holiday-jp/holiday_jp, closing days); both run in the benchmark's process. ${int(SAMPLES)} instants spread ` +
        "over 2025–2028 (a fixed pseudo-random sequence: weekends, holidays and year ends included), each paired with " +
        "an instant up to 21 days later. Before timing, both implementations are run on every sample and compared: " +
        `they ${disagreements === 0 ? "agreed on all of them" : `disagreed ${disagreements} times, so the ratios are not judged`}. ` +
        `Each operation is timed over the samples in a loop lasting at least ${minMs} ms (the baseline ${Math.round(minMs / 3)} ms), ` +
        "after a warm-up (four passes over the samples; a quarter pass for the baseline, which is thousands of times slower).",
    ],
    body: table(["Operation", "BusinessCalendar (ops/s)", "Day-by-day luxon loop (ops/s)", "Ratio"], rows.map((r) => [r.what, int(r.fast), int(r.slow), ratio(r.fast / r.slow)])),
    goals,
    findings: [],
  };
}

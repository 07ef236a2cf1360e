// One way of writing a date to customers in each language: 「2026年12月3日（木）」 and "Thu, December 3, 2026".
// Catalogues receive dates as "YYYY-MM-DD" (a local date in the business timezone) and word them here, so no ISO
// date reaches a customer and every notice agrees with the others.
const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parts(date: string): [number, number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCMonth() !== m - 1) return null;
  return [y, m, d, day.getUTCDay()];
}

/** "2026-12-03" → "2026年12月3日（木）"; anything that is not such a date is returned as it is. */
export function jaDate(date: string): string {
  const p = parts(date);
  return p ? `${p[0]}年${p[1]}月${p[2]}日（${WEEKDAYS_JA[p[3]]}）` : date;
}

/** "2026-12-03" → "Thu, December 3, 2026". */
export function enDate(date: string): string {
  const p = parts(date);
  return p ? `${WEEKDAYS_EN[p[3]]}, ${MONTHS_EN[p[1] - 1]} ${p[2]}, ${p[0]}` : date;
}

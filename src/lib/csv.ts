// CSV as spreadsheet programs in Japan read it: UTF-8 with a byte-order mark, CRLF line ends, and every field
// that could be misread quoted. Fields starting with = + - @ are prefixed so a spreadsheet never runs them.

export const BOM = "\uFEFF";

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

// CSV as spreadsheet programs in Japan read it: UTF-8 with a byte-order mark, CRLF line ends, and every field
// that could be misread quoted. Text starting like a formula (= + - @, also their full-width forms, a tab or a
// carriage return) is prefixed with ' so a spreadsheet never runs it; numbers, negative ones too, stay numbers.
// The writing itself is csv-stringify's; these are the options this app always wants.
import { stringify, type Options } from "csv-stringify/sync";

export const BOM = "\uFEFF";

export const CSV_OPTIONS: Options = {
  record_delimiter: "\r\n",
  escape_formulas: true,
  // Only a whole CRLF counts as a record end for csv-stringify; a bare LF or CR inside a field must be quoted too.
  quoted_match: /[\r\n]/,
  cast: {
    date: (value) => value.toISOString(),
    // csv-stringify writes true as 1 and false as an empty field; readers of these files expect the words.
    boolean: (value) => String(value),
  },
};

/** One record, ending in CRLF. null and undefined are empty fields. */
export function csvLine(values: readonly unknown[]): string {
  return stringify([values.map((v) => (v === undefined ? null : v))], CSV_OPTIONS);
}

/** One field as it appears in a record (quoted and guarded as needed). */
export function csvField(value: unknown): string {
  return csvLine([value]).slice(0, -2);
}

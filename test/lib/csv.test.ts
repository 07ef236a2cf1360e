// What a spreadsheet program in Japan makes of the app's CSV: fields quoted where they would split or break a
// record, CRLF line ends, and text that looks like a formula kept as text.
import { describe, expect, it } from "vitest";
import { BOM, csvField, csvLine } from "../../src/lib/csv.ts";

describe("CSV records", () => {
  it("end in CRLF and leave plain fields, numbers and empty values as they are", () => {
    expect(csvLine(["株式会社サンプル", 10, -3, 12.5, null, undefined, ""])).toBe("株式会社サンプル,10,-3,12.5,,,\r\n");
    expect(BOM).toBe("\uFEFF");
  });

  it("quote fields with commas, quotes or line breaks of any kind", () => {
    expect(csvLine(["a,b", 'say "hi"', "1行目\n2行目", "cr\rx", "crlf\r\nx"])).toBe('"a,b","say ""hi""","1行目\n2行目","cr\rx","crlf\r\nx"\r\n');
  });

  it("keep text that starts like a formula from running, numbers and dates untouched", () => {
    expect(["=SUM(A1)", "+81 3", "-1", "@cmd", "＝1"].map(csvField)).toEqual(["'=SUM(A1)", "'+81 3", "'-1", "'@cmd", "'＝1"]);
    expect(csvField(-1)).toBe("-1");
    expect(csvField(new Date("2026-12-03T01:02:03Z"))).toBe("2026-12-03T01:02:03.000Z");
    expect([true, false].map(csvField)).toEqual(["true", "false"]);
  });
});

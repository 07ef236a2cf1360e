// Breaking a paragraph of Japanese (and English) into lines of a given width, following the kinsoku rules of
// Japanese typesetting (JIS X 4051): closing brackets, 。、 and small kana never start a line, opening brackets
// never end one. When a forbidden character would start a line, the character before it goes down with it
// (追い出し), which keeps every line within the width. Pure: widths come from the caller's measure function.

/** Characters that may not begin a line (行頭禁則). */
const NO_START = new Set(Array.from(
  "、。，．,.・：；:;？！?!‐-–—…‥ー゛゜ヽヾゝゞ々〻）)］]｝}〕〉》」』】〙〗〟’”｠»%％" +
  "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
));
/** Characters that may not end a line (行末禁則). */
const NO_END = new Set(Array.from("（(［[｛{〔〈《「『【〘〖〝‘“｟«"));

const graphemes = new Intl.Segmenter("ja", { granularity: "grapheme" });

/** Whether a line may break between two characters without a space: around CJK text, but not inside a Latin word. */
function breakable(before: string, after: string): boolean {
  return isWide(before) || isWide(after);
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff)
    || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xffef) || code >= 0x20000;
}

/**
 * The paragraph as units that never break inside: a Latin word with the spaces after it, or one CJK character,
 * each glued to the forbidden characters around it.
 */
function units(paragraph: string): string[] {
  const chars = Array.from(graphemes.segment(paragraph), (s) => s.segment);
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    const glued = current === "" || prev === undefined
      || NO_START.has(ch) || NO_END.has(prev)
      || (ch !== " " && prev !== " " && !breakable(prev, ch))
      || (ch === " " && prev === " ");
    // A space belongs to the word before it: the line breaks after the space, which is then dropped.
    if (!glued && !(ch === " " && prev !== " ")) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  if (current !== "") out.push(current);
  return out;
}

/** Splits a unit too wide for any line (a long URL, a path) by characters, the only place it can go. */
function splitWide(unit: string, width: number, measure: (text: string) => number): string[] {
  const out: string[] = [];
  let line = "";
  for (const { segment } of graphemes.segment(unit)) {
    if (line !== "" && measure(line + segment) > width) {
      out.push(line);
      line = "";
    }
    line += segment;
  }
  if (line !== "") out.push(line);
  return out;
}

/**
 * Lines of at most `width` (as `measure` counts it), each paragraph (a "\n" in the text) starting a new line and an
 * empty paragraph giving an empty line. Trailing spaces of a line are dropped.
 */
export function breakLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").split("\n")) {
    let line = "";
    for (const unit of units(paragraph)) {
      if (measure((line + unit).trimEnd()) <= width) {
        line += unit;
        continue;
      }
      if (line !== "") lines.push(line.trimEnd());
      if (measure(unit.trimEnd()) <= width) {
        line = unit;
        continue;
      }
      const pieces = splitWide(unit.trimEnd(), width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? "";
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Whether a line starts with a character kinsoku forbids there (for tests and checks of rendered text). */
export function startsForbidden(line: string): boolean {
  const first = Array.from(line)[0];
  return first !== undefined && NO_START.has(first);
}

export function endsForbidden(line: string): boolean {
  const last = Array.from(line).at(-1);
  return last !== undefined && NO_END.has(last);
}

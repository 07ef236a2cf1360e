// How wide text is in a terminal, and wrapping to a width: Japanese characters take two columns, so counting
// characters would let a transcript line of Japanese run to twice the terminal's width.

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];
const ZERO: ReadonlyArray<readonly [number, number]> = [[0x0300, 0x036f], [0x200b, 0x200f], [0xfe00, 0xfe0f]];

const within = (cp: number, ranges: ReadonlyArray<readonly [number, number]>) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

export function charWidth(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (within(cp, ZERO)) return 0;
  return within(cp, WIDE) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Japanese line-breaking: these never start a line, and the opening brackets never end one. */
const NO_START = new Set([..."、。，．,.）」』】〕！？!?：:；;ー…・％%"]);
const NO_END = new Set([..."（「『【〔("]);

const isKatakana = (char: string) => /^[\u30a0-\u30ff]$/.test(char);

/** Words of Latin text and runs of katakana (インシデント) stay whole; any other wide character can be broken after. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let word = "";
  let kana = false;
  for (const char of line) {
    if (isKatakana(char)) {
      if (!kana && word) out.push(word);
      if (!kana) word = "";
      word += char;
      kana = true;
      continue;
    }
    if (kana) {
      out.push(word);
      word = "";
      kana = false;
    }
    if (char === " " || charWidth(char) === 2) {
      if (word) out.push(word);
      word = "";
      out.push(char);
    } else word += char;
  }
  if (word) out.push(word);
  return out;
}

function hardSplit(token: string, width: number): string[] {
  const parts: string[] = [];
  let part = "";
  for (const char of token) {
    if (part && displayWidth(part + char) > width) {
      parts.push(part);
      part = "";
    }
    part += char;
  }
  if (part) parts.push(part);
  return parts;
}

/**
 * Wraps each line of `text` to `width` columns, the first output line starting with `first` and the others with
 * `rest` (a hanging indent). Spaces at a break are dropped.
 */
export function wrap(text: string, width: number, first = "", rest = first): string[] {
  const out: string[] = [];
  for (const source of text.split("\n")) {
    let line: string[] = [];
    const prefix = () => (out.length === 0 ? first : rest);
    const room = () => Math.max(width - displayWidth(prefix()), 8);
    const used = () => displayWidth(line.join(""));
    const push = () => {
      while (line.at(-1) === " ") line.pop();
      out.push((prefix() + line.join("")).trimEnd());
      line = [];
    };
    for (const token of tokens(source)) {
      if (used() + displayWidth(token) <= room()) {
        if (token !== " " || line.length > 0) line.push(token);
        continue;
      }
      if (token === " ") {
        push();
        continue;
      }
      // Keep a closing mark with the character before it, and an opening bracket with what it opens.
      const carried: string[] = [];
      if (NO_START.has(token) && line.length > 1) carried.push(line.pop() ?? "");
      while (line.length > 1 && NO_END.has(line.at(-1) ?? "")) carried.unshift(line.pop() ?? "");
      if (line.length > 0) push();
      line = carried;
      if (displayWidth(token) > room()) {
        if (line.length > 0) push();
        const parts = hardSplit(token, room());
        for (const part of parts.slice(0, -1)) {
          line.push(part);
          push();
        }
        line.push(parts.at(-1) ?? "");
      } else line.push(token);
    }
    push();
  }
  return out;
}

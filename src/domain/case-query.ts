// What a person typed after /case (or in the customers' search box): a case number ("12", "#0012", "０１２") or
// words to search for. Pure.

export type CaseQuery =
  | { kind: "number"; caseId: number }
  | { kind: "words"; terms: string[] }
  | { kind: "empty" };

/** Longer queries are cut: a search box is not a document. */
export const MAX_TERMS = 5;
export const MAX_TERM_LENGTH = 50;
/** The trigram indexes answer only for words of at least this many characters; shorter ones are searched otherwise. */
export const INDEXED_TERM_LENGTH = 3;

export function parseCaseQuery(input: string): CaseQuery {
  // Full-width digits, "＃" and the ideographic space are what a Japanese input method types.
  const text = input.normalize("NFKC").trim();
  if (text.length === 0) return { kind: "empty" };
  const number = /^#?0*(\d{1,9})$/.exec(text);
  if (number) {
    const caseId = Number(number[1]);
    if (caseId > 0 && Number.isSafeInteger(caseId)) return { kind: "number", caseId };
  }
  const terms: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const term = Array.from(raw.replace(/^["'「『]+|["'」』]+$/g, "")).slice(0, MAX_TERM_LENGTH).join("");
    if (term.length > 0 && !terms.some((t) => t.toLowerCase() === term.toLowerCase())) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms.length > 0 ? { kind: "words", terms } : { kind: "empty" };
}

/** Whether a term is long enough for the trigram index. */
export function isIndexed(term: string): boolean {
  return Array.from(term).length >= INDEXED_TERM_LENGTH;
}

// Finding cases by words in their title, description or thread messages, through the trigram indexes the
// migrations create by hand: FTS5 tables with the trigram tokenizer on SQLite, pg_trgm GIN indexes on PostgreSQL.
// Either finds a word inside longer text without spaces, which Japanese needs. Every word must appear somewhere in
// the case (any of its texts); newest cases first. Words shorter than three characters cannot be looked up in a
// trigram index: they only narrow what the longer words found, or, alone, are looked for in titles and
// descriptions (a scan of cases, never of every message). The queries themselves are in case-search-sql.ts.
import { isIndexed } from "../../domain/case-query.ts";
import type { Database } from "../client.ts";
import { lookForCases } from "./search-look.ts";
import { firstMessageFrom, hasCase, rareTermCases, windowComplete, windowStart, type SearchQuery } from "./search-sql.ts";

export interface SearchScope {
  /** Only this customer channel's cases (a customer searching from their channel). */
  channelId?: string;
  limit: number;
}

export interface SearchHit { caseId: number }

export interface SearchResult {
  hits: SearchHit[];
  /** More cases matched than `limit`. */
  more: boolean;
  /** Only titles and descriptions were searched (every word was too short for the message index). */
  titlesOnly: boolean;
  /** Set when only the newest this many cases in scope were searched (every word too short, many cases). */
  reach: number | null;
}

/**
 * How far each look goes: the newest `first` cases in scope, then `growth` times as many each time, until every
 * case is covered. A common word is answered from the first look, so the work follows the cases shown rather than
 * every text with the word. A word in fewer than `rare` texts (messages, and cases' titles or descriptions) is
 * rare: when the first look is not enough and a word is rare, the search over every case led by the rare words
 * is cheap.
 */
export interface SearchWindows {
  first: number;
  growth: number;
  rare: number;
  /**
   * A search whose every word is too short for the trigram indexes tests each case's title and description, with
   * no index to answer that a word is in none: it covers the newest `shortReach` cases in scope (unset: all),
   * and says so. A person who wants older cases adds a longer word, as the message asks.
   */
  shortReach?: number;
}

export const DEFAULT_WINDOWS: SearchWindows = { first: 500, growth: 8, rare: 1_000, shortReach: 10_000 };

/** `windows: null` searches every case at once (what each window's answer must equal). */
export async function searchCases(db: Database, terms: readonly string[], scope: SearchScope, windows: SearchWindows | null = DEFAULT_WINDOWS): Promise<SearchResult> {
  const indexed = terms.filter(isIndexed);
  const short = terms.filter((t) => !isIndexed(t));
  if (terms.length === 0) return { hits: [], more: false, titlesOnly: false, reach: null };
  const query: SearchQuery = { indexed, short, channelId: scope.channelId, need: scope.limit + 1 };
  let reach: number | null = null;
  let ids: number[];
  if (indexed.length > 0 && windows) ids = await windowed(db, query, windows);
  else if (windows?.shortReach !== undefined) {
    const fromCase = await windowStart(db, query.channelId, windows.shortReach);
    // Titles and descriptions only: the window's message bound is not used.
    ids = await lookForCases(db, query, fromCase === null ? {} : { window: { fromCase, fromMessage: 0, small: false } });
    if (fromCase !== null) reach = windows.shortReach;
  } else ids = await lookForCases(db, query);
  return { hits: ids.slice(0, scope.limit).map((id) => ({ caseId: id })), more: ids.length > scope.limit, titlesOnly: indexed.length === 0, reach };
}

/**
 * Newest cases first, in widening windows. A window's answer is the plain search's answer when it found enough
 * cases and no case newer than the last one kept has a message older than the window's that could hold a word;
 * otherwise the next, wider window is searched, and past the oldest case the plain search answers.
 */
async function windowed(db: Database, query: SearchQuery, windows: SearchWindows): Promise<number[]> {
  // A word with case (an error code, a product name) is often rare, and the first look would read it through the
  // index anyway: its count comes first. Kana and kanji words are tested text by text in the first look.
  const countFirst = query.indexed.some(hasCase);
  // A search led by its rare words reads few texts.
  const ledByRare = async () => {
    const known = await rareTermCases(db, query.indexed, windows.rare);
    return known.size > 0 ? lookForCases(db, query, { known, follow: query.indexed.filter((t) => !known.has(t)) }) : null;
  };
  if (countFirst) {
    const found = await ledByRare();
    if (found) return found;
  }
  for (let size = windows.first, tries = 0; ; size *= windows.growth, tries += 1) {
    const fromCase = await windowStart(db, query.channelId, size);
    if (fromCase === null) return lookForCases(db, query, { small: tries === 0 });
    if (tries === 1 && !countFirst) {
      const found = await ledByRare();
      if (found) return found;
    }
    // The oldest twentieth of the window, at most 50 cases.
    const fromMessage = await firstMessageFrom(db, fromCase, Math.max(1, Math.min(50, Math.floor(size / 20))));
    if (fromMessage === null) continue;
    const window = { fromCase, fromMessage, small: tries === 0 };
    const found = await lookForCases(db, query, { window });
    if (found.length >= query.need && await windowComplete(db, query, window, found[query.need - 1]!)) return found;
  }
}

export interface Excerpt { text: string; in: "title" | "description" | "message" }

/** How many of a case's first messages an excerpt is looked for in. */
const EXCERPT_MESSAGES = 500;

/**
 * Where in each case a word appears, for the line shown under a hit: its description, or the first message with
 * it. The messages of every hit that needs them are read in one query, each case's through its (caseId, postedAt)
 * index.
 */
export async function matchingExcerpts(db: Database, cases: ReadonlyArray<{ id: number; title: string; description: string }>, terms: readonly string[]): Promise<Map<number, Excerpt>> {
  const contains = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
  const excerpts = new Map<number, Excerpt>();
  const needMessages: number[] = [];
  for (const c of cases) {
    const inDescription = terms.find((term) => contains(c.description, term));
    if (inDescription !== undefined) excerpts.set(c.id, { text: excerptAround(c.description, inDescription), in: "description" });
    else if (terms.some((term) => contains(c.title, term))) excerpts.set(c.id, { text: excerptAround(c.description, terms[0] ?? ""), in: "title" });
    else needMessages.push(c.id);
  }
  if (needMessages.length === 0) return excerpts;
  const marks = needMessages.map((_, i) => (db.provider === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
  const rows = await db.client.$queryRawUnsafe<Array<{ caseId: number | bigint; text: string }>>(
    `SELECT "caseId", text FROM (
      SELECT "caseId", text, "postedAt", id, row_number() OVER (PARTITION BY "caseId" ORDER BY "postedAt", id) AS n
      FROM "CaseMessage" WHERE "caseId" IN (${marks}) AND "deletedAt" IS NULL) s
    WHERE n <= ${EXCERPT_MESSAGES} ORDER BY "caseId", "postedAt", id`, ...needMessages);
  const byCase = new Map<number, string[]>();
  for (const row of rows) {
    const id = Number(row.caseId);
    const list = byCase.get(id) ?? [];
    list.push(row.text);
    byCase.set(id, list);
  }
  for (const id of needMessages) {
    const messages = byCase.get(id) ?? [];
    for (const term of terms) {
      const found = messages.find((text) => contains(text, term));
      if (found !== undefined) {
        excerpts.set(id, { text: excerptAround(found, term), in: "message" });
        break;
      }
    }
  }
  return excerpts;
}

/** About 80 characters of text around the first place the term appears. */
export function excerptAround(text: string, term: string, width = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = term ? flat.toLowerCase().indexOf(term.toLowerCase()) : -1;
  const chars = Array.from(flat);
  if (chars.length <= width) return flat;
  const start = Math.max(0, at < 0 ? 0 : Array.from(flat.slice(0, at)).length - Math.floor(width / 3));
  const piece = chars.slice(start, start + width).join("");
  return `${start > 0 ? "…" : ""}${piece}${start + width < chars.length ? "…" : ""}`;
}

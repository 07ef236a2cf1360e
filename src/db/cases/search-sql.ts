// The queries of the case search, one per engine: how a window of the newest cases is found, the rare words
// counted first, and the checks that tell whether a window's answer is the whole answer (see search.ts); the look
// for cases itself is in search-look.ts. Also the pieces both use: patterns, operators, per-query plans.
import type { Database, Tx } from "../client.ts";

export interface SearchQuery {
  /** Words of three characters or more, looked up in the trigram indexes. */
  indexed: string[];
  /** Shorter words, tested on the cases the longer words found (or, alone, on titles and descriptions). */
  short: string[];
  channelId: string | undefined;
  /** How many cases to find: the page shown and one more, to tell whether there are more. */
  need: number;
}

/**
 * The part of the cases one look covers: cases from `fromCase` on, and of the messages only those from
 * `fromMessage` on. A message is written after its case, so the messages of newer cases are nearly all newer than
 * the first message of the window's oldest cases; what a newer case has below `fromMessage` is checked by
 * `windowComplete` before a window's answer is trusted.
 */
export interface SearchWindow {
  fromCase: number;
  fromMessage: number;
  /** Few enough texts that testing each costs less than reading a common word's whole trigram lists. */
  small: boolean;
}

export type Row = { id: number | bigint };

/** `%`, `_` and `\` typed by a person are characters, not wildcards. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase: the term as one string, its double quotes doubled (nothing in it is query syntax). */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * Kana, kanji, digits and Japanese punctuation have no case: no character lowers or folds to one of them but
 * itself. So ILIKE and LIKE find the same rows (and LIKE does not lower every text it tests: five times faster
 * here), and the trigram index's case-insensitive match is the text containing the word.
 */
export const CASELESS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}0-9\u3000-\u303f\u30fc\uff61-\uff9f]+$/u;

/** Whether a word has letters with case (Latin, an error code): those are not tested text by text. */
export function hasCase(term: string): boolean {
  return !CASELESS.test(term);
}

export function likeOperator(term: string): "LIKE" | "ILIKE" {
  return CASELESS.test(term) ? "LIKE" : "ILIKE";
}

/**
 * PostgreSQL's planner prices ILIKE as cheap and, for a common word, reads every message instead of the trigram
 * index (measured: 2 µs a row, so 2 s at a million messages); within a window it walks the id index and tests
 * every row of the window. Told to use neither plan, it combines the trigram and id indexes as bitmaps and
 * rechecks only the rows both point to. A small window is the exception: its texts are fewer than a common word's
 * trigram lists, so there it walks the id indexes and tests each text.
 */
export function withPlans<T>(db: Database, plans: "bitmap" | "walk", work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.client.$transaction(async (tx) => {
    // One statement, as SET LOCAL for each: a plan priced with a refused scan looks costly enough to compile
    // (jit), which takes longer than running it.
    await tx.$queryRawUnsafe(`SELECT set_config('enable_seqscan', 'off', true), set_config($1, 'off', true), set_config('jit', 'off', true)`,
      plans === "bitmap" ? "enable_indexscan" : "enable_bitmapscan");
    return work(tx);
  });
}

/** The oldest of the newest `size` cases in scope, or null when the scope has no more than that. */
export async function windowStart(db: Database, channelId: string | undefined, size: number): Promise<number | null> {
  const rows = db.provider === "sqlite"
    ? await db.client.$queryRawUnsafe<Row[]>(
      `SELECT id FROM "Case" ${channelId !== undefined ? `WHERE "channelId" = ?` : ""} ORDER BY id DESC LIMIT 1 OFFSET ?`,
      ...(channelId !== undefined ? [channelId] : []), size)
    : await db.client.$queryRawUnsafe<Row[]>(
      `SELECT id FROM "Case" ${channelId !== undefined ? `WHERE "channelId" = $2` : ""} ORDER BY id DESC LIMIT 1 OFFSET $1`,
      size, ...(channelId !== undefined ? [channelId] : []));
  // The case after the `size`-th: one exists, so the window does not reach the oldest case.
  return rows[0] ? Number(rows[0].id) + 1 : null;
}

/**
 * Where a window's messages start: the first message of its oldest cases (`band` of them, read through the case
 * index), so that a case whose messages came late does not move the start far back.
 */
export async function firstMessageFrom(db: Database, fromCase: number, band: number): Promise<number | null> {
  const rows = db.provider === "sqlite"
    // CROSS JOIN keeps SQLite from walking the whole message table in id order to find the minimum.
    ? await db.client.$queryRawUnsafe<Array<{ first: number | bigint | null }>>(
      `SELECT min(m.id) AS first FROM "Case" c CROSS JOIN "CaseMessage" m ON m."caseId" = c.id WHERE c.id >= ? AND c.id < ?`, fromCase, fromCase + band)
    : await db.client.$queryRawUnsafe<Array<{ first: number | bigint | null }>>(
      `SELECT min(id) AS first FROM (SELECT id FROM "CaseMessage" WHERE "caseId" >= $1 AND "caseId" < $2 OFFSET 0) s`, fromCase, fromCase + band);
  const first = rows[0]?.first;
  return first === null || first === undefined ? null : Number(first);
}

/**
 * The cases of each word found in fewer than `rare` texts (messages, and cases by their title or description),
 * read in full from the index; a word found more often is left out. A rare word's cases are then known, and the
 * search over every case need not look them up again.
 */
export async function rareTermCases(db: Database, terms: readonly string[], rare: number): Promise<Map<string, number[]>> {
  const known = new Map<string, number[]>();
  // Codes and Latin words first, longer first: the likelier to be rare. Once one word is rare the others can be
  // tested on its cases instead, so they are not counted, except on SQLite a word with case, which is tested there
  // through the index and is cheaper known.
  const order = [...terms].sort((a, b) => Number(CASELESS.test(a)) - Number(CASELESS.test(b)) || Array.from(b).length - Array.from(a).length);
  for (const term of order) {
    if (known.size > 0 && (db.provider === "postgresql" || CASELESS.test(term))) break;
    type Hit = { id: number | bigint; live: number | bigint | boolean; kind: string };
    const hits = db.provider === "sqlite"
      ? await db.client.$queryRawUnsafe<Hit[]>(
        `SELECT m."caseId" AS id, m."deletedAt" IS NULL AS live, 'message' AS kind
          FROM (SELECT rowid AS r FROM "CaseMessageSearch" WHERE "CaseMessageSearch" MATCH ? LIMIT ?) s JOIN "CaseMessage" m ON m.id = s.r
        UNION ALL SELECT id, 1 AS live, 'case' AS kind FROM (SELECT rowid AS id FROM "CaseSearch" WHERE "CaseSearch" MATCH ? LIMIT ?)`,
        ftsPhrase(term), rare, ftsPhrase(term), rare)
      : await withPlans(db, "bitmap", (tx) => {
        const op = likeOperator(term);
        return tx.$queryRawUnsafe<Hit[]>(
          `(SELECT "caseId" AS id, "deletedAt" IS NULL AS live, 'message' AS kind FROM "CaseMessage" WHERE text ${op} $1 LIMIT $2)
          UNION ALL (SELECT id, true AS live, 'case' AS kind FROM "Case" WHERE title ${op} $1 OR description ${op} $1 LIMIT $2)`, likePattern(term), rare);
      });
    const messages = hits.filter((h) => h.kind === "message").length;
    const cases = hits.length - messages;
    if (messages >= rare || cases >= rare) continue;
    known.set(term, [...new Set(hits.filter((h) => h.live === true || Number(h.live) === 1).map((h) => Number(h.id)))]);
  }
  return known;
}

/**
 * Whether a window's answer is the whole answer: no case in scope newer than `last` has a message older than the
 * window's that could hold a word. SQLite reads the message ids of those cases from the case index (the id is in
 * every index entry); PostgreSQL, whose index entries do not hold it, asks the trigram index for such messages.
 * Either is cheap when the answer is recent, as for a common word; after a small window PostgreSQL tests the
 * texts of the cases above `last` instead.
 */
export async function windowComplete(db: Database, query: SearchQuery, window: SearchWindow, last: number): Promise<boolean> {
  const { channelId } = query;
  if (db.provider === "sqlite") {
    const rows = await db.client.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM "Case" c CROSS JOIN "CaseMessage" m ON m."caseId" = c.id
        WHERE c.id > ? ${channelId !== undefined ? `AND c."channelId" = ?` : ""} AND m.id < ? LIMIT 1`,
      last, ...(channelId !== undefined ? [channelId] : []), window.fromMessage);
    return rows.length === 0;
  }
  const params: unknown[] = [last, window.fromMessage];
  const next = (value: unknown) => `$${params.push(value)}`;
  const words = query.indexed.map((term) => `text ${likeOperator(term)} ${next(likePattern(term))}`).join(" OR ");
  const scope = channelId !== undefined ? `AND "caseId" IN (SELECT id FROM "Case" WHERE "channelId" = ${next(channelId)} AND id > $1)` : "";
  const rows = await withPlans(db, window.small ? "walk" : "bitmap", (tx) => tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "CaseMessage" WHERE "caseId" > $1 AND id < $2 AND "deletedAt" IS NULL AND (${words}) ${scope} LIMIT 1`, ...params));
  return rows.length === 0;
}

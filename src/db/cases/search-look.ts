// The look for cases of the case search, one query per engine: the newest cases in scope (and in a window of the
// newest, if any) that have every word, through the trigram indexes, or by testing each text of a small scope.
import type { Database } from "../client.ts";
import { CASELESS, type Row, type SearchQuery, type SearchWindow, ftsPhrase, likeOperator, likePattern, withPlans } from "./search-sql.ts";

export interface LookOptions {
  window?: SearchWindow | null;
  /** The scope has few cases (no more than a first window): their texts are tested one by one. */
  small?: boolean;
  /**
   * Common words, tested on each case the other (rare) words found rather than looked up among every text:
   * a rare word's few cases are quicker to test than a common word's every message.
   */
  follow?: readonly string[];
  /** Words whose cases are already known (`rareTermCases`): they are not looked up again. */
  known?: ReadonlyMap<string, readonly number[]>;
}

/** The newest `need` cases in scope (and in the window, if any) that have every word. */
export async function lookForCases(db: Database, query: SearchQuery, options: LookOptions = {}): Promise<number[]> {
  const window = options.window ?? null;
  const follow = new Set(options.follow ?? []);
  const known = options.known ?? new Map<string, readonly number[]>();
  if ([...known.values()].some((ids) => ids.length === 0)) return [];
  const lookup: SearchQuery = { ...query, indexed: query.indexed.filter((t) => !known.has(t)) };
  const among = [...known.values()];
  const small = (options.small ?? false) || (window?.small ?? false);
  const rows = db.provider === "sqlite"
    ? await sqliteLook(db, lookup, window, follow, among, small)
    : await postgresLook(db, lookup, window, follow, among, small);
  return rows.map((r) => Number(r.id));
}

/**
 * The cases in scope with a word, found by testing each text of few cases rather than through the index: for a
 * word without case (kana, kanji, digits) the trigram index's match is the text containing it, which instr tests
 * without reading the word's whole lists of texts.
 */
function sqliteWalk(term: string, channelId: string | undefined, window: SearchWindow | null, params: unknown[]): string {
  const cases = [...(window ? ["id >= ?"] : []), ...(channelId !== undefined ? [`"channelId" = ?`] : [])];
  params.push(...(window ? [window.fromCase] : []), ...(channelId !== undefined ? [channelId] : []), term, term);
  const own = `SELECT id FROM "Case" WHERE ${[...cases, "(instr(title, ?) > 0 OR instr(description, ?) > 0)"].join(" AND ")}`;
  if (channelId !== undefined) {
    params.push(channelId, ...(window ? [window.fromCase] : []), term);
    return `${own} UNION SELECT m."caseId" AS id FROM "Case" mc CROSS JOIN "CaseMessage" m ON m."caseId" = mc.id
      WHERE mc."channelId" = ? ${window ? "AND mc.id >= ?" : ""} AND m."deletedAt" IS NULL AND instr(m.text, ?) > 0`;
  }
  params.push(...(window ? [window.fromCase] : []), term);
  return `${own} UNION SELECT m."caseId" AS id FROM "CaseMessage" m
    WHERE ${window ? `m."caseId" >= ? AND` : ""} m."deletedAt" IS NULL AND instr(m.text, ?) > 0`;
}

async function sqliteLook(db: Database, { indexed, short, channelId, need }: SearchQuery, window: SearchWindow | null, follow: ReadonlySet<string>, among: ReadonlyArray<readonly number[]>, small: boolean): Promise<Row[]> {
  const params: unknown[] = [];
  const anyIndexed = indexed.length + among.length > 0;
  const perTerm = indexed.filter((term) => !follow.has(term)).map((term) => {
    if (small && CASELESS.test(term)) return sqliteWalk(term, channelId, window, params);
    params.push(ftsPhrase(term), ...(window ? [window.fromCase] : []));
    let messages: string;
    if (channelId !== undefined) {
      // A customer's cases are few beside all cases: their messages are read through the case index and looked
      // up among the ids of the messages with the word, instead of joining every message with the word.
      messages = `SELECT m."caseId" AS id FROM "Case" mc CROSS JOIN "CaseMessage" m ON m."caseId" = mc.id
        WHERE mc."channelId" = ? ${window ? "AND mc.id >= ?" : ""} AND m."deletedAt" IS NULL
        AND m.id IN (SELECT rowid FROM "CaseMessageSearch" WHERE "CaseMessageSearch" MATCH ? ${window ? "AND rowid >= ?" : ""})`;
      params.push(channelId, ...(window ? [window.fromCase] : []), ftsPhrase(term), ...(window ? [window.fromMessage] : []));
    } else {
      messages = `SELECT m."caseId" AS id FROM "CaseMessageSearch" s JOIN "CaseMessage" m ON m.id = s.rowid
        WHERE s."CaseMessageSearch" MATCH ? ${window ? `AND s.rowid >= ? AND m."caseId" >= ?` : ""} AND m."deletedAt" IS NULL`;
      params.push(ftsPhrase(term), ...(window ? [window.fromMessage, window.fromCase] : []));
    }
    return `SELECT rowid AS id FROM "CaseSearch" WHERE "CaseSearch" MATCH ? ${window ? "AND rowid >= ?" : ""} UNION ${messages}`;
  });
  const where: string[] = [];
  // One IN per word: joined by INTERSECT, each word's UNION would not stay together (SQLite reads compound
  // operators left to right, PostgreSQL binds INTERSECT first), and a case with one word would match.
  where.push(...perTerm.map((term) => `c.id IN (${term})`));
  for (const ids of among) {
    where.push(`c.id IN (${ids.map(() => "?").join(", ")})`);
    params.push(...ids);
  }
  for (const term of indexed.filter((t) => follow.has(t))) {
    if (CASELESS.test(term)) {
      // Tested on each case found (see sqliteWalk): a common word's lists of texts are not read at all.
      where.push(`(instr(c.title, ?) > 0 OR instr(c.description, ?) > 0
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND instr(m.text, ?) > 0))`);
      params.push(term, term, term);
    } else {
      where.push(`(c.id IN (SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH ?)
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL
          AND m.id IN (SELECT rowid FROM "CaseMessageSearch" WHERE "CaseMessageSearch" MATCH ?)))`);
      params.push(ftsPhrase(term), ftsPhrase(term));
    }
  }
  for (const term of short) {
    // instr over lower(): case-insensitive for ASCII like the trigram index, exact for Japanese.
    if (anyIndexed) {
      where.push(`(instr(lower(c.title), lower(?)) > 0 OR instr(lower(c.description), lower(?)) > 0
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND instr(lower(m.text), lower(?)) > 0))`);
      params.push(term, term, term);
    } else {
      where.push(`(instr(lower(c.title), lower(?)) > 0 OR instr(lower(c.description), lower(?)) > 0)`);
      params.push(term, term);
    }
  }
  if (channelId !== undefined) {
    where.push(`c."channelId" = ?`);
    params.push(channelId);
  }
  if (window) {
    where.push("c.id >= ?");
    params.push(window.fromCase);
  }
  params.push(need);
  return db.client.$queryRawUnsafe<Row[]>(`SELECT c.id AS id FROM "Case" c WHERE ${where.join(" AND ")} ORDER BY c.id DESC LIMIT ?`, ...params);
}

async function postgresLook(db: Database, { indexed, short, channelId, need }: SearchQuery, window: SearchWindow | null, follow: ReadonlySet<string>, among: ReadonlyArray<readonly number[]>, small: boolean): Promise<Row[]> {
  const params: unknown[] = [];
  const anyIndexed = indexed.length + among.length > 0;
  const next = (value: unknown) => `$${params.push(value)}`;
  const fromCase = window ? next(window.fromCase) : null;
  // Numbered when a word's messages first need it: PostgreSQL refuses a parameter no statement uses.
  let fromMessageParam: string | null = null;
  const fromMessage = () => (fromMessageParam ??= next(window?.fromMessage ?? 0));
  const channel = channelId !== undefined ? next(channelId) : null;
  const perTerm = indexed.filter((term) => !follow.has(term)).map((term) => {
    const p = next(likePattern(term));
    const op = likeOperator(term);
    const messages = channel
      // A customer's cases are few: their messages are joined to them rather than every message with the word.
      ? `SELECT m."caseId" AS id FROM "Case" mc JOIN "CaseMessage" m ON m."caseId" = mc.id
          WHERE mc."channelId" = ${channel} ${window ? `AND mc.id >= ${fromCase} AND m.id >= ${fromMessage()}` : ""}
          AND m.text ${op} ${p} AND m."deletedAt" IS NULL`
      : `SELECT "caseId" AS id FROM "CaseMessage" WHERE text ${op} ${p} AND "deletedAt" IS NULL
          ${window ? `AND id >= ${fromMessage()} AND "caseId" >= ${fromCase}` : ""}`;
    return `SELECT id FROM "Case" WHERE (title ${op} ${p} OR description ${op} ${p}) ${window ? `AND id >= ${fromCase}` : ""}
        ${channel ? `AND "channelId" = ${channel}` : ""}
      UNION ${messages}`;
  });
  const where: string[] = [];
  // One IN per word: joined by INTERSECT, each word's UNION would not stay together (SQLite reads compound
  // operators left to right, PostgreSQL binds INTERSECT first), and a case with one word would match.
  where.push(...perTerm.map((term) => `c.id IN (${term})`));
  for (const ids of among) where.push(`c.id = ANY(${next([...ids])}::int[])`);
  for (const term of indexed.filter((t) => follow.has(t))) {
    const p = next(likePattern(term));
    const op = likeOperator(term);
    // OFFSET 0 keeps the test per case: without it the planner may turn it into a join over every message.
    where.push(`(c.title ${op} ${p} OR c.description ${op} ${p}
      OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND m.text ${op} ${p} OFFSET 0))`);
  }
  for (const term of short) {
    const p = next(likePattern(term));
    const op = likeOperator(term);
    // A short word alone is tested on every case (no trigram answers for it): a Latin word's first letter, in
    // either case, is looked for first, which is cheap, and ILIKE lowers only the texts that have it. Only "Z"
    // and "z" lower to "z"; "i" and "k" are left out (İ and the Kelvin sign lower to them too).
    const first = term[0] ?? "";
    const letter = /^[a-hj-z]$/i.test(first) ? [next(first.toLowerCase()), next(first.toUpperCase())] : null;
    const test = (column: string) => (letter
      ? `((strpos(${column}, ${letter[0]}) > 0 OR strpos(${column}, ${letter[1]}) > 0) AND ${column} ${op} ${p})`
      : `${column} ${op} ${p}`);
    where.push(anyIndexed
      ? `(${test("c.title")} OR ${test("c.description")}
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND m.text ${op} ${p}))`
      : `(${test("c.title")} OR ${test("c.description")})`);
  }
  if (channel) where.push(`c."channelId" = ${channel}`);
  if (fromCase) where.push(`c.id >= ${fromCase}`);
  const sql = `SELECT c.id AS id FROM "Case" c WHERE ${where.join(" AND ")} ORDER BY c.id DESC LIMIT ${next(need)}`;
  // Without a word to look up in the trigram indexes (the cases are known, or only tested one by one) the
  // planner's own choice is right, and the statement needs no transaction of its own.
  if (perTerm.length === 0) return db.client.$queryRawUnsafe<Row[]>(sql, ...params);
  return withPlans(db, small ? "walk" : "bitmap", (tx) => tx.$queryRawUnsafe<Row[]>(sql, ...params));
}

// Finding cases by words in their title, description or thread messages, through the trigram indexes the
// migrations create by hand: FTS5 tables with the trigram tokenizer on SQLite, pg_trgm GIN indexes on PostgreSQL.
// Either finds a word inside longer text without spaces, which Japanese needs. Every word must appear somewhere in
// the case (any of its texts); newest cases first. Words shorter than three characters cannot be looked up in a
// trigram index: they only narrow what the longer words found, or, alone, are looked for in titles and
// descriptions (a scan of cases, never of every message).
import { isIndexed } from "../domain/case-query.ts";
import type { Database } from "./client.ts";

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
}

/** `%`, `_` and `\` typed by a person are characters, not wildcards. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase: the term as one string, its double quotes doubled (nothing in it is query syntax). */
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

export async function searchCases(db: Database, terms: readonly string[], scope: SearchScope): Promise<SearchResult> {
  const indexed = terms.filter(isIndexed);
  const short = terms.filter((t) => !isIndexed(t));
  if (terms.length === 0) return { hits: [], more: false, titlesOnly: false };
  const rows = db.provider === "sqlite"
    ? await sqliteSearch(db, indexed, short, scope)
    : await postgresSearch(db, indexed, short, scope);
  return { hits: rows.slice(0, scope.limit).map((r) => ({ caseId: Number(r.id) })), more: rows.length > scope.limit, titlesOnly: indexed.length === 0 };
}

type Row = { id: number | bigint };

async function sqliteSearch(db: Database, indexed: string[], short: string[], scope: SearchScope): Promise<Row[]> {
  const params: unknown[] = [];
  const perTerm = indexed.map((term) => {
    params.push(ftsPhrase(term), ftsPhrase(term));
    return `SELECT rowid AS id FROM "CaseSearch" WHERE "CaseSearch" MATCH ?
      UNION SELECT m."caseId" AS id FROM "CaseMessageSearch" s JOIN "CaseMessage" m ON m.id = s.rowid
      WHERE s."CaseMessageSearch" MATCH ? AND m."deletedAt" IS NULL`;
  });
  const where: string[] = [];
  if (perTerm.length > 0) where.push(`c.id IN (${perTerm.join(" INTERSECT ")})`);
  for (const term of short) {
    // instr over lower(): case-insensitive for ASCII like the trigram index, exact for Japanese.
    if (indexed.length > 0) {
      where.push(`(instr(lower(c.title), lower(?)) > 0 OR instr(lower(c.description), lower(?)) > 0
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND instr(lower(m.text), lower(?)) > 0))`);
      params.push(term, term, term);
    } else {
      where.push(`(instr(lower(c.title), lower(?)) > 0 OR instr(lower(c.description), lower(?)) > 0)`);
      params.push(term, term);
    }
  }
  if (scope.channelId !== undefined) {
    where.push(`c."channelId" = ?`);
    params.push(scope.channelId);
  }
  params.push(scope.limit + 1);
  return db.client.$queryRawUnsafe<Row[]>(
    `SELECT c.id AS id FROM "Case" c WHERE ${where.join(" AND ")} ORDER BY c.id DESC LIMIT ?`, ...params);
}

async function postgresSearch(db: Database, indexed: string[], short: string[], scope: SearchScope): Promise<Row[]> {
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const perTerm = indexed.map((term) => {
    const p = next(likePattern(term));
    return `SELECT id FROM "Case" WHERE title ILIKE ${p} OR description ILIKE ${p}
      UNION SELECT "caseId" AS id FROM "CaseMessage" WHERE text ILIKE ${p} AND "deletedAt" IS NULL`;
  });
  const where: string[] = [];
  if (perTerm.length > 0) where.push(`c.id IN (${perTerm.join(" INTERSECT ")})`);
  for (const term of short) {
    const p = next(likePattern(term));
    where.push(indexed.length > 0
      ? `(c.title ILIKE ${p} OR c.description ILIKE ${p}
        OR EXISTS (SELECT 1 FROM "CaseMessage" m WHERE m."caseId" = c.id AND m."deletedAt" IS NULL AND m.text ILIKE ${p}))`
      : `(c.title ILIKE ${p} OR c.description ILIKE ${p})`);
  }
  if (scope.channelId !== undefined) where.push(`c."channelId" = ${next(scope.channelId)}`);
  const limit = next(scope.limit + 1);
  const sql = `SELECT c.id AS id FROM "Case" c WHERE ${where.join(" AND ")} ORDER BY c.id DESC LIMIT ${limit}`;
  if (indexed.length === 0) return db.client.$queryRawUnsafe<Row[]>(sql, ...params);
  // The planner prices ILIKE as cheap and, for a common word, reads every message instead of the trigram index
  // (measured: 2 µs a row, so 2 s at a million messages). Told not to scan, it takes the index and rechecks only
  // the rows the trigrams point to.
  return db.client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    return tx.$queryRawUnsafe<Row[]>(sql, ...params);
  });
}

/** Where in a case a word appears, for the line shown under a hit: its description, or the first message with it. */
export async function matchingExcerpt(db: Database, caseId: number, terms: readonly string[]): Promise<{ text: string; in: "title" | "description" | "message" } | null> {
  const c = await db.client.case.findUnique({ where: { id: caseId }, select: { title: true, description: true } });
  if (!c) return null;
  const contains = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
  for (const term of terms) {
    if (contains(c.description, term)) return { text: excerptAround(c.description, term), in: "description" };
  }
  for (const term of terms) {
    if (contains(c.title, term)) return { text: excerptAround(c.description, terms[0] ?? ""), in: "title" };
  }
  // A case's messages are few beside all messages: read through its (caseId, postedAt) index.
  const messages = await db.client.caseMessage.findMany({
    where: { caseId, deletedAt: null }, orderBy: { postedAt: "asc" }, select: { text: true }, take: 500,
  });
  for (const term of terms) {
    const found = messages.find((m) => contains(m.text, term));
    if (found) return { text: excerptAround(found.text, term), in: "message" };
  }
  return null;
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

// /case 12, /case #0012 and /case <words>: one case's card, or the cases whose title, description or thread
// messages contain every word, newest first. A customer's search covers their own channel's cases only, and a
// number of another customer's case is answered exactly like a number that does not exist.
import { matchingExcerpts, searchCases, type SearchWindows } from "../db/cases/search.ts";
import { casesForResults } from "../db/cases/views.ts";
import { caseNumber, type CaseState } from "../domain/case.ts";
import { parseCaseQuery } from "../domain/case-query.ts";
import { loadCaseCard, type CaseCard } from "./case-card.ts";
import type { ServiceDeps } from "./deps.ts";

export interface FoundCase {
  id: number;
  number: string;
  title: string;
  state: CaseState;
  customerName: string;
  channelId: string;
  rootTs: string | null;
  createdAt: Date;
  excerpt: string | null;
}

export type FindCaseResult =
  | { kind: "card"; card: CaseCard }
  | { kind: "not_found"; number: string }
  | { kind: "results"; terms: string[]; cases: FoundCase[]; more: boolean; titlesOnly: boolean; reach: number | null }
  | { kind: "empty" };

export interface FindScope {
  /** Set for customers: only cases of this channel. */
  channelId?: string;
  limit?: number;
  /** How the search widens (null: every case at once, the baseline the benchmark compares with). */
  windows?: SearchWindows | null;
}

export const SEARCH_LIMIT = 10;

export async function findCase(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: string, scope: FindScope = {}): Promise<FindCaseResult> {
  const query = parseCaseQuery(input);
  if (query.kind === "empty") return { kind: "empty" };
  if (query.kind === "number") {
    const card = await loadCaseCard(deps, query.caseId);
    if (!card || (scope.channelId !== undefined && card.view.channelId !== scope.channelId)) return { kind: "not_found", number: caseNumber(query.caseId) };
    return { kind: "card", card };
  }
  const found = await searchCases(deps.db, query.terms, { limit: scope.limit ?? SEARCH_LIMIT, ...(scope.channelId !== undefined ? { channelId: scope.channelId } : {}) },
    ...(scope.windows !== undefined ? [scope.windows] : []));
  const ids = found.hits.map((h) => h.caseId);
  const rows = await casesForResults(deps.db.client, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const excerpts = await matchingExcerpts(deps.db, rows, query.terms);
  const cases: FoundCase[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    const excerpt = excerpts.get(id);
    cases.push({
      id, number: caseNumber(id), title: r.title, state: r.state, customerName: r.customer.name,
      channelId: r.channelId, rootTs: r.rootTs, createdAt: r.createdAt, excerpt: excerpt?.text ?? null,
    });
  }
  return { kind: "results", terms: query.terms, cases, more: found.more, titlesOnly: found.titlesOnly, reach: found.reach };
}

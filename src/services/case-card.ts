// Everything the case card (/case 12) shows: the case as its messages show it, plus its conversation's size, its
// files and the next thing due. Read only.
import { caseFiles, type CaseFileRow } from "../db/cases/files.ts";
import { caseCardTimes, liveMessageCount } from "../db/cases/views.ts";
import { nextDue, type NextDue } from "../domain/next-due.ts";
import { loadCaseView, type CaseView } from "./case-view.ts";
import type { ServiceDeps } from "./deps.ts";

export interface CaseCard {
  view: CaseView;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  messages: number;
  files: CaseFileRow[];
  next: NextDue;
}

export async function loadCaseCard(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, caseId: number): Promise<CaseCard | null> {
  const view = await loadCaseView(deps, caseId);
  if (!view) return null;
  const row = await caseCardTimes(deps.db.client, caseId);
  const messages = await liveMessageCount(deps.db.client, caseId);
  return {
    view, firstResponseAt: row.firstResponseAt, closedAt: row.closedAt, messages,
    files: await caseFiles(deps.db.client, caseId),
    next: nextDue({ ...view, firstResponseAt: row.firstResponseAt }),
  };
}

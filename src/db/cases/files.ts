// The files of a case: posted in its thread or attached when it was opened. Slack holds the file; this is the
// record of what it was, who posted it and when.
import type { Db, Tx } from "../client.ts";
import type { AuthorRole } from "../../domain/roles.ts";

export interface CaseFileRow {
  fileId: string;
  name: string;
  mimetype: string | null;
  filetype: string | null;
  size: number | null;
  userId: string;
  authorRole: AuthorRole;
  messageTs: string | null;
  postedAt: Date;
}

export interface NewCaseFile extends CaseFileRow { caseId: number }

const SELECT = { fileId: true, name: true, mimetype: true, filetype: true, size: true, userId: true, authorRole: true, messageTs: true, postedAt: true } as const;

export async function caseFiles(client: Db | Tx, caseId: number): Promise<CaseFileRow[]> {
  return client.caseFile.findMany({ where: { caseId }, orderBy: [{ postedAt: "asc" }, { id: "asc" }], select: SELECT });
}

/** Records files once each: a redelivered message, or the same file shared again in the thread, adds nothing. */
export async function recordCaseFiles(tx: Tx, files: readonly NewCaseFile[]): Promise<number> {
  let added = 0;
  for (const file of files) {
    const existing = await tx.caseFile.findUnique({ where: { caseId_fileId: { caseId: file.caseId, fileId: file.fileId } }, select: { id: true } });
    if (existing) continue;
    await tx.caseFile.create({ data: file });
    added += 1;
  }
  return added;
}

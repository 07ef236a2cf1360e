// The common edge of the report's buttons, whose value is a report version: find its case, then check the role
// there exactly as every case control does.
import type { WebClient } from "@slack/web-api";
import type { Permission } from "../domain/roles.ts";
import { authorizeCaseAction, type CaseActionContext } from "./case-action.ts";
import type { SlackDeps } from "./deps.ts";

export async function authorizeReportAction(
  deps: SlackDeps, client: WebClient, body: unknown, value: string | undefined, permission: Permission,
): Promise<(CaseActionContext & { versionId: number }) | null> {
  const versionId = Number(value);
  const caseId = Number.isSafeInteger(versionId) && versionId > 0 ? await deps.services.reportVersionCase(versionId) : null;
  // An unknown version is answered like an unknown case, by the case check itself.
  const ctx = await authorizeCaseAction(deps, client, body, String(caseId ?? 0), permission);
  return ctx ? { ...ctx, versionId } : null;
}

// Resolving a case that is level A because of its formal report (R-INC-2), before any report was sent to the
// customer, asks the engineer first: the customer paid for a report they would never receive.
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../../../config.ts";
import { caseNumber, isActive } from "../../../domain/case.ts";
import type { CaseActionContext } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { resolveConfirmModal } from "../../views/report-modal.ts";

/** True when the confirmation modal was opened instead of resolving. */
export async function needsReportConfirmation(deps: SlackDeps, client: WebClient, caseId: number, c: CaseActionContext["terms"], locale: Locale, triggerId: string): Promise<boolean> {
  if (c.level !== "A" || c.levelReason !== "report") return false;
  if (!isActive(c.state)) return false;
  if (await deps.services.hasDeliveredReport(caseId)) return false;
  try {
    await client.views.open({ trigger_id: triggerId, view: resolveConfirmModal(caseId, caseNumber(caseId), translator(locale)) });
  } catch (error) {
    deps.logger.warn("resolve confirmation not opened", { caseId, error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

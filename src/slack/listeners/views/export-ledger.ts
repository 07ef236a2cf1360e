// The export modal was submitted: the modal says the file is on its way, then the CSV is sent by direct message.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { validatePeriod } from "../../../services/export-ledger.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { sendLedgerCsv } from "../../ledger-delivery.ts";
import { managerOf, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, parseModalMetadata } from "../../views/contract-modals.ts";
import { readDate } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.exportLedger, async ({ ack, body, view, client }) => {
    const manager = managerOf(deps, body);
    if (!manager.ok) {
      await ack(refusedSubmission(deps, manager, Inputs.periodFrom.block));
      return;
    }
    const { t, actor } = manager.context;
    const period = validatePeriod(readDate(view, Inputs.periodFrom), readDate(view, Inputs.periodTo));
    if (!period.ok) {
      const errors: Record<string, string> = {};
      if (period.errors.from) errors[Inputs.periodFrom.block] = t(period.errors.from === "required" ? "error.required" : "error.invalid_date");
      if (period.errors.to) errors[Inputs.periodTo.block] = t(period.errors.to === "before_start" ? "contracts.error.before_start" : period.errors.to === "required" ? "error.required" : "error.invalid_date");
      await ack({ response_action: "errors", errors });
      return;
    }
    // A repeated submission is told the same (its file is on the way) but sends nothing more.
    const first = await deps.services.startLedgerExport(parseModalMetadata(view.private_metadata)?.requestKey ?? null);
    await ack({ response_action: "update", view: managerNotice(t("contracts.modal.export.title"), t("contracts.done.export", period), t) });
    if (first) await sendLedgerCsv(deps, client, actor.userId, period, t);
  });
}

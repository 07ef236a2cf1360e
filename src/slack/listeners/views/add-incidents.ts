// The additional-purchase modal was submitted: the incidents join the contract, its validity unchanged (R-CON-3).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { amountErrors } from "../../contract-errors.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { managerOf, numberOf, refreshDetail, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, parseModalMetadata } from "../../views/contract-modals.ts";
import { cleanInput } from "../../views/text.ts";
import { readText } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.addIncidents, async ({ ack, body, view, client }) => {
    const manager = managerOf(deps, body);
    const metadata = parseModalMetadata(view.private_metadata);
    if (!manager.ok || !metadata?.contractId) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, Inputs.incidents.block));
      return;
    }
    const { t, actor } = manager.context;
    const incidents = numberOf(readText(view, Inputs.incidents));
    const result = await deps.services.addIncidents({
      contractId: metadata.contractId, incidents, note: cleanInput(readText(view, Inputs.reason) ?? "") || null,
      actorId: actor.userId, requestKey: metadata.requestKey, purchaseRequestId: metadata.purchaseRequestId ?? null,
    });
    if (!result.ok) {
      if ("errors" in result) {
        await ack({ response_action: "errors", errors: amountErrors(result.errors, t) });
        return;
      }
      if (result.reason === "not_in_force") {
        await ack({ response_action: "errors", errors: { [Inputs.incidents.block]: t("contracts.error.not_in_force", { status: t(`contracts.status.${result.status}`) }) } });
        return;
      }
      const text = result.reason === "duplicate" ? t("contracts.done.duplicate") : t("contracts.error.unknown_contract");
      await ack({ response_action: "update", view: managerNotice(t("contracts.modal.add.title"), text, t) });
      return;
    }
    deps.logger.info("incidents added", { contractId: result.contractId, incidents, userId: actor.userId });
    const text = t("contracts.done.added", { customer: result.customerName, id: result.contractId, incidents, available: result.available, to: result.endsOn });
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), text, t) });
    await refreshDetail(deps, client, metadata.detailViewId, result.customerId, t);
  });
}

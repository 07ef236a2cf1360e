// The renewal modal was submitted: a new contract for the customer, which may overlap the current one (R-CON-4,
// R-CON-6).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { termsErrors } from "../../contract-errors.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { managerOf, numberOf, refreshDetail, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, parseModalMetadata } from "../../views/contract-modals.ts";
import { cleanInput } from "../../views/text.ts";
import { readDate, readText } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.renewContract, async ({ ack, body, view, client }) => {
    const manager = managerOf(deps, body);
    const metadata = parseModalMetadata(view.private_metadata);
    if (!manager.ok || !metadata?.customerId) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, Inputs.incidents.block));
      return;
    }
    const { t, actor } = manager.context;
    const confirmedOn = readDate(view, Inputs.confirmedOn);
    const startsOn = readDate(view, Inputs.startsOn);
    const today = deps.calendar.localDate(deps.clock.now());
    const incidents = numberOf(readText(view, Inputs.incidents));
    const result = await deps.services.renewContract({
      customerId: metadata.customerId, incidents,
      confirmedOn, startsOn, endsOn: readDate(view, Inputs.endsOn),
      note: cleanInput(readText(view, Inputs.contact) ?? "") || null,
      actorId: actor.userId, requestKey: metadata.requestKey, purchaseRequestId: metadata.purchaseRequestId ?? null,
    });
    if (!result.ok) {
      if ("errors" in result) {
        await ack({ response_action: "errors", errors: termsErrors(result.errors, t, { confirmed: confirmedOn !== null, start: confirmedOn ?? startsOn, today }) });
        return;
      }
      const text = result.reason === "duplicate" ? t("contracts.done.duplicate") : t("contracts.error.unknown_customer");
      await ack({ response_action: "update", view: managerNotice(t("contracts.modal.renew.title"), text, t) });
      return;
    }
    deps.logger.info("contract renewed", { contractId: result.contractId, customerId: metadata.customerId, userId: actor.userId });
    const lines = [t("contracts.done.renewed", { customer: result.customerName, id: result.contractId, incidents, from: result.startsOn, to: result.endsOn })];
    if (result.overlapping.length) lines.push(t("contracts.done.overlap", { ids: result.overlapping.map((id) => `#${id}`).join(", ") }));
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), lines.join("\n"), t) });
    await refreshDetail(deps, client, metadata.detailViewId, metadata.customerId, t);
  });
}

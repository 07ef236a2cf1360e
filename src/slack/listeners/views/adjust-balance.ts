// The adjustment modal was submitted: a signed correction with its reason, never below zero (R-CON-7).
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
  app.view<ViewSubmitAction>(Views.adjustBalance, async ({ ack, body, view, client }) => {
    const manager = managerOf(deps, body);
    const metadata = parseModalMetadata(view.private_metadata);
    if (!manager.ok || !metadata?.contractId) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, Inputs.amount.block));
      return;
    }
    const { t, actor } = manager.context;
    const amount = numberOf(readText(view, Inputs.amount));
    const result = await deps.services.adjustBalance({
      contractId: metadata.contractId, amount, reason: cleanInput(readText(view, Inputs.reason) ?? ""),
      actorId: actor.userId, requestKey: metadata.requestKey,
    });
    if (!result.ok) {
      if ("errors" in result) {
        await ack({ response_action: "errors", errors: amountErrors(result.errors, t) });
        return;
      }
      if (result.reason === "insufficient") {
        await ack({ response_action: "errors", errors: { [Inputs.amount.block]: t("contracts.error.insufficient", { available: result.available }) } });
        return;
      }
      const text = result.reason === "duplicate" ? t("contracts.done.duplicate") : t("contracts.error.unknown_contract");
      await ack({ response_action: "update", view: managerNotice(t("contracts.modal.adjust.title"), text, t) });
      return;
    }
    deps.logger.info("balance adjusted", { contractId: result.contractId, amount, userId: actor.userId });
    const text = t("contracts.done.adjusted", {
      customer: result.customerName, id: result.contractId, amount: amount > 0 ? `+${amount}` : String(amount),
      purchased: result.purchased, available: result.available,
    });
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), text, t) });
    await refreshDetail(deps, client, metadata.detailViewId, result.customerId, t);
  });
}

// The manager's reason for declining or holding a purchase request: the customer is told it politely in the
// request's thread. Only a pending request can be declined; anyone but a manager is refused on the modal.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { DECLINE_REASON_MAX } from "../../../domain/renewal.ts";
import type { SlackDeps } from "../../deps.ts";
import { RenewalIds } from "../../ids.ts";
import { managerOf, refusedSubmission } from "../../manager-action.ts";
import { managerNotice } from "../../views/contract-modals.ts";
import { requestNumber } from "../../views/request-message.ts";
import { cleanInput } from "../../views/text.ts";
import { readText } from "../../view-values.ts";

function requestIdOf(raw: string): number | null {
  try {
    const v: unknown = JSON.parse(raw);
    const id = typeof v === "object" && v !== null ? (v as { requestId?: unknown }).requestId : null;
    return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function register(app: Listeners, deps: SlackDeps): void {
  const block = RenewalIds.inputs.reason.block;
  app.view<ViewSubmitAction>(RenewalIds.views.decline, async ({ ack, body, view }) => {
    const manager = managerOf(deps, body);
    const requestId = requestIdOf(view.private_metadata);
    if (!manager.ok || !requestId) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, block));
      return;
    }
    const { t, actor } = manager.context;
    const result = await deps.services.declinePurchaseRequest({ requestId, reason: cleanInput(readText(view, RenewalIds.inputs.reason) ?? ""), actorId: actor.userId });
    if (!result.ok) {
      if (result.reason === "empty_reason" || result.reason === "too_long") {
        await ack({ response_action: "errors", errors: { [block]: result.reason === "empty_reason" ? t("error.required") : t("error.too_long", { max: DECLINE_REASON_MAX }) } });
        return;
      }
      await ack({ response_action: "update", view: managerNotice(t("request.decline.title"), t(result.reason === "settled" ? "request.settled" : "request.unknown"), t) });
      return;
    }
    deps.logger.info("purchase request declined", { requestId, userId: actor.userId });
    await ack({ response_action: "update", view: managerNotice(t("request.decline.title"), t("request.done.declined", { number: requestNumber(requestId, t) }), t) });
  });
}

// Managers on a purchase request's triage message: 「登録する」 opens the existing renewal or addition modal filled
// in from the request (an addition to a contract no longer in force becomes a renewal), and 「お断り／保留」 asks for
// the reason the customer is told. The modal's request key is the request's own, so a request registers once.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { acceptsAddition } from "../../../domain/contract.ts";
import type { SlackDeps } from "../../deps.ts";
import { RenewalIds } from "../../ids.ts";
import { authorizeManager, idOf, showModal } from "../../manager-action.ts";
import { addIncidentsModal, managerNotice, renewContractModal, type Prefill } from "../../views/contract-modals.ts";
import { declineRequestModal, requestNumber } from "../../views/request-message.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(RenewalIds.actions.registerRequest, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const { t } = manager;
    const id = idOf(body.actions[0]?.value);
    const r = id ? await deps.services.purchaseRequestOf(id) : null;
    if (!r || r.state === "registered") {
      return showModal(deps, client, body, managerNotice(t("request.button.register"), t(r ? "request.settled" : "request.unknown"), t));
    }
    const number = requestNumber(r.id, t);
    const prefill: Prefill = { purchaseRequestId: r.id, incidents: r.incidents, startsOn: r.startsOn, note: r.note ? `${number}: ${r.note}` : number };
    const requestKey = `purchase-request-${r.id}`;
    const [contract] = r.kind === "addition" && r.contractId ? await deps.services.listContracts({ contractId: r.contractId }) : [];
    const today = deps.calendar.localDate(deps.clock.now());
    if (contract && acceptsAddition(contract, today)) {
      return showModal(deps, client, body, addIncidentsModal(requestKey, { contractId: contract.id, ...contract }, t, null, prefill));
    }
    await showModal(deps, client, body, renewContractModal({ requestKey, customerId: r.customerId, customerName: r.customer.name, prefill }, t));
  });

  app.action<BlockAction<ButtonAction>>(RenewalIds.actions.declineRequest, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const { t } = manager;
    const id = idOf(body.actions[0]?.value);
    const r = id ? await deps.services.purchaseRequestOf(id) : null;
    if (!r || r.state !== "pending") return showModal(deps, client, body, managerNotice(t("request.decline.title"), t(r ? "request.settled" : "request.unknown"), t));
    await showModal(deps, client, body, declineRequestModal(r, t));
  });
}

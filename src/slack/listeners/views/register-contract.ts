// The registration modal was submitted: a customer, its channels and a contract (R-CON-2, R-CON-5). Problems come
// back as inline errors; on success the modal says what was registered.
import type { App, ViewSubmitAction } from "@slack/bolt";
import { registerContract } from "../../../services/register-contract.ts";
import { termsErrors } from "../../contract-errors.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { managerOf, numberOf, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, parseModalMetadata } from "../../views/contract-modals.ts";
import { cleanInput } from "../../views/text.ts";
import { readConversations, readDate, readOption, readText } from "../../view-values.ts";

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.registerContract, async ({ ack, body, view }) => {
    const manager = managerOf(deps, body);
    const metadata = parseModalMetadata(view.private_metadata);
    if (!manager.ok || !metadata) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, Inputs.customerName.block));
      return;
    }
    const { t, actor } = manager.context;
    const confirmedOn = readDate(view, Inputs.confirmedOn);
    const startsOn = readDate(view, Inputs.startsOn);
    const today = deps.calendar.localDate(deps.clock.now());
    const result = await registerContract(deps, {
      customerName: cleanInput(readText(view, Inputs.customerName) ?? ""),
      channelIds: readConversations(view, Inputs.customerChannels),
      incidents: numberOf(readText(view, Inputs.incidents)),
      confirmedOn, startsOn, endsOn: readDate(view, Inputs.endsOn),
      contactNote: cleanInput(readText(view, Inputs.contact) ?? "") || null,
      locale: readOption(view, Inputs.channelLocale) === "en" ? "en" : "ja",
      actorId: actor.userId, requestKey: metadata.requestKey,
    });
    if (!result.ok) {
      await ack(result.errors
        ? { response_action: "errors", errors: termsErrors(result.errors, t, { confirmed: confirmedOn !== null, start: confirmedOn ?? startsOn, today, channels: result.channels }) }
        : { response_action: "update", view: managerNotice(t("contracts.done.title"), t("contracts.done.duplicate"), t) });
      return;
    }
    deps.logger.info("contract registered", { contractId: result.contractId, customerId: result.customerId, userId: actor.userId });
    const customer = cleanInput(readText(view, Inputs.customerName) ?? "");
    const text = `${t("contracts.done.registered", { customer, id: result.contractId, incidents: numberOf(readText(view, Inputs.incidents)), from: result.startsOn, to: result.endsOn })}\n${t("contracts.done.new_channels")}`;
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), text, t) });
  });
}

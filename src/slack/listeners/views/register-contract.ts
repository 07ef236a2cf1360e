// The registration modal was submitted: a customer, its channels and a contract (R-CON-2, R-CON-5). Problems come
// back as inline errors; on success the modal says what was registered. A channel shared with several outside
// workspaces turns the form into a second step (views/choose-customer-team.ts) naming the customer's.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { termsErrors } from "../../contract-errors.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { managerOf, numberOf, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, parseModalMetadata, registeredNotice } from "../../views/contract-modals.ts";
import { chooseCustomerTeamModal, type RegistrationDraft } from "../../views/tenancy-modals.ts";
import { cleanInput } from "../../views/text.ts";
import { readConversations, readDate, readOption, readText } from "../../view-values.ts";
import { storedLocale } from "../../../domain/locale.ts";

export function register(app: Listeners, deps: SlackDeps): void {
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
    const draft: RegistrationDraft = {
      requestKey: metadata.requestKey,
      customerName: cleanInput(readText(view, Inputs.customerName) ?? ""),
      channelIds: readConversations(view, Inputs.customerChannels),
      incidents: numberOf(readText(view, Inputs.incidents)),
      confirmedOn, startsOn, endsOn: readDate(view, Inputs.endsOn),
      contactNote: cleanInput(readText(view, Inputs.contact) ?? "") || null,
      locale: storedLocale(readOption(view, Inputs.channelLocale)),
    };
    const result = await deps.services.registerContract({ ...draft, actorId: actor.userId });
    if (!result.ok) {
      // Several outside workspaces share a channel: the form becomes its second step, which names the customer's.
      const channel = result.errors?.customerTeam === "choose_team" && "channels" in result ? result.channels?.[0] : undefined;
      if (channel && "teams" in result && result.teams?.length) {
        await ack({ response_action: "update", view: chooseCustomerTeamModal({ draft, channelId: channel, teams: result.teams }, t) });
        return;
      }
      await ack(result.errors
        ? { response_action: "errors", errors: termsErrors(result.errors, t, { confirmed: confirmedOn !== null, start: confirmedOn ?? startsOn, today, channels: result.channels }) }
        : { response_action: "update", view: managerNotice(t("contracts.done.title"), t("contracts.done.duplicate"), t) });
      return;
    }
    deps.logger.info("contract registered", { contractId: result.contractId, customerId: result.customerId, userId: actor.userId });
    await ack({ response_action: "update", view: registeredNotice({ customer: draft.customerName, contractId: result.contractId, incidents: draft.incidents, startsOn: result.startsOn, endsOn: result.endsOn }, t) });
  });
}

// The registration's second step was submitted: the manager named the customer's workspace among those Slack
// showed as connected. Registration asks Slack again now, so a workspace that left meanwhile, or a value forged
// into the submission, is refused inline and nothing is written (R-ROLE, R-CON-5).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { termsErrors } from "../../contract-errors.ts";
import type { SlackDeps } from "../../deps.ts";
import { TenancyIds } from "../../ids.ts";
import { managerOf, refusedSubmission } from "../../manager-action.ts";
import { managerNotice, registeredNotice } from "../../views/contract-modals.ts";
import { parseDraft, teamLabel } from "../../views/tenancy-modals.ts";
import { escapeMrkdwn } from "../../views/text.ts";
import { readOption } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(TenancyIds.views.chooseTeam, async ({ ack, body, view }) => {
    const block = TenancyIds.inputs.customerTeam.block;
    const manager = managerOf(deps, body);
    const draft = parseDraft(view.private_metadata);
    if (!manager.ok || !draft) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, block));
      return;
    }
    const { t, actor } = manager.context;
    const teamId = readOption(view, TenancyIds.inputs.customerTeam);
    if (!teamId) {
      await ack({ response_action: "errors", errors: { [block]: t("error.required") } });
      return;
    }
    const result = await deps.services.registerContract({ ...draft, customerTeamId: teamId, actorId: actor.userId });
    if (!result.ok) {
      if (!result.errors) {
        await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), t("contracts.done.duplicate"), t) });
        return;
      }
      const channel = result.channels?.[0] ?? draft.channelIds[0] ?? "";
      // The form's own inputs are not on this step: whatever else went wrong meanwhile is said here.
      const text = result.errors.customerTeam
        ? t("tenancy.error.team_not_connected", { channel })
        : Object.values(termsErrors(result.errors, t, { confirmed: draft.confirmedOn !== null, start: draft.confirmedOn ?? draft.startsOn, today: deps.calendar.localDate(deps.clock.now()), channels: result.channels ?? [] })).join(" ");
      deps.logger.info("registration's workspace refused", { teamId, userId: actor.userId });
      await ack({ response_action: "errors", errors: { [block]: text } });
      return;
    }
    deps.logger.info("contract registered", { contractId: result.contractId, customerId: result.customerId, userId: actor.userId, customerTeam: teamId });
    const tenancy = await deps.services.channelTenancy(draft.channelIds[0] ?? "");
    const chosen = tenancy?.teams.find((x) => x.teamId === teamId);
    await ack({
      response_action: "update",
      view: registeredNotice({
        customer: draft.customerName.trim(), contractId: result.contractId, incidents: draft.incidents, startsOn: result.startsOn, endsOn: result.endsOn,
        customerTeam: escapeMrkdwn(teamLabel({ id: teamId, name: chosen?.teamName ?? null })),
      }, t),
    });
  });
}

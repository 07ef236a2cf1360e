// The application modal (登録用紙) was submitted: checked inline field by field, then recorded as a request for
// managers (never a contract, R-CON-5). Who submits is checked again here: a modal proves nothing about its sender.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { MAX_INCIDENTS } from "../../../domain/contract.ts";
import { can } from "../../../domain/roles.ts";
import { COMPANY_MAX, EMAIL_MAX, PERSON_MAX, REQUEST_NOTE_MAX, type ApplicationErrors, type ApplicationField } from "../../../domain/renewal.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t as translate, translator, type Translate } from "../../i18n/index.ts";
import { RenewalIds } from "../../ids.ts";
import { numberOf } from "../../manager-action.ts";
import { parseApplicationMetadata } from "../../views/renewal-message.ts";
import { cleanInput } from "../../views/text.ts";
import { readDate, readText } from "../../view-values.ts";
import { customerRefusal } from "../../refusals.ts";

const I = RenewalIds.inputs;
const BLOCKS: Record<ApplicationField, string> = {
  companyName: I.company.block, contactName: I.person.block, contactEmail: I.email.block, incidents: I.incidents.block, startsOn: I.startsOn.block, note: I.note.block,
};
const MAX: Record<ApplicationField, number> = { companyName: COMPANY_MAX, contactName: PERSON_MAX, contactEmail: EMAIL_MAX, incidents: MAX_INCIDENTS, startsOn: 0, note: REQUEST_NOTE_MAX };

function inline(errors: ApplicationErrors, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(errors) as Array<[ApplicationField, NonNullable<ApplicationErrors[ApplicationField]>]>) {
    out[BLOCKS[field]] = problem === "required" ? t("error.required")
      : problem === "too_long" ? t("error.too_long", { max: MAX[field] })
      : problem === "email" ? t("apply.error.email")
      : problem === "range" ? t("apply.error.range", { max: MAX_INCIDENTS })
      : t("apply.error.past");
  }
  return out;
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(RenewalIds.views.application, async ({ ack, body, view }) => {
    const actor = await actorOfInteraction(deps, body);
    const metadata = parseApplicationMetadata(view.private_metadata);
    if (!actor || !metadata) {
      await ack({ response_action: "errors", errors: { [I.company.block]: translate(deps.config.defaultLocale, "error.generic") } });
      return;
    }
    const channel = await channelContext(deps, metadata.channelId);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    const t = translator(locale);
    if (!channel || !can(roles, "case.reply")) {
      deps.logger.info("application refused", { userId: actor.userId, channelId: metadata.channelId });
      await ack({ response_action: "errors", errors: { [I.company.block]: customerRefusal(locale, deps.config.contact, "apply.refused") } });
      return;
    }
    const result = await deps.services.createPurchaseRequest({
      requestKey: metadata.requestKey, customerId: channel.customerId, channelId: channel.channelId, kind: metadata.kind, contractId: metadata.contractId,
      companyName: cleanInput(readText(view, I.company) ?? ""), contactName: cleanInput(readText(view, I.person) ?? ""),
      contactEmail: cleanInput(readText(view, I.email) ?? ""), incidents: numberOf(readText(view, I.incidents)),
      startsOn: readDate(view, I.startsOn), note: cleanInput(readText(view, I.note) ?? "") || null, actorId: actor.userId,
    });
    if (!result.ok) {
      await ack({ response_action: "errors", errors: inline(result.errors, t) });
      return;
    }
    deps.logger.info("purchase request made", { requestId: result.requestId, duplicate: result.duplicate, kind: metadata.kind });
    await ack();
  });
}

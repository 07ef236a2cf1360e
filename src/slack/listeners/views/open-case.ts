// The case modal was submitted: validate, then open the case; problems come back as inline errors on the modal.
import type { App, ViewSubmitAction } from "@slack/bolt";
import { DESCRIPTION_MAX, PRODUCT_MAX, TITLE_MAX } from "../../../domain/case.ts";
import { can } from "../../../domain/roles.ts";
import { openCase } from "../../../services/open-case.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { parseOpenCaseMetadata } from "../../views/open-case-modal.ts";
import { charLength, cleanInput } from "../../views/text.ts";
import { readOption, readText } from "../../view-values.ts";

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.openCase, async ({ ack, body, view }) => {
    const actor = actorOfInteraction(body, deps.config.defaultLocale);
    const metadata = parseOpenCaseMetadata(view.private_metadata);
    if (!actor || !metadata) {
      await ack({ response_action: "errors", errors: { [Inputs.title.block]: t(deps.config.defaultLocale, "error.generic") } });
      return;
    }
    const channelId = metadata.channelId ?? readOption(view, Inputs.channel);
    const channel = await channelContext(deps, channelId ?? undefined);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(actor, channel, roles);
    const errors: Record<string, string> = {};
    const title = cleanInput(readText(view, Inputs.title) ?? "");
    const description = cleanInput(readText(view, Inputs.description) ?? "");
    const product = cleanInput(readText(view, Inputs.product) ?? "") || null;
    const level = readOption(view, Inputs.level) ?? "normal";
    if (!title) errors[Inputs.title.block] = t(locale, "error.required");
    else if (charLength(title) > TITLE_MAX) errors[Inputs.title.block] = t(locale, "error.too_long", { max: TITLE_MAX });
    if (!description) errors[Inputs.description.block] = t(locale, "error.required");
    else if (charLength(description) > DESCRIPTION_MAX) errors[Inputs.description.block] = t(locale, "error.too_long", { max: DESCRIPTION_MAX });
    if (product && charLength(product) > PRODUCT_MAX) errors[Inputs.product.block] = t(locale, "error.too_long", { max: PRODUCT_MAX });
    const channelBlock = metadata.channelId ? Inputs.title.block : Inputs.channel.block;
    if (!channel) errors[channelBlock] = t(locale, "error.channel_not_registered");
    else if (!can(roles, "case.open")) errors[channelBlock] = t(locale, "refused.customer");
    if (Object.keys(errors).length > 0 || !channel) {
      await ack({ response_action: "errors", errors });
      return;
    }
    const [levelName, reason] = level.split(":");
    const result = await openCase(deps, {
      requestKey: metadata.requestKey, channelId: channel.channelId, openedBy: actor.userId, openerTeamId: actor.teamId,
      openerIsCustomer: roles.has("customer"), title, description, product,
      level: levelName === "A" ? "A" : "normal",
      levelReason: reason === "reproduction" || reason === "report" ? reason : null,
      sourceTs: metadata.sourceTs, previousCaseId: metadata.previousCaseId,
    });
    if (result.ok) {
      deps.logger.info("case opened", { caseId: result.caseId, duplicate: result.duplicate, incidents: result.incidents });
      await ack();
      return;
    }
    const message = result.reason === "not_registered" ? t(locale, "error.channel_not_registered")
      : result.reason === "insufficient" ? t(locale, "error.insufficient", { needed: result.needed, available: result.available, contact: deps.config.contact })
      : t(locale, result.reason === "expired" ? "error.expired" : "error.no_contract", { contact: deps.config.contact });
    await ack({ response_action: "errors", errors: { [result.reason === "not_registered" ? channelBlock : Inputs.level.block]: message } });
  });
}

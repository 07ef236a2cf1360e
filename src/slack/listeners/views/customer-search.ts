// A search submitted from a customer channel's search modal: the modal is updated with the cases of that channel
// that contain the words (or the case card of a number of that channel). Who submits is checked again here: the
// channel in the modal's metadata proves nothing.
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { CaseworkIds } from "../../ids.ts";
import { threadLinks } from "../../permalinks.ts";
import { readText } from "../../view-values.ts";
import { customerSearchModal, parseSearchMetadata } from "../../views/case-search-modal.ts";
import { customerRefusal } from "../../refusals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view(CaseworkIds.views.customerSearch, async ({ ack, body, view, client }) => {
    const block = CaseworkIds.inputs.query.block;
    const actor = await actorOfInteraction(deps, body);
    const metadata = parseSearchMetadata(view.private_metadata);
    const channel = metadata ? await channelContext(deps, metadata.channelId) : null;
    const roles = actor ? rolesIn(deps, actor, channel) : new Set<never>();
    const locale = actor ? localeFor(deps, actor, channel) : deps.config.defaultLocale;
    if (!actor || !channel || !can(roles, "balance.own")) {
      return ack({ response_action: "errors", errors: { [block]: customerRefusal(locale, deps.config.contact, "refused.other_customer") } });
    }
    const query = readText(view, CaseworkIds.inputs.query) ?? "";
    const result = await deps.services.findCase(query, { channelId: channel.channelId });
    const cases = result.kind === "results" ? result.cases : result.kind === "card" ? [{ id: result.card.view.id, channelId: result.card.view.channelId, rootTs: result.card.view.rootTs }] : [];
    const links = await threadLinks(client, deps.logger, cases);
    await ack({ response_action: "update", view: customerSearchModal(channel.channelId, translator(locale), { query, result, links }) });
  });
}

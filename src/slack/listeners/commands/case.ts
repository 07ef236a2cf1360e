// /case for T4U's engineers and managers: `/case 12` or `/case #0012` shows the case card (with the staff buttons
// for engineers), `/case <words>` the cases containing them. Answered only to the person who asked. Anyone else is
// politely refused and sees nothing of any case.
import type { Listeners } from "../../listener-router.ts";
import type { WebClient } from "@slack/web-api";
import { can } from "../../../domain/roles.ts";
import { actorOfUser, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator, type Translate } from "../../i18n/index.ts";
import { Commands } from "../../ids.ts";
import { permalink, threadLinks } from "../../permalinks.ts";
import { caseCardMessage, findResultMessage } from "../../views/case-card.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.command(Commands.case, async ({ ack, command, client, respond }) => {
    const actor = await actorOfUser(deps, command.user_id, command.team_id);
    const t = translator(localeFor(deps, actor, null));
    const roles = rolesIn(deps, actor, null);
    if (!can(roles, "case.work") && !can(roles, "balance.all")) {
      deps.logger.info("/case refused", { userId: command.user_id });
      await ack({ response_type: "ephemeral", text: t("find.refused") });
      return;
    }
    // The search and the links take longer than an acknowledgement should: the answer follows by response_url.
    await ack();
    try {
      await answer(deps, client, respond, command.text, t);
    } catch (error) {
      // The answer goes to response_url, a URL from the payload: a failure to reach it is logged, not thrown.
      deps.logger.warn("/case answer not delivered", { userId: command.user_id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

type Respond = Parameters<Parameters<Listeners["command"]>[1]>[0]["respond"];

async function answer(deps: SlackDeps, client: WebClient, respond: Respond, text: string, t: Translate): Promise<void> {
  const result = await deps.services.findCase(text);
  if (result.kind === "card") {
    const v = result.card.view;
    const [thread, triage] = await Promise.all([
      permalink(client, deps.logger, v.channelId, v.rootTs),
      deps.triageChannel ? permalink(client, deps.logger, deps.triageChannel, v.triageTs) : undefined,
    ]);
    await respond({ response_type: "ephemeral", ...caseCardMessage(result.card, { thread, triage }, true, t) });
    return;
  }
  const links = result.kind === "results" ? await threadLinks(client, deps.logger, result.cases) : new Map<number, string>();
  await respond({ response_type: "ephemeral", ...findResultMessage(result, links, true, t) });
}

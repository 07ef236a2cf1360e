// The case modal opened the moment a person asks for it (a button, /support, the message shortcut), before anything
// is read. Slack's trigger_id lasts 3 seconds from the person's action, and the person's language, the channel and
// the contracts take look-ups that a busy moment can stretch past that. So a loading view spends the trigger first,
// and is then updated to the form, or to why no case can be opened there.
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "./deps.ts";
import { translator, type Translate } from "./i18n/index.ts";
import { ephemeral } from "./reply.ts";
import { caseModalLoading, caseModalNotice } from "./views/case-modal-states.ts";

export interface LoadingModal { id: string; hash: string }

/** Where the person acted: the trigger to spend, and the channel to answer in when Slack refuses the modal. */
export interface LoadingRequest { trigger_id: string; channel?: { id?: string } | null }

/**
 * Opens the loading view on the action's trigger: the view's id and hash. When Slack refuses (a trigger that
 * expired on a very busy moment), the person is asked, where they acted, to try again rather than left with nothing;
 * `retry` says how, in their language (by default: press the button again).
 */
export async function openLoading(
  client: WebClient, deps: SlackDeps, body: LoadingRequest, userId: string,
  retry: (tr: Translate) => string = (tr) => tr("modal.open.retry"),
): Promise<LoadingModal | null> {
  // Only what is known without asking anyone: the person's language as last read, else the default.
  const tr = translator(deps.people.known(userId) ?? deps.config.defaultLocale);
  try {
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: caseModalLoading(tr) });
    const id = opened.view?.id;
    if (id) return { id, hash: opened.view?.hash ?? "" };
  } catch (error) {
    deps.logger.warn("case modal could not be opened", { userId, error: String(error) });
  }
  await ephemeral(client, deps.logger, body.channel?.id, userId, retry(tr));
  return null;
}

/**
 * Puts what `prepare` makes into the loading view: the form or a notice; nothing when it returns null. A failure
 * while preparing is told in the modal, which would otherwise keep saying that the form is on its way.
 */
export async function fillLoading(
  client: WebClient, deps: SlackDeps, loading: LoadingModal, userId: string, prepare: () => Promise<ModalView | null>,
): Promise<void> {
  // The loading view has no inputs, so nothing but this action changes it: the hash guards against a stale one.
  const show = async (view: ModalView): Promise<void> => {
    try {
      await client.views.update({ view_id: loading.id, ...(loading.hash ? { hash: loading.hash } : {}), view });
    } catch (error) {
      deps.logger.warn("case modal could not be updated", { userId, viewId: loading.id, error: String(error) });
    }
  };
  try {
    const view = await prepare();
    if (view) await show(view);
  } catch (error) {
    deps.logger.error("case modal could not be prepared", { userId, error: String(error) });
    const tr = translator(deps.people.known(userId) ?? deps.config.defaultLocale);
    await show(caseModalNotice(tr("modal.open.unavailable"), tr));
  }
}

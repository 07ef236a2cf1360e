// The case modal was submitted. What needs no database (a required field left empty, a text too long) is answered
// inline at once, on the field concerned. Everything else is answered at once with a 「受付中…」 view, and the modal
// is then updated to the case opened, or back to the form with why not above the fields. Nothing is reserved unless
// the case is opened (R-INC-6).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { ModalView } from "@slack/types";
import type { Locale } from "../../../config.ts";
import { caseNumber, DESCRIPTION_MAX, PRODUCT_MAX, TITLE_MAX } from "../../../domain/case.ts";
import { can } from "../../../domain/roles.ts";
import { type CaseAttachment } from "../../../services/open-case.ts";
import { channelContext, knownActorOfInteraction, rolesIn, type Actor } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, type Translate, translator } from "../../i18n/index.ts";
import { CaseworkIds, Inputs, Views } from "../../ids.ts";
import { caseFormAgain } from "../../views/case-modal-again.ts";
import { caseModalOpened, caseModalReceived, caseModalRefused } from "../../views/case-modal-states.ts";
import { MAX_FILES, parseOpenCaseMetadata, refusalText, type OpenCaseModalMetadata } from "../../views/open-case-modal.ts";
import { charLength, cleanInput } from "../../views/text.ts";
import { readOption, readText } from "../../view-values.ts";
import { customerRefusal } from "../../refusals.ts";

/** The files attached in the modal (file_input): each with Slack's id and name, the rest as far as given. */
export function readFiles(view: { state: { values: Record<string, Record<string, unknown>> } }, max = MAX_FILES): CaseAttachment[] {
  const element = view.state?.values?.[CaseworkIds.inputs.files.block]?.[CaseworkIds.inputs.files.action];
  const files = typeof element === "object" && element !== null ? (element as { files?: unknown }).files : undefined;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f: unknown) => {
    if (typeof f !== "object" || f === null) return [];
    const { id, name, title, mimetype, filetype, size } = f as Record<string, unknown>;
    if (typeof id !== "string" || !/^F[A-Z0-9]+$/.test(id)) return [];
    const label = typeof name === "string" && name ? name : typeof title === "string" && title ? title : id;
    return [{
      id, name: label.slice(0, 255),
      ...(typeof mimetype === "string" ? { mimetype } : {}), ...(typeof filetype === "string" ? { filetype } : {}),
      ...(typeof size === "number" && Number.isSafeInteger(size) ? { size } : {}),
    }];
  }).slice(0, max);
}

/** A required text: control characters dropped (cleanInput), then neither empty nor over its limit. */
function checkText(value: string, max: number, optional: boolean, tr: Translate): string | null {
  if (!value) return optional ? null : tr("error.required");
  return charLength(value) > max ? tr("error.too_long", { max }) : null;
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.openCase, async ({ ack, body, view, client }) => {
    // Nothing is looked up before the answer: the language is the one the form was shown in.
    const actor = knownActorOfInteraction(deps, body);
    const metadata = parseOpenCaseMetadata(view.private_metadata);
    if (!actor || !metadata) {
      await ack({ response_action: "errors", errors: { [Inputs.title.block]: t(deps.config.defaultLocale, "error.generic") } });
      return;
    }
    const locale = metadata.locale ?? actor.locale ?? deps.config.defaultLocale;
    const tr = translator(locale);
    const fields = readFields(view);
    const errors: Record<string, string> = {};
    const problems: Array<[string, string | null]> = [
      [Inputs.title.block, checkText(fields.title, TITLE_MAX, false, tr)],
      [Inputs.description.block, checkText(fields.description, DESCRIPTION_MAX, false, tr)],
      [Inputs.product.block, checkText(fields.product ?? "", PRODUCT_MAX, true, tr)],
    ];
    for (const [block, problem] of problems) if (problem) errors[block] = problem;
    const channelId = metadata.channelId ?? readOption(view, Inputs.channel);
    if (!channelId) errors[Inputs.channel.block] = customerRefusal(locale, deps.config.contact, "error.channel_not_registered");
    if (Object.keys(errors).length > 0 || !channelId) {
      await ack({ response_action: "errors", errors });
      return;
    }
    // Everything else takes the database: the modal says at once that the submission was received, then shows
    // what became of it. A second submission of the same form (a double click, a retry) shares its request key,
    // so it opens no second case and comes to show the same result.
    await ack({ response_action: "update", view: caseModalReceived(tr, view.private_metadata) });
    let outcome: ModalView;
    try {
      outcome = await submit(deps, { view, actor, metadata, channelId, fields, locale });
    } catch (error) {
      deps.logger.error("case could not be opened", { userId: actor.userId, error: String(error) });
      outcome = caseFormAgain(view, tr("modal.open.unavailable"));
    }
    try {
      await client.views.update({ view_id: view.id, view: outcome });
    } catch (error) {
      deps.logger.warn("case modal could not be updated", { userId: actor.userId, viewId: view.id, error: String(error) });
    }
  });
}

interface Fields { title: string; description: string; product: string | null; level: string }

function readFields(view: ViewSubmitAction["view"]): Fields {
  return {
    title: cleanInput(readText(view, Inputs.title) ?? ""),
    description: cleanInput(readText(view, Inputs.description) ?? ""),
    product: cleanInput(readText(view, Inputs.product) ?? "") || null,
    level: readOption(view, Inputs.level) ?? "normal",
  };
}

interface Submission {
  view: ViewSubmitAction["view"];
  actor: Actor;
  metadata: OpenCaseModalMetadata;
  channelId: string;
  fields: Fields;
  locale: Locale;
}

/** Checks who may open a case in the channel, opens it, and returns the view that says what happened. */
async function submit(deps: SlackDeps, s: Submission): Promise<ModalView> {
  const { view, actor, metadata, fields, locale } = s;
  const tr = translator(locale);
  const form = view;
  const channel = await channelContext(deps, s.channelId);
  const roles = rolesIn(deps, actor, channel);
  // A channel chosen in the form can be chosen again; one the form was opened in cannot.
  const notRegistered = () => metadata.channelId
    ? caseModalRefused(customerRefusal(locale, deps.config.contact, "error.channel_not_registered"), tr)
    : caseFormAgain(form, customerRefusal(locale, deps.config.contact, "error.channel_not_registered"));
  if (!channel) return notRegistered();
  if (!can(roles, "case.open")) return caseModalRefused(customerRefusal(locale, deps.config.contact, "refused.other_customer"), tr);
  const [levelName, reason] = fields.level.split(":");
  const result = await deps.services.openCase({
    requestKey: metadata.requestKey, channelId: channel.channelId, openedBy: actor.userId,
    title: fields.title, description: fields.description, product: fields.product,
    level: levelName === "A" ? "A" : "normal",
    levelReason: reason === "reproduction" || reason === "report" ? reason : null,
    sourceTs: metadata.sourceTs, sourceThreadTs: metadata.sourceThreadTs ?? null, previousCaseId: metadata.previousCaseId,
    files: readFiles(view), openerRole: roles.has("customer") ? "customer" : roles.has("engineer") ? "engineer" : "internal",
  });
  if (result.ok) {
    // Someone else already made this message a case: say so rather than pretend this submission did.
    if (result.duplicate && metadata.sourceTs && result.openedBy !== actor.userId) {
      return caseModalRefused(tr("error.duplicate_source", { number: caseNumber(result.caseId) }), tr);
    }
    deps.logger.info("case opened", { caseId: result.caseId, duplicate: result.duplicate, incidents: result.incidents });
    return caseModalOpened({ number: caseNumber(result.caseId), incidents: result.incidents, channelId: channel.channelId }, tr);
  }
  if (result.reason === "not_registered") return notRegistered();
  return caseFormAgain(form, refusalText(result.reason, result.needed, result.available, deps.config.contact, tr));
}

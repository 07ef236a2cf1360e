// The case modal was submitted: validate, then open the case; problems come back as inline errors on the field
// they concern, each saying what to do next. Nothing is reserved unless the case is opened (R-INC-6).
import type { App, ViewSubmitAction } from "@slack/bolt";
import { caseNumber, DESCRIPTION_MAX, PRODUCT_MAX, TITLE_MAX } from "../../../domain/case.ts";
import { can } from "../../../domain/roles.ts";
import { openCase, type CaseAttachment } from "../../../services/open-case.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, type Translate, translator } from "../../i18n/index.ts";
import { CaseworkIds, Inputs, Views } from "../../ids.ts";
import { MAX_FILES, parseOpenCaseMetadata, refusalText } from "../../views/open-case-modal.ts";
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

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.openCase, async ({ ack, body, view }) => {
    const actor = await actorOfInteraction(deps, body);
    const metadata = parseOpenCaseMetadata(view.private_metadata);
    if (!actor || !metadata) {
      await ack({ response_action: "errors", errors: { [Inputs.title.block]: t(deps.config.defaultLocale, "error.generic") } });
      return;
    }
    const channelId = metadata.channelId ?? readOption(view, Inputs.channel);
    const channel = await channelContext(deps, channelId ?? undefined);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    const tr = translator(locale);
    const refused = (key: "error.channel_not_registered" | "refused.other_customer") => customerRefusal(locale, deps.config.contact, key);
    const title = cleanInput(readText(view, Inputs.title) ?? "");
    const description = cleanInput(readText(view, Inputs.description) ?? "");
    const product = cleanInput(readText(view, Inputs.product) ?? "") || null;
    const level = readOption(view, Inputs.level) ?? "normal";
    const errors: Record<string, string> = {};
    const problems: Array<[string, string | null]> = [
      [Inputs.title.block, checkText(title, TITLE_MAX, false, tr)],
      [Inputs.description.block, checkText(description, DESCRIPTION_MAX, false, tr)],
      [Inputs.product.block, checkText(product ?? "", PRODUCT_MAX, true, tr)],
    ];
    for (const [block, problem] of problems) if (problem) errors[block] = problem;
    // Without a channel picker in the modal, a channel problem is shown on its first field.
    const channelBlock = metadata.channelId ? Inputs.title.block : Inputs.channel.block;
    if (!channel) errors[channelBlock] = refused("error.channel_not_registered");
    else if (!can(roles, "case.open")) errors[channelBlock] = refused("refused.other_customer");
    if (Object.keys(errors).length > 0 || !channel) {
      await ack({ response_action: "errors", errors });
      return;
    }
    const [levelName, reason] = level.split(":");
    const result = await openCase(deps, {
      requestKey: metadata.requestKey, channelId: channel.channelId, openedBy: actor.userId,
      title, description, product,
      level: levelName === "A" ? "A" : "normal",
      levelReason: reason === "reproduction" || reason === "report" ? reason : null,
      sourceTs: metadata.sourceTs, sourceThreadTs: metadata.sourceThreadTs ?? null, previousCaseId: metadata.previousCaseId,
      files: readFiles(view), openerRole: roles.has("customer") ? "customer" : roles.has("engineer") ? "engineer" : "internal",
    });
    if (result.ok) {
      // Someone else already made this message a case: say so rather than pretend this submission did.
      if (result.duplicate && metadata.sourceTs && result.openedBy !== actor.userId) {
        await ack({ response_action: "errors", errors: { [Inputs.title.block]: tr("error.duplicate_source", { number: caseNumber(result.caseId) }) } });
        return;
      }
      deps.logger.info("case opened", { caseId: result.caseId, duplicate: result.duplicate, incidents: result.incidents });
      await ack();
      return;
    }
    if (result.reason === "not_registered") {
      await ack({ response_action: "errors", errors: { [channelBlock]: refused("error.channel_not_registered") } });
      return;
    }
    await ack({ response_action: "errors", errors: { [Inputs.level.block]: refusalText(result.reason, result.needed, result.available, deps.config.contact, tr) } });
  });
}

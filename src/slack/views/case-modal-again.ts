// The case form shown again after a submission that opened nothing (too few incidents, a contract that ended
// meanwhile): the same form as submitted, with why at the top and what the person typed and chose kept. It is
// rebuilt from the submitted view itself, so a form opened from anywhere (a channel picker included) comes back as
// it was. Slack cannot prefill a file input: attached files have to be chosen again.
import type { ViewOutput } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { CaseworkIds } from "../ids.ts";
import { mrkdwn, plain } from "./text.ts";

export type SubmittedForm = Pick<ViewOutput, "callback_id" | "private_metadata" | "title" | "submit" | "close" | "blocks" | "state">;

type Element = Record<string, unknown> & { type?: string; action_id?: string; options?: Array<{ value?: string }> };

/** The element with what was submitted in it as its initial value. */
function keepValue(element: Element, state: SubmittedForm["state"]["values"][string][string] | undefined): Element {
  const kept: Element = { ...element };
  if (element.type === "plain_text_input") {
    delete kept.initial_value;
    if (state?.value) kept.initial_value = state.value;
  } else if (element.type === "radio_buttons" || element.type === "static_select") {
    const chosen = element.options?.find((o) => o.value === state?.selected_option?.value);
    if (chosen) kept.initial_option = chosen;
  }
  return kept;
}

export function caseFormAgain(submitted: SubmittedForm, refusal: string): ModalView {
  const blocks = submitted.blocks
    .filter((b) => (b as { block_id?: string }).block_id !== CaseworkIds.blocks.openRefusal)
    .map((b) => {
      const block = b as KnownBlock & { block_id?: string; element?: Element };
      if (block.type !== "input" || !block.element || !block.block_id) return block;
      const action = block.element.action_id;
      return { ...block, element: keepValue(block.element, action ? submitted.state.values[block.block_id]?.[action] : undefined) } as KnownBlock;
    });
  return {
    type: "modal",
    callback_id: submitted.callback_id,
    title: plain(submitted.title.text, 24),
    ...(submitted.submit ? { submit: plain(submitted.submit.text, 24) } : {}),
    ...(submitted.close ? { close: plain(submitted.close.text, 24) } : {}),
    private_metadata: submitted.private_metadata,
    blocks: [{ type: "section", block_id: CaseworkIds.blocks.openRefusal, text: mrkdwn(`:warning: ${refusal}`) }, ...blocks] as KnownBlock[],
  };
}

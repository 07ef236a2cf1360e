// The interactive elements of posted blocks as Slack shows them to a person: where they are, which options they
// offer, and the state Slack reports for them. A driver that cannot find what a person would click throws
// (`impossible`): the test asked for something Slack could never have sent.

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function impossible(reason: string): never {
  throw new Error(`Slack could not send this: ${reason}`);
}

export interface FoundElement {
  block: Json;
  element: Json;
}

/** Every interactive element of the blocks with its block, in the places Slack renders them. */
export function elementsOf(blocks: unknown[]): FoundElement[] {
  const found: FoundElement[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const candidates: unknown[] = [];
    if (block.type === "actions" && Array.isArray(block.elements)) candidates.push(...(block.elements as unknown[]));
    if (block.accessory !== undefined) candidates.push(block.accessory);
    if (block.type === "input" && block.element !== undefined) candidates.push(block.element);
    for (const element of candidates) {
      if (isRecord(element) && typeof element.action_id === "string") found.push({ block, element });
    }
  }
  return found;
}

export function optionsOf(element: Json): Json[] {
  const out: Json[] = [];
  if (Array.isArray(element.options)) out.push(...element.options.filter(isRecord));
  if (Array.isArray(element.option_groups)) {
    for (const group of element.option_groups) {
      if (isRecord(group) && Array.isArray(group.options)) out.push(...group.options.filter(isRecord));
    }
  }
  return out;
}

export function pickOption(element: Json, value: string, where: string): Json {
  const option = optionsOf(element).find((o) => o.value === value);
  if (option === undefined) impossible(`${where} offers no option with value "${value}"`);
  return { text: option.text, value: option.value, ...(option.description !== undefined ? { description: option.description } : {}) };
}

/** The state Slack reports for an element nobody has touched (its initial value, or empty). */
export function initialState(element: Json): Json {
  const type = String(element.type);
  switch (type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: element.initial_option ?? null };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: Array.isArray(element.initial_options) ? element.initial_options : [] };
    case "users_select":
      return { type, selected_user: element.initial_user ?? null };
    case "multi_users_select":
      return { type, selected_users: Array.isArray(element.initial_users) ? element.initial_users : [] };
    case "conversations_select":
      return { type, selected_conversation: element.initial_conversation ?? null };
    case "multi_conversations_select":
      return { type, selected_conversations: Array.isArray(element.initial_conversations) ? element.initial_conversations : [] };
    case "channels_select":
      return { type, selected_channel: element.initial_channel ?? null };
    case "multi_channels_select":
      return { type, selected_channels: Array.isArray(element.initial_channels) ? element.initial_channels : [] };
    case "datepicker":
      return { type, selected_date: element.initial_date ?? null };
    case "timepicker":
      return { type, selected_time: element.initial_time ?? null };
    case "datetimepicker":
      return { type, selected_date_time: element.initial_date_time ?? null };
    case "rich_text_input":
      return { type, rich_text_value: element.initial_value ?? null };
    default:
      return { type, value: element.initial_value ?? null };
  }
}

export function isEmptyState(state: Json): boolean {
  for (const [key, value] of Object.entries(state)) {
    if (key === "type") continue;
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return false;
  }
  return true;
}

/** The one element with this action_id (in this block, if given) that a person could act on. */
export function findElement(blocks: unknown[], actionId: string, blockId: string | undefined, where: string): FoundElement {
  const matches = elementsOf(blocks).filter(
    (f) => f.element.action_id === actionId && (blockId === undefined || f.block.block_id === blockId),
  );
  const first = matches[0];
  if (first === undefined) {
    impossible(`${where} has no element with action_id "${actionId}"${blockId !== undefined ? ` in block "${blockId}"` : ""}`);
  }
  if (matches.length > 1) impossible(`${where} has several elements with action_id "${actionId}"; give blockId`);
  return first;
}

/** view.state / state.values as Slack sends them: every stateful element, the acted-on one with its new state. */
export function stateValues(blocks: unknown[], acted?: { blockId: unknown; actionId: unknown; state: Json }): Json {
  const values: Record<string, Record<string, Json>> = {};
  for (const { block, element } of elementsOf(blocks)) {
    if (element.type === "button" || element.type === "overflow") continue;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const state = acted !== undefined && acted.blockId === blockId && acted.actionId === actionId
      ? acted.state
      : initialState(element);
    (values[blockId] ??= {})[actionId] = state;
  }
  return { values };
}

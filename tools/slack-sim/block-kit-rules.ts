// The Block Kit limits Slack enforces when it receives a message or a view, so that a test fails where Slack would
// refuse the payload instead of where a real user would first see it broken. Limits come from Slack's Block Kit
// reference and the comments in @slack/types. Errors read like the lines Slack puts in response_metadata.messages
// ("<problem> [json-pointer:/blocks/0/text]"), and only the first problem is reported, as Slack does.

export type Surface = "message" | "modal" | "home";

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const KNOWN_BLOCKS = new Set(["section", "actions", "context", "divider", "header", "input", "rich_text", "image"]);

const SELECTS_WITH_OPTIONS = new Set(["static_select", "multi_static_select"]);
const OTHER_SELECTS = new Set([
  "external_select", "multi_external_select", "users_select", "multi_users_select",
  "conversations_select", "multi_conversations_select", "channels_select", "multi_channels_select",
]);
const CHOICE_ELEMENTS = new Set(["radio_buttons", "checkboxes"]);
const TEXT_INPUTS = new Set(["plain_text_input", "email_text_input", "url_text_input", "number_input", "rich_text_input"]);
const PICKERS = new Set(["datepicker", "timepicker", "datetimepicker"]);

/** Which element types each place in a block accepts (Slack's "compatible blocks" tables). */
const ACTIONS_ELEMENTS = new Set([
  "button", "overflow", ...SELECTS_WITH_OPTIONS, ...OTHER_SELECTS, ...CHOICE_ELEMENTS, ...PICKERS,
]);
const ACCESSORY_ELEMENTS = new Set([...ACTIONS_ELEMENTS, "image"]);
const INPUT_ELEMENTS = new Set([
  ...TEXT_INPUTS, ...SELECTS_WITH_OPTIONS, ...OTHER_SELECTS, ...CHOICE_ELEMENTS, ...PICKERS, "file_input",
]);

type Problem = string;

class BlockKitError extends Error {}

function fail(pointer: string, problem: Problem): never {
  throw new BlockKitError(`${problem} [json-pointer:${pointer}]`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown, pointer: string): Record<string, unknown> {
  if (!isRecord(value)) fail(pointer, "must be an object");
  return value;
}

function optionalString(value: unknown, pointer: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(pointer, "must be a string");
  if (value.length > max) fail(pointer, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

function requiredString(value: unknown, pointer: string, max: number): string {
  const text = optionalString(value, pointer, max);
  if (text === undefined) fail(pointer, "is required");
  if (text.length === 0) fail(pointer, "must be at least 1 character");
  return text;
}

/**
 * A text object. Slack counts the limit on the `text` inside it; empty text is refused everywhere.
 * `plainOnly` is for the places where Slack rejects mrkdwn (headers, buttons, option text in selects, labels,
 * modal titles).
 */
function textObject(value: unknown, pointer: string, max: number, plainOnly: boolean): void {
  if (value === undefined) fail(pointer, "is required");
  const text = record(value, pointer);
  if (text.type !== "plain_text" && text.type !== "mrkdwn") fail(`${pointer}/type`, "must be plain_text or mrkdwn");
  if (plainOnly && text.type !== "plain_text") fail(`${pointer}/type`, "must be plain_text");
  requiredString(text.text, `${pointer}/text`, max);
}

function optionalTextObject(value: unknown, pointer: string, max: number, plainOnly: boolean): void {
  if (value !== undefined) textObject(value, pointer, max, plainOnly);
}

function arrayOf(value: unknown, pointer: string, min: number, max: number, what: string): unknown[] {
  if (!Array.isArray(value)) fail(pointer, "must be an array");
  if (value.length < min) fail(pointer, `must have at least ${min} ${what}`);
  if (value.length > max) fail(pointer, `must have at most ${max} ${what} (got ${value.length})`);
  return value;
}

function optionObject(value: unknown, pointer: string, plainOnly: boolean): string {
  const option = record(value, pointer);
  textObject(option.text, `${pointer}/text`, 75, plainOnly);
  optionalTextObject(option.description, `${pointer}/description`, 75, plainOnly);
  return requiredString(option.value, `${pointer}/value`, 150);
}

/** Options of a static select or a choice element; returns their values so initial options can be checked. */
function options(element: Record<string, unknown>, pointer: string, max: number, plainOnly: boolean): string[] {
  if (element.options !== undefined && element.option_groups !== undefined) {
    fail(pointer, "must have either options or option_groups, not both");
  }
  const values: string[] = [];
  if (element.option_groups !== undefined) {
    const groups = arrayOf(element.option_groups, `${pointer}/option_groups`, 1, 100, "option groups");
    groups.forEach((group, g) => {
      const groupPointer = `${pointer}/option_groups/${g}`;
      const groupRecord = record(group, groupPointer);
      textObject(groupRecord.label, `${groupPointer}/label`, 75, true);
      arrayOf(groupRecord.options, `${groupPointer}/options`, 1, 100, "options").forEach((option, o) => {
        values.push(optionObject(option, `${groupPointer}/options/${o}`, plainOnly));
      });
    });
    return values;
  }
  arrayOf(element.options, `${pointer}/options`, 1, max, "options").forEach((option, o) => {
    values.push(optionObject(option, `${pointer}/options/${o}`, plainOnly));
  });
  return values;
}

function checkInitialOptions(element: Record<string, unknown>, pointer: string, values: string[]): void {
  // Slack refuses an initial option that is not exactly one of the options, a common slip when labels change.
  const initial: unknown[] = [];
  if (element.initial_option !== undefined) initial.push(element.initial_option);
  if (Array.isArray(element.initial_options)) initial.push(...(element.initial_options as unknown[]));
  for (const option of initial) {
    const value = isRecord(option) ? option.value : undefined;
    if (typeof value !== "string" || !values.includes(value)) {
      fail(`${pointer}/initial_option`, "must match one of the provided options");
    }
  }
}

function checkElement(value: unknown, pointer: string, allowed: Set<string>, actionIds: Set<string>): void {
  const element = record(value, pointer);
  const type = element.type;
  if (typeof type !== "string") fail(`${pointer}/type`, "is required");
  if (!allowed.has(type)) fail(`${pointer}/type`, `element type "${type}" is not allowed here`);
  if (type === "image") {
    checkImageElement(element, pointer);
    return;
  }
  const actionId = optionalString(element.action_id, `${pointer}/action_id`, 255);
  if (actionId !== undefined) {
    if (actionIds.has(actionId)) fail(`${pointer}/action_id`, `duplicate action_id "${actionId}" in one block`);
    actionIds.add(actionId);
  }
  optionalTextObject(element.placeholder, `${pointer}/placeholder`, 150, true);
  if (type === "button") {
    textObject(element.text, `${pointer}/text`, 75, true);
    optionalString(element.value, `${pointer}/value`, 2000);
    optionalString(element.url, `${pointer}/url`, 3000);
    if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
      fail(`${pointer}/style`, "must be primary or danger");
    }
  } else if (type === "overflow") {
    arrayOf(element.options, `${pointer}/options`, 1, 5, "options").forEach((option, o) => {
      optionObject(option, `${pointer}/options/${o}`, true);
    });
  } else if (SELECTS_WITH_OPTIONS.has(type)) {
    checkInitialOptions(element, pointer, options(element, pointer, 100, true));
  } else if (CHOICE_ELEMENTS.has(type)) {
    checkInitialOptions(element, pointer, options(element, pointer, 10, false));
  } else if (type === "plain_text_input") {
    optionalString(element.initial_value, `${pointer}/initial_value`, 3000);
    if (element.max_length !== undefined && (typeof element.max_length !== "number" || element.max_length > 3000)) {
      fail(`${pointer}/max_length`, "must be a number no greater than 3000");
    }
  } else if (type === "number_input") {
    if (typeof element.is_decimal_allowed !== "boolean") fail(`${pointer}/is_decimal_allowed`, "is required");
  } else if (type === "datepicker") {
    if (element.initial_date !== undefined && (typeof element.initial_date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(element.initial_date))) {
      fail(`${pointer}/initial_date`, "must be in YYYY-MM-DD format");
    }
  }
}

function checkImageElement(element: Record<string, unknown>, pointer: string): void {
  if (element.image_url === undefined && element.slack_file === undefined) fail(`${pointer}/image_url`, "is required");
  optionalString(element.image_url, `${pointer}/image_url`, 3000);
  requiredString(element.alt_text, `${pointer}/alt_text`, 2000);
}

function checkBlock(value: unknown, pointer: string, surface: Surface, blockIds: Set<string>): void {
  const block = record(value, pointer);
  const type = block.type;
  if (typeof type !== "string") fail(`${pointer}/type`, "is required");
  if (!KNOWN_BLOCKS.has(type)) fail(`${pointer}/type`, `unknown block type "${type}"`);
  const blockId = optionalString(block.block_id, `${pointer}/block_id`, 255);
  if (blockId !== undefined) {
    if (blockIds.has(blockId)) fail(`${pointer}/block_id`, `duplicate block_id "${blockId}"`);
    blockIds.add(blockId);
  }
  const actionIds = new Set<string>();
  switch (type) {
    case "section": {
      if (block.text === undefined && block.fields === undefined) fail(pointer, "must have text or fields");
      optionalTextObject(block.text, `${pointer}/text`, 3000, false);
      if (block.fields !== undefined) {
        arrayOf(block.fields, `${pointer}/fields`, 1, 10, "fields").forEach((field, f) => {
          textObject(field, `${pointer}/fields/${f}`, 2000, false);
        });
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${pointer}/accessory`, ACCESSORY_ELEMENTS, actionIds);
      return;
    }
    case "header":
      textObject(block.text, `${pointer}/text`, 150, true);
      return;
    case "actions":
      arrayOf(block.elements, `${pointer}/elements`, 1, 25, "elements").forEach((element, e) => {
        checkElement(element, `${pointer}/elements/${e}`, ACTIONS_ELEMENTS, actionIds);
      });
      return;
    case "context":
      arrayOf(block.elements, `${pointer}/elements`, 1, 10, "elements").forEach((element, e) => {
        const elementPointer = `${pointer}/elements/${e}`;
        if (isRecord(element) && element.type === "image") checkImageElement(element, elementPointer);
        else textObject(element, elementPointer, 3000, false);
      });
      return;
    case "divider":
      return;
    case "image":
      checkImageElement(block, pointer);
      optionalTextObject(block.title, `${pointer}/title`, 2000, true);
      return;
    case "rich_text":
      arrayOf(block.elements, `${pointer}/elements`, 1, Number.MAX_SAFE_INTEGER, "elements");
      return;
    case "input":
      if (surface !== "modal") fail(`${pointer}/type`, `input blocks are only allowed in modals, not in a ${surface}`);
      textObject(block.label, `${pointer}/label`, 2000, true);
      optionalTextObject(block.hint, `${pointer}/hint`, 2000, true);
      if (block.optional !== undefined && typeof block.optional !== "boolean") fail(`${pointer}/optional`, "must be a boolean");
      if (block.element === undefined) fail(`${pointer}/element`, "is required");
      checkElement(block.element, `${pointer}/element`, INPUT_ELEMENTS, actionIds);
      return;
  }
}

function run(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof BlockKitError) return error.message;
    throw error;
  }
}

function checkBlocks(blocks: unknown, surface: Surface, pointer: string): void {
  if (!Array.isArray(blocks)) fail(pointer, "must be an array");
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) fail(pointer, `must have at most ${max} blocks in a ${surface} (got ${blocks.length})`);
  const blockIds = new Set<string>();
  blocks.forEach((block, b) => checkBlock(block, `${pointer}/${b}`, surface, blockIds));
}

/** The first reason Slack would refuse these blocks on this surface, or null when it would accept them. */
export function validateBlocks(blocks: unknown, surface: Surface): string | null {
  return run(() => checkBlocks(blocks, surface, "/blocks"));
}

/** The first reason Slack would refuse this view (views.open/update/push/publish or a response_action), or null. */
export function validateView(view: unknown): string | null {
  return run(() => {
    const v = record(view, "/view");
    if (v.type !== "modal" && v.type !== "home") fail("/view/type", "must be modal or home");
    optionalString(v.callback_id, "/view/callback_id", 255);
    optionalString(v.external_id, "/view/external_id", 255);
    optionalString(v.private_metadata, "/view/private_metadata", 3000);
    if (v.type === "modal") {
      textObject(v.title, "/view/title", 24, true);
      optionalTextObject(v.submit, "/view/submit", 24, true);
      optionalTextObject(v.close, "/view/close", 24, true);
    } else {
      optionalTextObject(v.title, "/view/title", 24, true);
    }
    checkBlocks(v.blocks, v.type, "/view/blocks");
    const blocks = v.blocks as unknown[];
    if (v.type === "modal" && v.submit === undefined && blocks.some((b) => isRecord(b) && b.type === "input")) {
      fail("/view/submit", "is required when a modal contains input blocks");
    }
  });
}

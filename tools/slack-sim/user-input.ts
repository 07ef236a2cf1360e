// What a person entered or chose, shaped into the action and state values Slack sends: a click's action payload,
// a modal's submitted inputs, with the checks Slack's own client makes before it lets anyone submit.
import type { BlockActionInput } from "./driver-types.ts";
import { impossible, initialState, isRecord, pickOption, type FoundElement, type Json } from "./elements.ts";

function stringList(value: unknown, where: string): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  impossible(`${where} needs a string or an array of strings`);
}

function single(value: unknown, where: string): string {
  if (typeof value !== "string") impossible(`${where} needs a string`);
  return value;
}

/** Shapes what a test says the user entered into the state value Slack reports for that element. */
export function submittedState(element: Json, value: unknown, where: string): Json {
  if (isRecord(value) && typeof value.type === "string") return value;
  const type = String(element.type);
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const text = single(value, where);
      checkTypedText(element, type, text, where);
      return { type, value: text };
    }
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: pickOption(element, single(value, where), where) };
    case "external_select":
      return { type, selected_option: { text: { type: "plain_text", text: single(value, where) }, value: single(value, where) } };
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: stringList(value, where).map((v) => pickOption(element, v, where)) };
    case "users_select":
      return { type, selected_user: single(value, where) };
    case "multi_users_select":
      return { type, selected_users: stringList(value, where) };
    case "conversations_select":
      return { type, selected_conversation: single(value, where) };
    case "multi_conversations_select":
      return { type, selected_conversations: stringList(value, where) };
    case "channels_select":
      return { type, selected_channel: single(value, where) };
    case "multi_channels_select":
      return { type, selected_channels: stringList(value, where) };
    case "datepicker": {
      const date = single(value, where);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) impossible(`${where}: the date picker only yields YYYY-MM-DD, not "${date}"`);
      return { type, selected_date: date };
    }
    case "timepicker":
      return { type, selected_time: single(value, where) };
    case "rich_text_input": {
      const text = single(value, where);
      return {
        type,
        rich_text_value: { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] },
      };
    }
    default:
      impossible(`${where}: no shaping rule for element type ${type}; pass Slack's state value object instead`);
  }
}

/** Slack's client checks these before it lets the user submit, so the app never sees such values. */
function checkTypedText(element: Json, type: string, text: string, where: string): void {
  if (typeof element.max_length === "number" && text.length > element.max_length) {
    impossible(`${where}: the input allows at most ${element.max_length} characters`);
  }
  if (typeof element.min_length === "number" && text.length > 0 && text.length < element.min_length) {
    impossible(`${where}: the input needs at least ${element.min_length} characters`);
  }
  if (type === "number_input" && text !== "") {
    const pattern = element.is_decimal_allowed === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    if (!pattern.test(text)) impossible(`${where}: "${text}" is not a number this input accepts`);
    const n = Number(text);
    if (element.min_value !== undefined && n < Number(element.min_value)) impossible(`${where}: below min_value`);
    if (element.max_value !== undefined && n > Number(element.max_value)) impossible(`${where}: above max_value`);
  }
  if (type === "email_text_input" && text !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
    impossible(`${where}: "${text}" is not an email address`);
  }
}

/** The action a click or a selection sends, and the state the element reports after it. */
export function actionPayload(found: FoundElement, input: BlockActionInput, where: string, actionTs: string): { action: Json; state: Json } {
  const { element, block } = found;
  const type = String(element.type);
  const base: Json = { type, block_id: block.block_id, action_id: element.action_id, action_ts: actionTs };
  const label = `${where} element "${String(element.action_id)}"`;
  switch (type) {
    case "button": {
      if (input.value !== undefined && input.value !== element.value) {
        impossible(`${label} carries value ${JSON.stringify(element.value)}, not ${JSON.stringify(input.value)}`);
      }
      const action = {
        ...base,
        text: element.text,
        ...(element.value !== undefined ? { value: element.value } : {}),
        ...(element.style !== undefined ? { style: element.style } : {}),
      };
      return { action, state: initialState(element) };
    }
    case "static_select":
    case "overflow":
    case "radio_buttons": {
      if (input.selectedOption === undefined) impossible(`${label} is a ${type}: give selectedOption`);
      const selected = pickOption(element, input.selectedOption, label);
      return { action: { ...base, selected_option: selected }, state: { type, selected_option: selected } };
    }
    case "multi_static_select":
    case "checkboxes": {
      if (input.selectedOption === undefined) impossible(`${label} is a ${type}: give selectedOption`);
      const selected = [pickOption(element, input.selectedOption, label)];
      return { action: { ...base, selected_options: selected }, state: { type, selected_options: selected } };
    }
    case "users_select": {
      if (input.selectedUser === undefined) impossible(`${label} is a users_select: give selectedUser`);
      return { action: { ...base, selected_user: input.selectedUser }, state: { type, selected_user: input.selectedUser } };
    }
    case "conversations_select":
    case "channels_select": {
      if (input.value === undefined) impossible(`${label} is a ${type}: give the chosen id as value`);
      const key = type === "channels_select" ? "selected_channel" : "selected_conversation";
      return { action: { ...base, [key]: input.value }, state: { type, [key]: input.value } };
    }
    case "datepicker": {
      if (input.selectedDate === undefined) impossible(`${label} is a datepicker: give selectedDate`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.selectedDate)) impossible(`${label}: dates come as YYYY-MM-DD`);
      return { action: { ...base, selected_date: input.selectedDate }, state: { type, selected_date: input.selectedDate } };
    }
    default: {
      const state = input.value !== undefined ? { type, value: input.value } : initialState(element);
      return { action: { ...base, ...state, type }, state };
    }
  }
}

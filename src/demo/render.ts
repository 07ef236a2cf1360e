// Block Kit as plain text lines, the way a reader of a transcript needs it: headers, section text and fields,
// context, buttons as [label] and menus as [placeholder ▾]. Pure: blocks in, lines out. Lines are not wrapped
// here (the transcript wraps them to the terminal).

export interface RenderOptions {
  /** Display names for user and channel ids in mentions; an id without one is shown as itself. */
  names?: Readonly<Record<string, string>>;
  /** How a <!date^…> reads (Slack formats it in the reader's time zone); without it, the fallback text. */
  formatDate?: (epochSeconds: number) => string;
}

/** Emoji codes the app uses, as a terminal shows them in one column. */
const EMOJI: Readonly<Record<string, string>> = { white_check_mark: "✓", heavy_check_mark: "✓", x: "✗" };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Slack's mrkdwn (mentions, links, dates, bold, escapes) as the words a reader sees. */
export function mrkdwnToText(text: string, options: RenderOptions = {}): string {
  const name = (id: string, label: string | undefined) => options.names?.[id] ?? label ?? id;
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `@${name(id, label)}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `#${name(id, label)}`)
    .replace(/<!date\^(\d+)\^[^|>]*\|([^>]*)>/g, (_m, seconds: string, fallback: string) => options.formatDate?.(Number(seconds)) ?? fallback)
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, "$1")
    .replace(/<!(here|channel|everyone)>/g, "@$1")
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]*)\|([^>]*)>/gi, "$2")
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]*)>/gi, "$1")
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=[^\w*]|$)/g, "$1$2")
    .replace(/:([a-z0-9_+-]+):/g, (code, name: string) => EMOJI[name] ?? code)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A text object (plain_text or mrkdwn) as text. */
function textOf(value: unknown, options: RenderOptions): string {
  if (!isRecord(value)) return "";
  return value.type === "mrkdwn" ? mrkdwnToText(str(value.text), options) : str(value.text);
}

/** A "*Label*\nvalue" field, Slack's usual pair, reads as "Label: value". */
function fieldText(value: unknown, options: RenderOptions): string {
  const raw = isRecord(value) ? str(value.text) : "";
  const pair = /^\*([^*\n]+)\*\n([\s\S]*)$/.exec(raw);
  const text = pair ? `${pair[1]}: ${pair[2]}` : raw;
  return textOf(isRecord(value) ? { ...value, text } : value, options).replace(/\n+/g, " ");
}

/** A control as the reader sees it: a button by its label, a menu or picker by what it shows. */
export function elementText(element: unknown, options: RenderOptions = {}): string | null {
  if (!isRecord(element)) return null;
  switch (element.type) {
    case "button":
      return `[${textOf(element.text, options)}]`;
    case "overflow":
      return "[⋯]";
    case "datepicker":
      return `[${str(element.initial_date) || textOf(element.placeholder, options) || "YYYY-MM-DD"} ▾]`;
    case "image":
      return null;
    case "mrkdwn":
    case "plain_text":
      return textOf(element, options);
    default: {
      const initial = isRecord(element.initial_option) ? textOf(element.initial_option.text, options) : "";
      return `[${initial || textOf(element.placeholder, options) || "…"} ▾]`;
    }
  }
}

/** Text of rich_text blocks (what people write): sections, lists, quotes and code, element by element. */
function richText(block: Json, options: RenderOptions): string[] {
  const inline = (elements: unknown): string => (Array.isArray(elements) ? elements : []).map((e) => {
    if (!isRecord(e)) return "";
    if (e.type === "user") return `@${options.names?.[str(e.user_id)] ?? str(e.user_id)}`;
    if (e.type === "channel") return `#${options.names?.[str(e.channel_id)] ?? str(e.channel_id)}`;
    if (e.type === "link") return str(e.text) || str(e.url);
    if (e.type === "emoji") return `:${str(e.name)}:`;
    return str(e.text);
  }).join("");
  const lines: string[] = [];
  for (const part of Array.isArray(block.elements) ? block.elements : []) {
    if (!isRecord(part)) continue;
    if (part.type === "rich_text_list") {
      for (const item of Array.isArray(part.elements) ? part.elements : []) lines.push(`・${isRecord(item) ? inline(item.elements) : ""}`);
    } else lines.push(...inline(part.elements).split("\n"));
  }
  return lines;
}

/** One block as lines; an input block reads as "Label: [what it shows]". */
export function renderBlock(block: unknown, options: RenderOptions = {}): string[] {
  if (!isRecord(block)) return [];
  switch (block.type) {
    case "header":
      return [textOf(block.text, options)];
    case "section": {
      const lines = block.text === undefined ? [] : textOf(block.text, options).split("\n");
      if (Array.isArray(block.fields)) lines.push(block.fields.map((f) => fieldText(f, options)).join(" · "));
      const accessory = elementText(block.accessory, options);
      if (accessory) {
        if (lines.length === 0) lines.push(accessory);
        else lines[lines.length - 1] += ` ${accessory}`;
      }
      return lines;
    }
    case "context": {
      const parts = (Array.isArray(block.elements) ? block.elements : []).map((e) => elementText(e, options)).filter((t): t is string => !!t);
      return parts.length ? parts.join(" · ").split("\n") : [];
    }
    case "actions": {
      const parts = (Array.isArray(block.elements) ? block.elements : []).map((e) => elementText(e, options)).filter((t): t is string => !!t);
      return parts.length ? [parts.join(" ")] : [];
    }
    case "input": {
      const shown = isRecord(block.element) && block.element.type === "plain_text_input"
        ? `[${str(block.element.initial_value) || "…"}]`
        : elementText(block.element, options) ?? "";
      return [`${textOf(block.label, options)}: ${shown}`];
    }
    case "divider":
      return ["────────"];
    case "rich_text":
      return richText(block, options);
    case "image":
      return [`[${str(block.alt_text)}]`];
    default:
      return [];
  }
}

export function renderBlocks(blocks: readonly unknown[], options: RenderOptions = {}): string[] {
  return blocks.flatMap((block) => renderBlock(block, options));
}

/** A message as the channel shows it: its blocks, or its text where it has none. */
export function renderMessage(message: { text?: string; blocks?: readonly unknown[] }, options: RenderOptions = {}): string[] {
  if (message.blocks && message.blocks.length > 0) return renderBlocks(message.blocks, options);
  return mrkdwnToText(message.text ?? "", options).split("\n");
}

/** The labels of a modal's inputs, for a one-line summary of a form. */
export function inputLabels(blocks: readonly unknown[], options: RenderOptions = {}): string[] {
  return blocks.filter((b) => isRecord(b) && b.type === "input").map((b) => textOf((b as Json).label, options));
}

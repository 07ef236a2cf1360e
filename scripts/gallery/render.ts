// Block Kit to plain HTML, enough to look at what the app shows: section (text, fields, accessory), context,
// actions (buttons, selects, overflow, date pickers, checkboxes), header, divider, input, image; mrkdwn's bold,
// italics, strike, code, links and mentions. Not Slack's renderer: a page to review wording and layout by eye.
import type { Surface } from "./surfaces.ts";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Slack's own escapes (&amp; &lt; &gt;) back to characters. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function inline(text: string): string {
  return escapeHtml(unescapeSlack(text))
    .replace(/(^|[\s(（「])\*([^*\n]+)\*/g, "$1<b>$2</b>")
    .replace(/(^|[\s(（「])_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/(^|[\s(（「])~([^~\n]+)~/g, "$1<s>$2</s>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>");
}

/** mrkdwn: `<url|label>` links, `<@U…>` and `<#C…>` mentions, `<!here>`, then the inline styles; newlines kept. */
export function mrkdwnHtml(text: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/<([^<>]+)>/g)) {
    out.push(inline(text.slice(last, m.index)));
    const [target, label] = m[1]!.split("|", 2) as [string, string | undefined];
    if (/^https?:/.test(target)) out.push(`<a href="${escapeHtml(target)}">${inline(label ?? target)}</a>`);
    else if (target.startsWith("@")) out.push(`<span class="mention">@${escapeHtml(label ?? target.slice(1))}</span>`);
    else if (target.startsWith("#")) out.push(`<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`);
    else if (target.startsWith("!")) out.push(`<span class="mention">@${escapeHtml(label ?? target.slice(1))}</span>`);
    else out.push(inline(m[0]));
    last = m.index + m[0].length;
  }
  out.push(inline(text.slice(last)));
  // Bold spanning a link ("*<url|label>*") is common in the app's messages.
  return out.join("").replace(/(^|[\s(（])\*(<a [^>]+>[^<]*<\/a>)\*/g, "$1<b>$2</b>").replace(/\n/g, "<br>");
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null ? (v as Obj) : {});

function textHtml(t: unknown): string {
  const o = obj(t);
  if (typeof o.text !== "string") return "";
  return o.type === "mrkdwn" ? mrkdwnHtml(o.text) : escapeHtml(o.text).replace(/\n/g, "<br>");
}

function confirmNote(el: Obj): string {
  const c = obj(el.confirm);
  if (!c.title) return "";
  return `<div class="confirm"><b>${textHtml(c.title)}</b><br>${textHtml(c.text)}<br><span class="btn">${textHtml(c.deny)}</span> <span class="btn danger">${textHtml(c.confirm)}</span></div>`;
}

/** A field of Block Kit JSON as text: strings and numbers as they are, anything else as nothing. */
function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function elementHtml(el: Obj): string {
  switch (el.type) {
    case "button":
      return `<span class="btn ${el.style === "primary" ? "primary" : el.style === "danger" ? "danger" : ""}" title="${escapeHtml(text(el.action_id))}">${textHtml(el.text)}</span>${confirmNote(el)}`;
    case "static_select": case "external_select": case "users_select": case "conversations_select": case "channels_select":
    case "multi_static_select": case "multi_users_select": case "multi_conversations_select":
      return `<span class="select">${textHtml(el.placeholder) || escapeHtml((text(obj(obj(el.initial_option).text).text) || "…"))} ▾</span>`;
    case "overflow":
      return `<span class="select">⋯</span>`;
    case "datepicker":
      return `<span class="select">📅 ${escapeHtml(text(el.initial_date)) || textHtml(el.placeholder)}</span>`;
    case "checkboxes": case "radio_buttons":
      return (Array.isArray(el.options) ? el.options : []).map((o) => `<label class="opt">☐ ${textHtml(obj(o).text)}</label>`).join("");
    case "plain_text_input": case "number_input": case "email_input":
      return `<div class="field ${el.multiline ? "multi" : ""}">${el.initial_value ? escapeHtml(text(el.initial_value)) : `<span class="ph">${textHtml(el.placeholder)}</span>`}</div>`;
    case "file_input":
      return `<div class="field">📎</div>`;
    case "image":
      return `<span class="img">🖼</span>`;
    default:
      return textHtml(el);
  }
}

export function blockHtml(block: unknown): string {
  const b = obj(block);
  switch (b.type) {
    case "header": return `<h4 class="header">${textHtml(b.text)}</h4>`;
    case "divider": return `<hr>`;
    case "section": {
      const fields = Array.isArray(b.fields) ? `<div class="fields">${b.fields.map((f) => `<div>${textHtml(f)}</div>`).join("")}</div>` : "";
      const accessory = b.accessory ? `<div class="accessory">${elementHtml(obj(b.accessory))}</div>` : "";
      return `<div class="section">${accessory}${b.text ? `<div>${textHtml(b.text)}</div>` : ""}${fields}</div>`;
    }
    case "context": return `<div class="context">${(Array.isArray(b.elements) ? b.elements : []).map((e) => elementHtml(obj(e))).join(" ")}</div>`;
    case "actions": return `<div class="actions">${(Array.isArray(b.elements) ? b.elements : []).map((e) => elementHtml(obj(e))).join(" ")}</div>`;
    case "input":
      return `<div class="input"><div class="label">${textHtml(b.label)}${b.optional ? ` <span class="ph">(optional)</span>` : ""}</div>${elementHtml(obj(b.element))}${b.hint ? `<div class="hint">${textHtml(b.hint)}</div>` : ""}</div>`;
    case "image": return `<div class="img">🖼 ${escapeHtml(text(b.alt_text))}</div>`;
    default: return `<div class="unknown">${escapeHtml(String(b.type))}</div>`;
  }
}

const PLACE: Record<Surface["place"], string> = {
  channel: "posted in the customer's channel", ephemeral: "only the person sees it", modal: "modal", home: "App Home", triage: "T4U's triage channel",
};

export function surfaceHtml(s: Surface): string {
  const frame = s.view
    ? `<div class="modal-title">${s.view.title ? escapeHtml(s.view.title.text) : "Home"}</div>`
    : `<div class="from">T4U サポート <span class="app">APP</span>${s.place === "ephemeral" ? ` <span class="ph">${s.locale === "ja" ? "あなただけに表示されています" : "Only visible to you"}</span>` : ""}</div>`;
  const body = s.blocks.length ? s.blocks.map(blockHtml).join("") : `<div class="section">${mrkdwnHtml(s.text ?? "")}</div>`;
  const buttons = s.view && (s.view.submit || s.view.close)
    ? `<div class="modal-buttons">${s.view.close ? `<span class="btn">${escapeHtml(s.view.close.text)}</span>` : ""}${s.view.submit ? `<span class="btn primary">${escapeHtml(s.view.submit.text)}</span>` : ""}</div>` : "";
  return `<div class="surface ${s.view ? "is-modal" : ""}" lang="${s.locale}"><div class="meta">${escapeHtml(s.state)} · ${PLACE[s.place]} · ${s.locale}</div>${frame}${body}${buttons}</div>`;
}

export const STYLE = `
body { font: 15px/1.45 -apple-system, "Segoe UI", "BIZ UDPGothic", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 24px; color: #1d1c1d; background: #f8f8f8; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
nav a { margin-right: 12px; } .row { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin: 12px 0; }
.surface { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; }
.is-modal { box-shadow: 0 4px 12px rgba(0,0,0,.12); }
.meta { font-size: 11px; color: #888; margin-bottom: 6px; } .from { font-weight: 700; margin-bottom: 4px; }
.app { font-size: 10px; background: #eee; border-radius: 3px; padding: 0 3px; color: #555; font-weight: 400; }
.modal-title { font-weight: 700; font-size: 17px; border-bottom: 1px solid #eee; padding-bottom: 6px; margin-bottom: 8px; }
.modal-buttons { text-align: right; margin-top: 10px; border-top: 1px solid #eee; padding-top: 8px; }
.section { margin: 6px 0; } .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; margin-top: 4px; }
.context { font-size: 12px; color: #616061; margin: 4px 0; } .header { font-size: 17px; margin: 10px 0 4px; }
.actions { margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-start; }
.btn { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 10px; font-size: 13px; font-weight: 700; background: #fff; }
.btn.primary { background: #007a5a; border-color: #007a5a; color: #fff; } .btn.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.select { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 10px; font-size: 13px; }
.confirm { font-size: 12px; border: 1px dashed #bbb; padding: 4px 8px; margin-top: 4px; max-width: 360px; }
.input { margin: 8px 0; } .label { font-weight: 700; margin-bottom: 3px; } .hint { font-size: 12px; color: #616061; }
.field { border: 1px solid #bbb; border-radius: 4px; padding: 5px 8px; min-height: 20px; } .field.multi { min-height: 60px; }
.ph { color: #999; font-weight: 400; } .mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.accessory { float: right; margin-left: 8px; } a { color: #1264a3; } code { background: #f4f4f4; padding: 0 3px; border-radius: 3px; }
.opt { display: block; font-size: 13px; } hr { border: 0; border-top: 1px solid #eee; } .unknown { color: #c00; }
`;

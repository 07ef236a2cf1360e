// Regressions in what the app says: every key in both languages with the same parameters; what customers read in
// Japanese carries no ISO date and no count without its counter word; the glossary's terms (案件, インシデント,
// 通常サービス, サービスレベルA) are used exactly; nothing is over Block Kit's limits; and nothing a customer can see
// carries a control only T4U's engineers may use. The surfaces are the real view builders' (the gallery's).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { t, type MessageKey } from "../../src/slack/i18n/index.ts";
import { Actions, ReportIds } from "../../src/slack/ids.ts";
import { CONTACT, surfaces, textsOf, type Surface } from "../../scripts/gallery/surfaces.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const DIR = new URL("../../src/slack/i18n/catalogues/", import.meta.url);
const NAMES = readdirSync(fileURLToPath(DIR)).filter((f) => f.endsWith(".ja.ts")).map((f) => f.slice(0, -".ja.ts".length));

async function pair(name: string): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const ja = Object.values(await import(new URL(`${name}.ja.ts`, DIR).href) as Record<string, unknown>).find((v) => typeof v === "object") as Record<string, unknown>;
  const en = Object.values(await import(new URL(`${name}.en.ts`, DIR).href) as Record<string, unknown>).find((v) => typeof v === "object") as Record<string, unknown>;
  return [ja, en];
}

/** The names a message function destructures from its parameter ("({ number, title }) => …"). */
function paramNames(entry: unknown): string[] | null {
  if (typeof entry !== "function") return [];
  const match = /^\s*(?:function\s*\w*)?\(\s*\{([^}]*)\}/.exec(entry.toString());
  if (!match) return null;
  return match[1]!.split(",").map((p) => p.split(/[:=]/)[0]!.trim()).filter(Boolean).sort();
}

const DATE_PARAM = /^(date|on|until|from|to|sent|opened|ended|due|expected|latest|earliest)$|(On|Date|Until)$/;
/** Renders a key with dates where a parameter names one and a plain word elsewhere. */
function render(key: MessageKey, locale: "ja" | "en" = "ja"): string {
  const params = new Proxy({}, { get: (_t, name) => (typeof name !== "string" ? undefined : DATE_PARAM.test(name) ? "2026-12-03" : name === "users" || name === "parts" ? ["A"] : "甲") });
  try {
    return (t as (l: string, k: string, p: unknown) => string)(locale, key, params);
  } catch {
    return "";
  }
}

const ALL_KEYS = (await Promise.all(NAMES.map(async (n) => Object.keys((await pair(n))[0])))).flat() as MessageKey[];

const ALL = surfaces();
const CUSTOMER_JA = ALL.filter((s) => s.audience === "customer" && s.locale === "ja");

/**
 * The words a person reads: links reduced to their labels, the configured contact (with its phone number) left
 * out, mentions as names, and a rating's stars and score ("★★★★☆ 4", "4 / 5"), which need no counter word.
 */
function reading(text: string): string {
  return text.replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2").replace(/<https?:[^>]+>/g, "").replaceAll(CONTACT, "窓口").replace(/<@U[0-9A-Z]+>/g, "様")
    .replace(/([★☆]+)\s?\d/g, "$1").replace(/\d\s?\/\s?\d/g, "");
}

/** Numbers that stand alone: not a case number (#0012), a date or time, an error code, a rating star or a count with its counter word. */
const COUNTERS = "インシデント|件|日|営業日|時間|分|年|か月|ヶ月|月|名|人|段階|文字|版|ページ|回|%|％|行|個|つ";
function bareCounts(text: string): string[] {
  const found: string[] = [];
  const re = new RegExp(`(?<![#\\dA-Za-z.:/\\-])(\\d+)(?![\\d.:/\\-A-Za-z])(?!\\s?(${COUNTERS}))`, "g");
  for (const m of reading(text).matchAll(re)) found.push(`…${reading(text).slice(Math.max(0, m.index - 12), m.index + 12)}…`);
  return found;
}

describe("the catalogues", () => {
  it.each(NAMES)("%s: the same keys in Japanese and English, each with the same parameters", async (name) => {
    const [ja, en] = await pair(name);
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const key of Object.keys(ja)) {
      const [p, q] = [paramNames(ja[key]), paramNames(en[key])];
      if (p !== null && q !== null) expect(q, `${name}: ${key}`).toEqual(p);
      expect(typeof en[key], `${name}: ${key}`).toBe(typeof ja[key]);
    }
  });

  it("use the glossary's terms in Japanese: サービスレベルA and 通常サービス, never レベルA or 通常レベル alone", () => {
    const drift = /(?<!サービス)レベル\s?A|通常レベル|ケース|チケット/;
    const offenders = ALL_KEYS.map((key) => [key, render(key)] as const).filter(([, text]) => drift.test(text));
    expect(offenders).toEqual([]);
  });

  it("word every date in customers' notices as 「2026年12月3日（木）」, never ISO", () => {
    const notices = ALL_KEYS.filter((k) => k.startsWith("notice.") || k.startsWith("cases.") || k === "balance.own");
    expect(notices.length).toBeGreaterThan(5);
    const iso = notices.map((key) => [key, render(key)] as const).filter(([, text]) => /\d{4}-\d{2}-\d{2}/.test(text));
    expect(iso).toEqual([]);
  });
});

describe("what customers read, surface by surface", () => {
  it("covers every customer surface in both languages", () => {
    expect(new Set(CUSTOMER_JA.map((s) => s.id)).size).toBeGreaterThan(8);
    expect(ALL.filter((s) => s.locale === "en").length).toBe(ALL.filter((s) => s.locale === "ja").length);
  });

  it.each(CUSTOMER_JA.map((s) => [`${s.id} (${s.state})`, s] as const))("%s: no ISO date, no count without its counter word", (_name, surface: Surface) => {
    const texts = textsOf(surface);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(reading(text), surface.id).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(bareCounts(text), `${surface.id}: ${text}`).toEqual([]);
    }
  });
});

describe("Block Kit limits", () => {
  it.each(ALL.map((s) => [`${s.locale} ${s.id} (${s.state})`, s] as const))("%s", (_name, surface: Surface) => {
    if (surface.view) expect(validateView(surface.view)).toBeNull();
    else if (surface.blocks.length) expect(validateBlocks(surface.blocks, surface.place === "home" ? "home" : "message")).toBeNull();
    if (surface.text) expect(surface.text.length).toBeLessThanOrEqual(surface.blocks.length ? 40_000 : 3_000);
  });
});

describe("controls only T4U's engineers may use", () => {
  const STAFF_ONLY = [
    Actions.take, Actions.resolve, Actions.caseMenu, Actions.assign, Actions.proposeLevelA, Actions.proposeSplit, Actions.setExpectedDate,
    Actions.cancelDefect, Actions.declineScope, Actions.lowerLevel, ReportIds.actions.draft,
  ];
  const staffIdsIn = (value: unknown) => {
    const json = JSON.stringify(value);
    return STAFF_ONLY.filter((id) => json.includes(`"${id}"`) || json.includes(`"${id}:`));
  };

  it.each(ALL.filter((s) => s.audience === "customer").map((s) => [`${s.locale} ${s.id} (${s.state})`, s] as const))("none in %s", (_name, surface: Surface) => {
    expect(staffIdsIn(surface.blocks)).toEqual([]);
  });

  it("are where staff are: the triage announcement and the staff menu", () => {
    expect(ALL.filter((s) => s.id === "triage" && staffIdsIn(s.blocks).length > 0).length).toBeGreaterThan(0);
    expect(ALL.filter((s) => s.id === "staff-menu" && staffIdsIn(s.blocks).length > 0).length).toBeGreaterThan(0);
  });
});

// Every message in both catalogues that echoes what a person wrote (a title, a reason, a note, a customer's name,
// a query) escapes it, so the notice, alert or ephemeral built from it never pings, links or loses text. A new
// parameter is treated as written by a person until it is listed here as coming from the app itself.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { t, type MessageKey } from "../../src/slack/i18n/index.ts";

const HOSTILE = "<!channel> <@U0HOSTILE> <#C0HOSTILE> <https://evil.example|こちら> <!subteam^S0HOSTILE> ‹らかん Pro> <らかん Pro> & &lt;";
const LIVE = /<!channel|<@U0HOSTILE|<#C0HOSTILE|<https:\/\/evil|<!subteam|<らかん Pro>/;

/** Parameters the app fills in itself: ids it mentions on purpose, numbers, dates, configured text, labels. */
const FROM_THE_APP = new Set([
  "after", "amount", "attention", "available", "before", "cause", "channel", "channels", "consumed", "contact", "customers", "date", "days",
  "earliest", "endsOn", "entries", "expected", "extra", "from", "id", "ids", "incidents", "kind", "lapsed", "latest", "level", "levelA",
  "link", "max", "min", "n", "needed", "normal", "number", "open", "parent", "parts", "purchased", "remaining", "reserved", "startsOn",
  "state", "status", "successor", "t4u", "teams", "time", "to", "until", "user", "users", "years",
  // The formal report: versions, editions and page numbers it counts, and the people (user ids) it mentions.
  "author", "by", "edition", "editions", "page", "previous", "reviewer", "total", "version",
  // The renewal question: the answer is one of the three the app offers, parsed from the button it posted, and the
  // date the app sent the notice.
  "answer", "sent", "at",
  // 「ご依頼中の案件」: how many more cases, and the dates a case was opened and ended.
  "count", "opened", "ended",
]);

/** Where a person's words go into plain_text (shown literally) or a parameter name means a count. */
const EXEMPT: Record<string, string[]> = {
  "case.header": ["title"],
  "queue.summary": ["customer"],
  // Printed in the report PDF, never shown as mrkdwn.
  "report.pdf.addressee": ["customer"],
};

function render(locale: "ja" | "en", key: MessageKey, value: (param: string) => unknown): string {
  const params = new Proxy({}, { get: (_target, name) => (typeof name === "string" ? value(name) : undefined) });
  return (t as (l: string, k: string, p: unknown) => string)(locale, key, params);
}

/** Every catalogue pair, found on disk so that a new one is checked too. */
const CATALOGUES = readdirSync(fileURLToPath(new URL("../../src/slack/i18n/catalogues/", import.meta.url)))
  .filter((f) => f.endsWith(".ja.ts")).map((f) => f.slice(0, -".ja.ts".length));
const DATES = /^(date|endsOn|startsOn|from|to|until|latest|earliest|expected|successor|sent)$/;

describe("message catalogues", () => {
  it("escape every parameter a person wrote, in both languages", async () => {
    // Every entry that takes parameters (plain strings take none and echo nothing).
    const modules = await Promise.all(CATALOGUES.map((name) => import(`../../src/slack/i18n/catalogues/${name}.ja.ts`) as Promise<Record<string, Record<string, unknown>>>));
    const withParams = modules.flatMap((m) => Object.values(m).flatMap((catalogue) => Object.entries(catalogue).filter(([, entry]) => typeof entry === "function").map(([key]) => key as MessageKey)));
    expect(withParams.length).toBeGreaterThan(50);
    const echoing: string[] = [];
    for (const key of withParams) {
      for (const locale of ["ja", "en"] as const) {
        const asked = new Set<string>();
        render(locale, key, (param) => { asked.add(param); return DATES.test(param) ? "2026-05-14" : "7"; });
        const hostile = [...asked].filter((param) => !FROM_THE_APP.has(param) && !(EXEMPT[key] ?? []).includes(param));
        if (hostile.length === 0) continue;
        echoing.push(key);
        const text = render(locale, key, (param) => (hostile.includes(param) ? HOSTILE : DATES.test(param) ? "2026-05-14" : "7"));
        expect(text, `${locale} ${key} (${hostile.join(", ")})`).not.toMatch(LIVE);
        expect(text, `${locale} ${key}`).toContain("&lt;!channel&gt;");
        expect(text, `${locale} ${key}`).toContain("&amp;lt;");
      }
    }
    // The ones known to echo people's words are among those checked.
    expect(echoing).toEqual(expect.arrayContaining(["notice.declined", "notice.split_part", "proposal.reason", "alert.renewal_due", "balance.not_found", "contracts.command.matches", "case.fallback", "modal.eng.summary"]));
  });
});

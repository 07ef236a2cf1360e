// Every refusal a customer can meet says where to turn next: the support contact (SUPPORT_CONTACT), in both
// languages — whether the refusal's own words name it or the next step is added after them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/config.ts";
import { t } from "../../src/slack/i18n/index.ts";
import { CUSTOMER_REFUSALS, customerRefusal, type CustomerRefusal } from "../../src/slack/refusals.ts";

const CONTACT = "サンプル窓口（support@example.co.jp）";
const LOCALES: Locale[] = ["ja", "en"];

/** Parameters for the refusals that take any besides the contact. */
const PARAMS: Partial<Record<CustomerRefusal, object>> = { "proposal.refused.not_approver": { users: "<@U0APPROVER>" } };

function refusal(locale: Locale, key: CustomerRefusal): string {
  const params = PARAMS[key];
  return (customerRefusal as (l: Locale, c: string, k: string, p?: object) => string)(locale, CONTACT, key, params);
}

describe("refusals a customer can meet", () => {
  for (const locale of LOCALES) {
    it.each(CUSTOMER_REFUSALS)(`${locale}: %s ends with the support contact as the next step`, (key) => {
      const text = refusal(locale, key);
      expect(text).toContain(CONTACT);
      expect(text.startsWith(t(locale, "refusal.next_step", { contact: CONTACT }))).toBe(false);
    });
  }

  it("name the contact in their own words where they take it (a contract ended, expired or used up, too few incidents)", () => {
    for (const locale of LOCALES) {
      expect(t(locale, "error.no_contract", { contact: CONTACT })).toContain(CONTACT);
      expect(t(locale, "error.expired", { contact: CONTACT })).toContain(CONTACT);
      expect(t(locale, "error.exhausted", { contact: CONTACT })).toContain(CONTACT);
      expect(t(locale, "error.insufficient", { needed: 3, available: 1, contact: CONTACT })).toContain(CONTACT);
      expect(t(locale, "proposal.refused.insufficient", { needed: 3, available: 1, contact: CONTACT })).toContain(CONTACT);
    }
  });

  it("read as one polite paragraph in Japanese", () => {
    const text = refusal("ja", "refused.other_customer");
    expect(text).toMatch(/^恐れ入りますが、.+。ご不明な点がございましたら、.+までお問い合わせください。$/);
  });
});

describe("the listeners", () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });

  it("never word a customer refusal without its next step", () => {
    const keys = CUSTOMER_REFUSALS.map((k) => k.replaceAll(".", "\\.")).join("|");
    // A translation call of one of these keys: t(locale, "key"…, tr("key"…, or a conditional inside one.
    const direct = new RegExp(`\\b(t|tr|translate)\\((\\w+(\\.\\w+)?, )?[^()]*"(${keys})"`);
    const offenders = files("src/slack").filter((f) => !f.includes("/i18n/") && !f.endsWith("refusals.ts"))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").filter((line) => direct.test(line)).map((line) => `${f}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});

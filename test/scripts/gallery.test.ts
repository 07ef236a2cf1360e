// The gallery builds from the real view builders: one page naming every surface, each drawn in Japanese and in
// English, with every Block Kit block it meets drawn (none left as an unknown type).
import { describe, expect, it } from "vitest";
import { galleryHtml, sections } from "../../scripts/gallery.ts";
import { escapeHtml } from "../../scripts/gallery/render.ts";

describe("the gallery", () => {
  const html = galleryHtml();
  const list = sections();

  it("has every customer and staff surface, each under its heading, in both languages", () => {
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(["entry", "case-message", "offer", "open-case-modal", "channel-cases", "refusals", "proposal", "rating", "triage", "staff-menu", "case-modals", "queue", "home"]));
    for (const section of list) {
      expect(html).toContain(`<section id="${section.id}"><h2>${escapeHtml(section.heading)}`);
      for (const row of section.rows) expect([row.state, Boolean(row.ja), Boolean(row.en)]).toEqual([row.state, true, true]);
    }
    expect(html).toContain('lang="ja"');
    expect(html).toContain('lang="en"');
  });

  it("shows what people read, in both languages, with every block drawn", () => {
    expect(html).toContain("ご依頼中の案件");
    expect(html).toContain("Your cases");
    expect(html).toContain("サービスレベルA");
    expect(html).not.toContain('class="unknown"');
    // People's words stay text: a title like "<!channel>" is never markup on the page.
    expect(html).not.toMatch(/<script/i);
  });
});

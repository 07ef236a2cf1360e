// npm run gallery: every surface the app shows customers and T4U's staff, in each state and both languages, drawn
// from the real view builders into one browsable page (gallery/index.html), Japanese beside English. Where headless
// Chromium is installed, a PNG of each surface's section too (gallery/<id>.png); otherwise it says why there are none.
//   npm run gallery [-- --out DIR] [-- --no-png]
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PNG } from "pngjs";
import { escapeHtml, STYLE, surfaceHtml } from "./gallery/render.ts";
import { surfaces, type Surface } from "./gallery/surfaces.ts";

interface Section { id: string; heading: string; audience: Surface["audience"]; rows: Array<{ state: string; ja?: Surface; en?: Surface }> }

export function sections(all: readonly Surface[] = surfaces()): Section[] {
  const byId = new Map<string, Section>();
  for (const s of all) {
    const section = byId.get(s.id) ?? { id: s.id, heading: s.heading, audience: s.audience, rows: [] };
    byId.set(s.id, section);
    let row = section.rows.find((r) => r.state === s.state);
    if (!row) section.rows.push((row = { state: s.state }));
    row[s.locale] = s;
  }
  return [...byId.values()];
}

// The Japanese font the PDFs embed, so that pages and PNGs read the same on a machine without Japanese fonts.
const require = createRequire(import.meta.url);
const FONTS = ["400Regular/BIZUDPGothic_400Regular.ttf", "700Bold/BIZUDPGothic_700Bold.ttf"].map((f, i) =>
  `@font-face { font-family: "BIZ UDPGothic"; font-weight: ${i ? 700 : 400}; src: url("${pathToFileURL(require.resolve(`@expo-google-fonts/biz-udpgothic/${f}`)).href}"); }`).join("\n");

function page(title: string, list: readonly Section[], nav: boolean): string {
  const body = list.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.heading)} <small>(${s.audience === "customer" ? "customers see it" : "T4U's staff see it"})</small></h2>` +
    s.rows.map((r) => `<div class="row">${r.ja ? surfaceHtml(r.ja) : "<div></div>"}${r.en ? surfaceHtml(r.en) : "<div></div>"}</div>`).join("") + "</section>").join("\n");
  const links = nav ? `<nav>${list.map((s) => `<a href="#${s.id}">${escapeHtml(s.heading)}</a>`).join("")}</nav>` : "";
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${FONTS}${STYLE}</style></head>` +
    `<body>${nav ? `<h1>${escapeHtml(title)}</h1>` : ""}${links}${body}</body></html>`;
}

export function galleryHtml(all: readonly Surface[] = surfaces()): string {
  return page("incident-desk — every surface, 日本語 / English", sections(all), true);
}

function chromium(): string | null {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const found = spawnSync("which", [name], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

function screenshot(browser: string, html: string, png: string, height: number): void {
  const profile = mkdtempSync(join(tmpdir(), "gallery-chromium-"));
  try {
    execFileSync(browser, [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--hide-scrollbars", `--user-data-dir=${profile}`, `--screenshot=${png}`, `--window-size=1000,${height}`, pathToFileURL(html).href,
    ], { stdio: "ignore", timeout: 60_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Chromium shoots the whole window: the empty page below the content is cut off, leaving a margin. */
function cropToContent(file: string, margin = 24): void {
  const png = PNG.sync.read(readFileSync(file));
  const background = png.data.readUInt32BE(((png.height - 1) * png.width) * 4);
  let last = png.height - 1;
  const rowEmpty = (y: number) => {
    for (let x = 0; x < png.width; x++) if (png.data.readUInt32BE((y * png.width + x) * 4) !== background) return false;
    return true;
  };
  while (last > 0 && rowEmpty(last)) last--;
  const height = Math.min(png.height, last + 1 + margin);
  if (height === png.height) return;
  const cropped = new PNG({ width: png.width, height });
  png.data.copy(cropped.data, 0, 0, png.width * height * 4);
  writeFileSync(file, PNG.sync.write(cropped));
}

function main(argv: string[]): void {
  const outIndex = argv.indexOf("--out");
  const out = resolve(outIndex >= 0 ? argv[outIndex + 1] ?? "gallery" : "gallery");
  mkdirSync(out, { recursive: true });
  const all = surfaces();
  const list = sections(all);
  writeFileSync(join(out, "index.html"), galleryHtml(all));
  console.log(`gallery: ${all.length} renderings of ${list.length} surfaces → ${join(out, "index.html")}`);
  if (argv.includes("--no-png")) return console.log("gallery: PNGs skipped (--no-png)");
  const browser = chromium();
  if (!browser) return console.log("gallery: no PNGs — headless Chromium is not installed (apt-get install chromium, or any chromium/google-chrome on PATH)");
  for (const section of list) {
    const html = join(out, `${section.id}.html`);
    writeFileSync(html, page(section.heading, [section], false));
    // Taller than any section needs (the empty rest is cropped): long texts and modals take more than a reply.
    const height = Math.min(16_000, 400 + section.rows.reduce((sum, r) => sum + 300 + 80 * Math.max(r.ja?.blocks.length ?? 1, r.en?.blocks.length ?? 1), 0));
    try {
      screenshot(browser, html, join(out, `${section.id}.png`), height);
      cropToContent(join(out, `${section.id}.png`));
    } catch (error) {
      console.log(`gallery: no PNG of ${section.id} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  console.log(`gallery: PNGs by ${browser} → ${out}/<surface>.png`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));

// Languages as the database stores them: a channel's or a report's locale column holds "ja" or "en" as text.
import type { Locale } from "../config.ts";

/** A stored locale read back: English only when it says so, Japanese (the product's language) otherwise. */
export function storedLocale(value: unknown): Locale {
  return value === "en" ? "en" : "ja";
}

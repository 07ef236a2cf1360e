// `npm run demo [-- --lang en]`: the product at work before anyone creates a Slack app. Plays a scripted day
// against the real app and a local stand-in for Slack, and prints the conversation as a transcript.
import { runDemo } from "./script.ts";

function parseLang(args: string[]): "ja" | "en" | Error {
  const at = args.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (at < 0) return "ja";
  const value = args[at]!.includes("=") ? args[at]!.slice("--lang=".length) : args[at + 1];
  return value === "ja" || value === "en" ? value : new Error(`--lang must be ja or en, got "${value ?? ""}"`);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write("usage: npm run demo [-- --lang ja|en]\n  --lang en  the customer's channel set to English (default: ja)\n");
  process.exit(0);
}
const unknown = args.filter((a, i) => !a.startsWith("--lang") && args[i - 1] !== "--lang");
const lang = parseLang(args);
if (lang instanceof Error || unknown.length > 0) {
  process.stderr.write(`${lang instanceof Error ? lang.message : `unknown argument: ${unknown.join(" ")}`}\nusage: npm run demo [-- --lang ja|en]\n`);
  process.exit(2);
}
const columns = process.stdout.columns && process.stdout.columns < 100 ? process.stdout.columns : 100;
try {
  const lines = await runDemo({ lang, width: columns });
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  process.stderr.write(`the demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
}

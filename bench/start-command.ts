// package.json's start script, `exec env VAR=… node <flags> dist/main.js`, as the environment and node flags it
// gives the app, so that a benchmark can run the app under test with the settings the service runs with.
import { readFileSync } from "node:fs";

export interface StartCommand { env: Record<string, string>; flags: string[] }

export function parseStartCommand(script: string): StartCommand {
  const words = script.trim().split(/\s+/);
  if (words[0] === "exec") words.shift();
  if (words[0] === "env") words.shift();
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words.shift() !== "node" || words.at(-1) !== "dist/main.js") throw new Error(`the start script is not \`[exec] [env VAR=…] node … dist/main.js\`: ${script}`);
  return { env, flags: words.slice(0, -1) };
}

export function startCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
  return parseStartCommand(pkg.scripts.start);
}

// One start of a command that runs the app, on a fresh SQLite file and a local Slack stand-in: how long it took to
// answer /readyz with 200, and the resident set of every process it created 5 s later. Used by the start-command
// benchmark (bench/start.ts) and by the memory section, which judges its idle goal on the production start command.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TEAM = "T0HOME1";
const TOKEN = "xoxb-bench-start";

export { TEAM as START_TEAM, TOKEN as START_TOKEN };

export interface Variant { name: string; command: string; args: string[]; env?: Record<string, string> }
export interface Sample { readyMs: number; rss: Array<{ command: string; kb: number }> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === "object" && address ? address.port : 0;
}

function tree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(tree)];
}

function rssOf(pid: number): { command: string; kb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
  return { command, kb };
}

export async function startOnce(variant: Variant, slackUrl: string): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), "start-bench-"));
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(variant.command, variant.args, {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: "bench-secret",
      SLACK_API_URL: slackUrl, SLACK_TEAM_ID: TEAM, PORT: String(port), DATABASE_URL: `file:${join(dir, "bench.db")}`,
      SUPPORT_ENGINEERS: "U0ENG1", SUPPORT_MANAGERS: "U0MGR1", LOG_LEVEL: "warn", SCHEDULER_ENABLED: "false",
      ...variant.env,
    },
  });
  try {
    let readyMs = 0;
    while (!readyMs) {
      if (performance.now() - started > 60_000) throw new Error(`${variant.name}: not ready within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) readyMs = performance.now() - started;
      else await sleep(10);
    }
    await sleep(5_000);
    return { readyMs, rss: tree(child.pid!).map(rssOf) };
  } finally {
    // Every process of the tree is stopped by its id (npm does not always pass the signal on).
    const pids = tree(child.pid!);
    for (const pid of pids.reverse()) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    for (let i = 0; i < 400 && pids.some((pid) => existsSync(`/proc/${pid}/status`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, "utf8"))); i += 1) await sleep(25);
    rmSync(dir, { recursive: true, force: true });
  }
}


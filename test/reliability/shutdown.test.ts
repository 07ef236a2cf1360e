// `npm start`, the README's start command, run as a process manager runs it: SIGTERM (or Ctrl-C's SIGINT) sent to
// the process it created stops the app gracefully: the request in flight is answered, the process exits 0 within
// the 10 s a process manager waits, and no app process is left behind serving.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { HOME_TEAM } from "../support/harness.ts";
import { startSlackStandIn, type SlackStandIn } from "../support/slack-api.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "shutdown-test-signing-secret";
const TOKEN = "xoxb-shutdown-test-token";

let slack: SlackStandIn;
let database: TestDatabase;
beforeAll(async () => {
  slack = await startSlackStandIn({ token: TOKEN, teamId: HOME_TEAM });
  database = await createTestDatabase();
});
afterAll(async () => {
  await slack?.close();
  await database?.drop();
});

interface Started { npm: ChildProcess; port: number; lines: string[]; exited: Promise<{ code: number | null; signal: string | null }> }

/** Waits for `read` to give a value, up to `ms`; rejects with what the process printed otherwise. */
async function waitFor<T>(read: () => T | undefined, ms: number, what: string, lines: string[]): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen; output:\n${lines.join("\n")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The children of a process, from Linux's /proc (the process `npm start` runs the app in). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function npmStart(): Promise<Started> {
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME,
      SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, SLACK_TEAM_ID: HOME_TEAM,
      PORT: "0", DATABASE_URL: database.url, SUPPORT_ENGINEERS: "U0ENG1", SUPPORT_MANAGERS: "U0MGR1",
      LOG_LEVEL: "info", SCHEDULER_ENABLED: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffer = "";
  const take = (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
  };
  npm.stdout?.on("data", take);
  npm.stderr?.on("data", take);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => npm.on("exit", (code, signal) => resolve({ code, signal })));
  const port = await waitFor(() => {
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === "incident-desk started" && entry.port) return entry.port;
      } catch {
        // npm's own lines are not JSON
      }
    }
    return undefined;
  }, 30_000, "the app's start", lines);
  return { npm, port, lines, exited };
}

/**
 * A signed request whose headers have reached the app (it answered "100 Continue") and whose body has not: a
 * request in flight for as long as the test likes. `finish` sends the body and resolves with the response.
 */
async function requestInFlight(port: number): Promise<{ finish(): Promise<{ status: number; body: string }> }> {
  const body = JSON.stringify({ type: "url_verification", token: "legacy", challenge: "shutdown-challenge-42" });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const req = request({
    host: "127.0.0.1", port, method: "POST", path: "/slack/events",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue", "x-slack-request-timestamp": ts, "x-slack-signature": signature },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => { text += d.toString(); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    req.on("continue", () => resolve());
    req.on("error", reject);
  });
  return {
    finish() {
      req.end(body);
      return response;
    },
  };
}

describe("npm start", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("stops on %s within 10 s with exit code 0, answering the request in flight", async (signal) => {
    const app = await npmStart();
    const processes = descendantsOf(app.npm.pid!);
    const direct = childrenOf(app.npm.pid!);
    try {
      // npm runs the compiled app itself, not a shell or a loader's wrapper that would not pass the signal on.
      expect(direct.map(commandOf)).toEqual([expect.stringMatching(/^node (--\S+ )*dist\/main\.js$/)]);
      await stopsGracefully(app, processes, signal);
    } finally {
      // A process left serving after a failed run is not left for the next test (or the machine) to find.
      for (const pid of processes) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  }, 60_000);
});

async function stopsGracefully(app: Started, processes: number[], signal: "SIGTERM" | "SIGINT"): Promise<void> {
  const inFlight = await requestInFlight(app.port);
  app.npm.kill(signal);
  await waitFor(() => (app.lines.some((l) => l.includes("\"shutting down\"")) ? true : undefined), 10_000, "the app's graceful shutdown", app.lines);
  const answered = await inFlight.finish();
  expect(answered.status).toBe(200);
  expect(answered.body).toContain("shutdown-challenge-42");
  const exit = await Promise.race([app.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 10_000))]);
  expect(exit, app.lines.join("\n")).toEqual({ code: 0, signal: null });
  // Nothing npm started keeps serving after it.
  expect(processes.filter(alive)).toEqual([]);
  expect(app.lines.some((l) => l.includes("shutdown did not finish in time"))).toBe(false);
}

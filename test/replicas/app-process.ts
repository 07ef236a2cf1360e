// One replica of the whole app (Bolt receiver, outbox dispatcher, scheduler) as a process of its own, for the
// multi-replica tests, or one part of it when APP_ROLE says web or worker. Configured from the environment like the real start; its clock is the one the app accepts
// in tests, set from stdin so that the test moves every replica's time together:
//   stdin  "at <ISO instant>"  → the clock shows that instant plus REPLICA_CLOCK_SKEW_MS, and runs on from there
//                                as clocks do (retries and claims come due); answered "at <ISO>"
//   stdin  "stop"              → a graceful stop as on SIGTERM; answered "stopped"
//   stdout "ready <port>"      once Slack's requests are taken (a worker: once it serves its health checks)
// Usage: node --import tsx app-process.ts <initial ISO instant>
import { createInterface } from "node:readline";
import { startProcess } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import type { Clock } from "../../src/services/deps.ts";

const skewMs = Number(process.env.REPLICA_CLOCK_SKEW_MS ?? "0");
let current = new Date(process.argv[2] ?? Date.now()).getTime();
let setAt = performance.now();
const clock: Clock = { now: () => new Date(current + (performance.now() - setAt) + skewMs) };

const running = await startProcess({
  config: loadConfig(process.env), clock, logger: silentLogger,
  // Idle replicas look for messages the others wrote often, so a test waits little for them.
  channelIntervalMs: 0, outboxPollMs: 100, homeRefreshMs: 200,
});
console.log(`ready ${running.port}`);

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, argument] = line.trim().split(" ");
  if (command === "at" && argument) {
    current = new Date(argument).getTime();
    setAt = performance.now();
    console.log(`at ${argument}`);
  } else if (command === "stop") {
    void running.stop().then(() => {
      console.log("stopped");
      process.exit(0);
    });
  }
});

// The app's thread behind a receiving thread (the default start; RECEIVER_THREAD=false runs without it; src/roles/front.ts starts it): the process in
// its role (all or web) as it would run alone, except that Slack's requests reach its Bolt app over the relay and
// its answers go back the same way. Its configuration is the one the receiving thread read from the environment and
// validated, handed over in workerData.
import { parentPort, workerData } from "node:worker_threads";
import { StartError, startProcess } from "../app.ts";
import { createLogger, type Level, type Logger } from "../logger.ts";
import { handleProcessFaults } from "../observability/process-faults.ts";
import type { Route } from "../observability/routes.ts";
import { appThreadData, type AppThreadEnd, type RouteAnswer, type ToAppThread } from "./thread-relay.ts";

if (!parentPort) throw new Error("src/roles/app-thread.ts runs as the worker thread of src/roles/front.ts");
const end: AppThreadEnd = parentPort;
const data = appThreadData(workerData as unknown);
if (!data) throw new Error("src/roles/app-thread.ts was started without the configuration its workerData carries");

// The logger writes straight to the process's standard output (pino's own file descriptor writes, from this
// thread), unless the receiving thread asked to read this thread's lines from its stdout.
const toStdout = (line: string) => void process.stdout.write(`${line}\n`);
const newLogger = (level: Level) => (data.relayOutput ? createLogger(level, toStdout) : createLogger(level));
let logger: Logger = newLogger("info");
// An exception nothing caught ends this thread; the receiving thread then exits the process non-zero.
handleProcessFaults(() => logger);

try {
  const running = await startProcess({ config: data.config, relay: end, logger: newLogger(data.config.logLevel), ...data.tuning });
  logger = running.deps.logger;
  end.on("message", (message: ToAppThread) => {
    if (message.type === "route") {
      void answerRoute(running.mainPortRoutes, message).then((answer) => end.postMessage({ type: "route", id: message.id, answer }));
    } else if (message.type === "timing") {
      running.metrics.requestSeconds.observe(message.seconds, { status: String(message.status) });
    } else if (message.type === "drain") {
      void running.drain().then(() => end.postMessage({ type: "drained", id: message.id }));
    } else if (message.type === "stop") {
      void running.stop().then(() => end.postMessage({ type: "stopped" }));
    }
  });
  end.postMessage({
    type: "started", metricsPort: running.metricsPort, database: running.deps.db.provider,
    routes: running.mainPortRoutes.map((r) => ({ path: r.path, method: r.method })),
  });
} catch (error) {
  const refused = error instanceof StartError;
  end.postMessage({ type: "failed", refused, message: error instanceof Error ? error.message : String(error) });
}

/** Runs the route's own handler on the request the receiving thread read, and returns what it wrote. */
function answerRoute(routes: Route[], message: Extract<ToAppThread, { type: "route" }>): Promise<RouteAnswer> {
  const route = routes.find((r) => r.path === message.path && r.method.includes(message.method));
  if (!route) return Promise.resolve({ status: 404, headers: {}, body: "" });
  return new Promise((resolve) => {
    let status = 200;
    let headers: Record<string, string> = {};
    route.handler({ headers: message.headers, socket: { remoteAddress: message.remoteAddress ?? undefined } }, {
      writeHead(code, written) {
        status = code;
        headers = written;
      },
      end(body) {
        resolve({ status, headers, body });
      },
    });
  });
}

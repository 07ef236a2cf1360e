// The receiving thread (the default start; RECEIVER_THREAD=false runs without it): Bolt's request handling alone on the process's main thread
// (src/roles/front-receiver.ts), and the app in a worker thread of its own (src/roles/app-thread.ts). The main thread reads each request, checks its
// signature, relays it and writes the answer the app's listener gives; nothing else runs on it. Why: on one event
// loop, a request received while the app works on earlier ones (the ORM's planning, rendering, the outbox's calls)
// waits for that work before its answer is even read; here reading, verifying and answering never wait for it, and
// the app's thread is spared the HTTP and signature work of every request. What an answer still waits for is the
// listener's own path to its `ack` on the app's thread, which the app's turns put first (src/slack/work-turns.ts).
//
// A fault of the app's thread (an exception nothing caught, a start that failed) ends the process non-zero, so
// that its supervisor starts it again; a stop stops taking requests first, then lets the app stop as it would alone.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Worker } from "node:worker_threads";
import type { App } from "@slack/bolt";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { refuseNullBodies } from "../slack/receiver-guard.ts";
import { EVENTS_PATH, frontReceiver } from "./front-receiver.ts";
import { keepConnections } from "./keep-connections.ts";
import { StartError } from "./start-error.ts";
import type { AppThreadData, FromAppThread, RouteSpec, ThreadTuning, ToAppThread } from "./thread-relay.ts";
import { createInterface } from "node:readline";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

export interface Front {
  /** Slack's port as bound. */
  port: number | null;
  metricsPort: number | null;
  /** Resolves once the app's thread owes nothing (its `drain`). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** What a test or the benchmark sets for the app's thread; a real start sets none of it. */
export interface FrontOptions {
  /** The app thread's environment (default: this process's). */
  env?: Record<string, string | undefined>;
  /** Start options of the app's thread that the environment does not set (src/roles/app-thread.ts). */
  tuning?: ThreadTuning;
  /** Each line the app's thread writes to stdout (default: this process's stdout). */
  onOutput?: (line: string) => void;
}

/** Whether a request is a click on a block element (Slack reads nothing of its answer but the status). */
export function clickedAction(body: ReceiverEvent["body"]): boolean {
  return body.type === "block_actions";
}

/** A relayed request whose handling has not ended. */
interface Pending { event: ReceiverEvent; settle: (error: Error | null) => void }

export class RelayError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

/**
 * The app's thread: the compiled entry beside this file, or under tsx (tests, development) the TypeScript source,
 * whose loader a worker thread does not inherit on Node 20 (its hooks are registered again in the thread).
 */
function appThread(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./app-thread.js", import.meta.url), options);
  const source = new URL("./app-thread.ts", import.meta.url).href;
  const loader = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

export async function startFront(config: Config, logger: Logger, options: FrontOptions = {}): Promise<Front> {
  const worker = appThread({
    env: options.env ?? process.env, workerData: { config, tuning: options.tuning ?? {}, relayOutput: options.onOutput !== undefined } satisfies AppThreadData,
    stdout: options.onOutput !== undefined,
  });
  const onOutput = options.onOutput;
  if (onOutput) createInterface({ input: worker.stdout }).on("line", onOutput);
  const pending = new Map<number, Pending>();
  const routeAnswers = new Map<number, ServerResponse>();
  const drains = new Map<number, () => void>();
  let stopped: (() => void) | null = null;
  let stopping = false;
  let nextId = 0;
  const post = (message: ToAppThread) => worker.postMessage(message);

  const started = new Promise<{ routes: RouteSpec[]; metricsPort: number | null; database: string }>((resolve, reject) => {
    worker.on("message", (message: FromAppThread) => {
      switch (message.type) {
        case "started": resolve(message); break;
        case "failed": reject(new StartError(message.message)); break;
        case "ack": {
          const id = message.id;
          const entry = pending.get(id);
          // The listener waits for this word before it goes on, whatever became of its answer.
          if (!entry) {
            post({ type: "written", id });
            break;
          }
          entry.event.ack(message.response ?? undefined).catch((error: unknown) => {
            logger.warn("the answer to a relayed request was not written", { error: error instanceof Error ? error.message : String(error) });
          }).finally(() => post({ type: "written", id }));
          break;
        }
        case "done": {
          const entry = pending.get(message.id);
          pending.delete(message.id);
          entry?.settle(message.error ? new RelayError(message.error.message, message.error.code) : null);
          break;
        }
        case "route": {
          const res = routeAnswers.get(message.id);
          routeAnswers.delete(message.id);
          res?.writeHead(message.answer.status, message.answer.headers).end(message.answer.body);
          break;
        }
        case "drained": drains.get(message.id)?.(); drains.delete(message.id); break;
        case "stopped": stopped?.(); break;
      }
    });
    worker.on("error", (error) => {
      logger.error("the app's thread failed", { error: error.message });
      reject(error);
    });
    worker.on("exit", (code) => {
      if (stopping) return;
      // Nothing here can answer Slack without it: exit, and let the supervisor start the process again.
      logger.error("the app's thread stopped; exiting", { code });
      process.exit(1);
    });
  });
  const { routes, metricsPort, database } = await started.catch(async (error: unknown) => {
    stopping = true;
    await worker.terminate();
    throw error;
  });

  const onEvent = (event: ReceiverEvent) => new Promise<void>((resolve, reject) => {
    const id = (nextId += 1);
    // A click's answer carries nothing (every button listener acknowledges first, with no payload): it is written
    // here at once, and the listener's own acknowledgement is not relayed back.
    const answered = clickedAction(event.body);
    if (answered) void event.ack().catch(() => undefined);
    pending.set(id, { event, settle: (error) => (error ? reject(error) : resolve()) });
    post({ type: "event", id, answered, body: event.body, retryNum: event.retryNum, retryReason: event.retryReason, customProperties: event.customProperties });
  });
  const relayRoute = (path: string) => (req: IncomingMessage, res: ServerResponse) => {
    const id = (nextId += 1);
    routeAnswers.set(id, res);
    post({ type: "route", id, path, method: req.method ?? "GET", headers: req.headers, remoteAddress: req.socket.remoteAddress ?? null });
  };
  const listener = refuseNullBodies(frontReceiver({
    signingSecret: config.slack.signingSecret,
    logger,
    routes: routes.map((route) => ({ path: route.path, method: route.method, handler: relayRoute(route.path) })),
    onEvent,
  }));
  const server = createServer((req, res) => {
    const begun = performance.now();
    res.on("finish", () => {
      if ((req.url ?? "").split("?")[0] !== EVENTS_PATH) return;
      post({ type: "timing", seconds: (performance.now() - begun) / 1000, status: res.statusCode });
    });
    listener(req, res);
  });
  keepConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : null;
  // The line a start is known by, as the process without the thread writes it (the app's thread wrote its own).
  logger.info("incident-desk started", { role: config.role, mode: "http", receiverThread: true, port, metricsPort, database });

  return {
    port,
    metricsPort,
    drain() {
      const id = (nextId += 1);
      return new Promise<void>((resolve) => {
        drains.set(id, resolve);
        post({ type: "drain", id });
      });
    },
    async stop() {
      // Requests under way are answered by the app before it stops; then the app stops as it would alone.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      stopping = true;
      await new Promise<void>((resolve) => {
        stopped = resolve;
        post({ type: "stop" });
      });
      await worker.terminate();
    },
  };
}

// What the receiving thread and the app's thread say to each other (the default start, src/roles/front.ts).
// The receiving thread owns Slack's port: it reads each request, checks its signature and writes the answer; the
// app's thread (src/roles/app-thread.ts) runs everything else, with a Bolt app whose receiver is the other end of
// this relay. Every message is a plain object, since it crosses between threads by structured clone.
import type { IncomingHttpHeaders } from "node:http";
import type { App, Receiver } from "@slack/bolt";
import type { Config } from "../config.ts";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/** A request the receiving thread has verified, or a question about the process. */
export type ToAppThread =
  | { type: "event"; id: number; answered: boolean; body: ReceiverEvent["body"]; retryNum?: number; retryReason?: string; customProperties?: Record<string, unknown> }
  | { type: "route"; id: number; path: string; method: string; headers: IncomingHttpHeaders; remoteAddress: string | null }
  | { type: "timing"; seconds: number; status: number }
  /** The answer to request `id` has been written (or could not be): its listener may go on. */
  | { type: "written"; id: number }
  | { type: "drain"; id: number }
  | { type: "stop" };

/** Start options a test or the benchmark gives the app's thread; see StartOptions. */
export interface ThreadTuning { channelIntervalMs?: number }

/**
 * The app thread's workerData: the configuration the receiving thread validated, so that the app's thread does
 * not load the validation again (zod alone is about 10 MB of a thread's memory), and the tuning.
 */
export interface AppThreadData {
  config: Config;
  tuning: ThreadTuning;
  /**
   * Whether the app thread's log lines go to the thread's own stdout, which the receiving thread reads (a test or
   * the benchmark asked to see them). Otherwise they are written straight to the process's standard output, as
   * the logger does on the main thread, and the receiving thread never handles them.
   */
  relayOutput: boolean;
}

/** workerData as the receiving thread wrote it (a structured clone of AppThreadData), or null. */
export function appThreadData(data: unknown): AppThreadData | null {
  if (typeof data !== "object" || data === null || !("config" in data) || !("tuning" in data)) return null;
  const { config, tuning } = data;
  if (typeof config !== "object" || config === null || !("slack" in config) || !("role" in config)) return null;
  const interval = typeof tuning === "object" && tuning !== null && "channelIntervalMs" in tuning ? tuning.channelIntervalMs : undefined;
  const relayOutput = "relayOutput" in data && data.relayOutput === true;
  // The configuration crossed by structured clone from loadConfig's result on the receiving thread; its shape is
  // that function's, and the checks above only make sure it is that object.
  return { config: config as Config, tuning: typeof interval === "number" ? { channelIntervalMs: interval } : {}, relayOutput };
}

export interface RouteSpec { path: string; method: string[] }
export interface RouteAnswer { status: number; headers: Record<string, string>; body: string }

/** The app thread's side: its answers, and how its start and stop went. */
export type FromAppThread =
  | { type: "started"; routes: RouteSpec[]; metricsPort: number | null; database: string }
  | { type: "failed"; message: string; refused: boolean }
  | { type: "ack"; id: number; response: unknown }
  | { type: "done"; id: number; error: { message: string; code: string | null } | null }
  | { type: "route"; id: number; answer: RouteAnswer }
  | { type: "drained"; id: number }
  | { type: "stopped" };

/** One end of the relay: a worker thread's parentPort, or the Worker as seen from the receiving thread. */
export interface RelayEnd<In, Out> {
  postMessage(message: Out): void;
  on(event: "message", listener: (message: In) => void): unknown;
}

export type AppThreadEnd = RelayEnd<ToAppThread, FromAppThread>;

/**
 * The app thread's receiver: it takes no connection; each request the receiving thread relays is handed to Bolt
 * as its HTTP receiver would, and the listener's `ack` goes back to be written as the answer.
 */
export class RelayedReceiver implements Receiver {
  private app: App | null = null;
  private open = false;
  /** Listeners whose answer is on its way to the receiving thread, by request id. */
  private readonly writing = new Map<number, () => void>();

  constructor(private readonly end: AppThreadEnd) {
    end.on("message", (message) => {
      if (message.type === "event") this.handle(message);
      else if (message.type === "written") this.written(message.id);
    });
  }

  private written(id: number): void {
    this.writing.get(id)?.();
    this.writing.delete(id);
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    this.open = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.open = false;
    return Promise.resolve();
  }

  private handle(message: Extract<ToAppThread, { type: "event" }>): void {
    const { id } = message;
    const app = this.app;
    if (!app || !this.open) {
      // Stopping: the receiving thread answers 500 and Slack sends the request again (to this or another replica).
      this.end.postMessage({ type: "done", id, error: { message: "the app is stopping", code: null } });
      return;
    }
    // Answered already: the receiving thread acknowledged a click as it arrived (src/roles/front.ts).
    let acked = message.answered;
    void app.processEvent({
      body: message.body,
      retryNum: message.retryNum,
      retryReason: message.retryReason,
      customProperties: message.customProperties ?? {},
      ack: (response?: unknown) => {
        // Bolt's HTTP receiver refuses a second ack; the receiving thread does, so one is relayed.
        if (acked) return Promise.resolve();
        acked = true;
        // The listener goes on once its answer is written, as under Bolt's own receiver, whose ack writes before
        // it returns: the work that follows (a modal to open, the database) then never competes with the writing.
        const written = new Promise<void>((resolve) => this.writing.set(id, resolve));
        this.end.postMessage({ type: "ack", id, response: response ?? null });
        return written;
      },
    }).then(
      () => this.end.postMessage({ type: "done", id, error: null }),
      (error: unknown) => this.end.postMessage({ type: "done", id, error: describe(error) }),
    ).finally(() => this.writing.delete(id));
  }
}

function describe(error: unknown): { message: string; code: string | null } {
  const code = (error as { code?: unknown } | null)?.code;
  return { message: error instanceof Error ? error.message : String(error), code: typeof code === "string" ? code : null };
}

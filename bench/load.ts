// Load over loopback and keep-alive connections. Each request is built and signed before its clock starts, so
// the figures are the receiver's time to answer, not the generator's.
import { Agent, request } from "node:http";
import { Worker } from "node:worker_threads";

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
  /** What Slack does with the answer (a modal's submission: show the view it carries), after the clock stopped. */
  answered?: (answer: { status: number; text: string }) => void;
}

export interface LoadResult {
  /** Milliseconds from sending the request to the last byte of the answer, in completion order. */
  latencies: number[];
  /** Requests answered with something other than HTTP 200, or not answered. */
  failures: number;
  firstFailure: string | null;
  wallMs: number;
}

export class Endpoint {
  // Idle connections are dropped after 4 s, before the server's 5-second keep-alive timeout can close one just
  // as a request is written to it (which fails that request with ECONNRESET).
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  readonly host = "127.0.0.1";
  constructor(readonly port: number, readonly path = "/slack/events") {}

  /**
   * Sends the requests all at once from the sending thread (bench/wave-sender.mjs); `onAnswer` sees each answer as
   * it arrives, with the milliseconds from its request's writing to its answer's last byte.
   */
  wave(requests: SignedRequest[], onAnswer: (k: number, answer: SentAnswer) => void): Promise<void> {
    this.sender ??= new WaveSender(this.host, this.port, this.path);
    return this.sender.send(requests, onAnswer);
  }

  private sender: WaveSender | null = null;

  post(req: SignedRequest): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const r = request({
        host: this.host, port: this.port, path: this.path, method: "POST", agent: this.agent,
        headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      r.on("error", reject);
      r.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
    this.sender?.close();
  }
}

export type SentAnswer = { ok: true; ms: number; status: number; text: string } | { ok: false; error: string };
type SenderMessage = { wave: number; done: true } | { wave: number; k: number; answer: SentAnswer };

class WaveSender {
  private readonly worker: Worker;
  private next = 0;
  private readonly waves = new Map<number, { onAnswer: (k: number, answer: SentAnswer) => void; done: () => void }>();

  constructor(host: string, port: number, path: string) {
    // Without the TypeScript loader the benchmark runs under: the thread is plain JavaScript.
    this.worker = new Worker(new URL("./wave-sender.mjs", import.meta.url), { workerData: { host, port, path }, execArgv: [] });
    this.worker.unref();
    this.worker.on("message", (msg: SenderMessage) => {
      const wave = this.waves.get(msg.wave);
      if (!wave) return;
      if ("done" in msg) {
        this.waves.delete(msg.wave);
        wave.done();
      } else wave.onAnswer(msg.k, msg.answer);
    });
  }

  send(requests: SignedRequest[], onAnswer: (k: number, answer: SentAnswer) => void): Promise<void> {
    const wave = this.next++;
    return new Promise<void>((done) => {
      this.waves.set(wave, { onAnswer, done });
      this.worker.postMessage({ wave, requests: requests.map((r) => ({ body: r.body, headers: r.headers })) });
    });
  }

  close(): void {
    this.worker.postMessage({ close: true });
  }
}

/**
 * Sends `total` requests in waves of `concurrency` requests that are all in flight at once. `build(i)` makes the
 * i-th request (0-based); the whole wave is built and signed before the first is sent. `check` may reject an answer
 * that is HTTP 200 but not what the request should have produced. `settle` runs between waves (untimed): it waits
 * until the app has finished the work the wave set off after its acks, so that each wave meets an app that is
 * otherwise idle and the figures do not depend on how long the run lasts.
 */
export async function runWaves(endpoint: Endpoint, options: {
  total: number;
  concurrency: number;
  build: (i: number) => SignedRequest | Promise<SignedRequest>;
  check?: (answer: { status: number; text: string }, i: number) => string | null;
  settle?: (waveSize: number) => Promise<void>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const fail = (why: string) => {
    failures += 1;
    firstFailure ??= why;
  };
  const started = performance.now();
  for (let first = 0; first < options.total; first += options.concurrency) {
    const size = Math.min(options.concurrency, options.total - first);
    const wave = await Promise.all(Array.from({ length: size }, async (_, k) => options.build(first + k)));
    await endpoint.wave(wave, (k, sent) => {
      if (!sent.ok) return fail(sent.error);
      latencies.push(sent.ms);
      const answer = { status: sent.status, text: sent.text };
      wave[k]!.answered?.(answer);
      const problem = answer.status !== 200 ? `HTTP ${answer.status}: ${answer.text.slice(0, 200)}` : options.check?.(answer, first + k) ?? null;
      if (problem) fail(problem);
    });
    await options.settle?.(size);
  }
  return { latencies, failures, firstFailure, wallMs: performance.now() - started };
}

/**
 * Sends `total` requests from `concurrency` workers, each sending its next request as soon as its previous one
 * is answered (a closed loop): the sustained rate the app can take.
 */
export async function runClosedLoop(endpoint: Endpoint, options: {
  total: number;
  concurrency: number;
  build: (i: number) => SignedRequest | Promise<SignedRequest>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < options.total; i = next++) {
      const req = await options.build(i);
      const t0 = performance.now();
      try {
        const answer = await endpoint.post(req);
        latencies.push(performance.now() - t0);
        req.answered?.(answer);
        // A case modal's submission is answered with response_action "update" (「受付中…」); inline errors refuse.
        if (answer.status !== 200 || answer.text.includes('"response_action":"errors"')) {
          failures += 1;
          firstFailure ??= `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
        }
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return { latencies, failures, firstFailure, wallMs: performance.now() - started };
}

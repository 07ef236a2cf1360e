// The load generator's sending side, on a thread of its own (worker_threads). The benchmark's main thread also
// hosts the Slack stand-in, which serves the app's follow-up calls while a wave is in flight; a request's clock run
// on that thread would also count the time the stand-in kept the thread busy (a connection made or an answer read
// late), which the bare Bolt app, making no such calls, would not pay. Here the clock starts when the request is
// written and stops at the last byte of its answer, on a thread that does nothing else. Plain JavaScript: the
// thread needs nothing but node:http and is started without the TypeScript loader.
import { Buffer } from "node:buffer";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

const { host, port, path } = workerData;
// Idle connections are dropped after 4 s, before the server's 5-second keep-alive timeout can close one just as a
// request is written to it (which fails that request with ECONNRESET).
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

function post(req) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const r = request({
      host, port, path, method: "POST", agent,
      headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) },
    }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ ok: true, ms: performance.now() - t0, status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (error) => resolve({ ok: false, error: String(error) }));
    });
    r.on("error", (error) => resolve({ ok: false, error: error.message }));
    r.end(req.body);
  });
}

// { wave, requests }: every request is sent at once; each answer is posted back as it comes, then "done".
parentPort.on("message", async (msg) => {
  if (msg.close) {
    agent.destroy();
    parentPort.close();
    return;
  }
  await Promise.all(msg.requests.map(async (req, k) => parentPort.postMessage({ wave: msg.wave, k, answer: await post(req) })));
  parentPort.postMessage({ wave: msg.wave, done: true });
});

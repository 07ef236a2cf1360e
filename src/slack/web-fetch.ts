import { STATUS_CODES } from "node:http";
import type { FetchFunction } from "@slack/web-api";
import { Agent, request } from "undici";

/**
 * The HTTP transport under every WebClient the app makes.
 *
 * Why not the global fetch: Node's built-in fetch wraps undici in WHATWG request, response and stream objects, and
 * that costs about three times the CPU of undici's own `request` for the same call (measured on loopback with a
 * chat.postMessage-sized body: ~0.6 ms against ~0.2 ms per call, client and server together). Every case sends
 * several Slack calls from the thread that also answers Slack's requests, so the difference is time an
 * acknowledgement waits. `request` is the same maintained client underneath, without the wrapping; WebClient only
 * needs the small response shape it declares (`FetchResponse`), which is what this returns.
 *
 * Bodies other than text (a file upload's multipart form) go through the global fetch, which knows how to encode them.
 */
export function slackFetch(dispatcher: Agent = new Agent({ keepAliveTimeout: 30_000 })): FetchFunction {
  return async (url, init = {}) => {
    const body = init.body;
    if (body !== undefined && typeof body !== "string") return globalThis.fetch(url, init);
    const answer = await request(url, {
      method: init.method ?? "GET",
      headers: init.headers,
      body,
      signal: init.signal,
      dispatcher,
    });
    // Read to the end even when the caller will not: an unread body keeps the connection from being reused.
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return new ReadResponse(String(url), answer.statusCode, answer.headers, bytes);
  };
}

/** The response shape WebClient declares (the package does not export its name). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type RawHeaders = Record<string, string | string[] | undefined>;

/** A response whose body has been read: what WebClient asks of one, and nothing it does not. */
class ReadResponse implements FetchResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: ReadHeaders;

  constructor(readonly url: string, readonly status: number, raw: RawHeaders, private readonly bytes: Buffer) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? "";
    this.headers = new ReadHeaders(raw);
  }

  text(): Promise<string> {
    return Promise.resolve(this.bytes.toString("utf8"));
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const copy = new ArrayBuffer(this.bytes.byteLength);
    new Uint8Array(copy).set(this.bytes);
    return Promise.resolve(copy);
  }
}

/** Header names arrive lower-cased; a repeated header reads as its values joined, as `Headers.get` does. */
class ReadHeaders {
  private readonly values = new Map<string, string>();

  constructor(raw: RawHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }
}

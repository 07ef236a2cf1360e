// Bolt's HTTP receiver reads a body that parses to `null` (JSON "null", or a form whose payload is "null") and then
// fails on it outside its own error handling: the request is never answered and the failure surfaces as an
// unhandled promise rejection, which stops a Node process. Slack never sends such a body, but one malformed request
// must not be able to stop the app, so such bodies are answered 400 here before Bolt sees them. Everything else is
// handed on with its body already read, which Bolt takes as it is (it reuses `rawBody`).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** Bolt's own limit: larger bodies are refused with 413 either way. */
const BODY_LIMIT = 4 * 1024 * 1024;
const NULL_BODY = /^\s*null\s*$/;

export function refuseNullBodies(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") {
      listener(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      if (size > BODY_LIMIT) return answer(res, 413);
      const rawBody = Buffer.concat(chunks);
      if (parsesToNull(rawBody.toString("utf8"), req.headers["content-type"])) return answer(res, 400);
      Object.assign(req, { rawBody });
      listener(req, res);
    });
  };
}

function parsesToNull(text: string, contentType: string | undefined): boolean {
  if (contentType === "application/x-www-form-urlencoded") {
    const payload = new URLSearchParams(text).get("payload");
    return payload !== null && NULL_BODY.test(payload);
  }
  return NULL_BODY.test(text);
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

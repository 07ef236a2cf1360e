// One Web API call, from request to answer: parse the arguments, look up the method, apply an injected fault,
// check the token, run the method and record the call with its outcome.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearer, parseArgs, Refusal, type Args } from "./args.ts";
import { readBody, sendJson } from "./http.ts";
import { chatMethods } from "./methods/chat.ts";
import { conversationsMethods } from "./methods/conversations.ts";
import { directoryMethods } from "./methods/directory.ts";
import { filesMethods } from "./methods/files.ts";
import type { MethodFamily } from "./methods/method.ts";
import { viewsMethods } from "./methods/views.ts";
import type { Workspace } from "./workspace.ts";

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, method: string) => Promise<void>;

export function createApiHandler(ws: Workspace): ApiHandler {
  const methods: MethodFamily = {
    ...directoryMethods(ws),
    ...chatMethods(ws),
    ...viewsMethods(ws),
    ...conversationsMethods(ws),
    ...filesMethods(ws),
  };
  const record = ws.recorder.record.bind(ws.recorder);

  return async (req, res, method) => {
    const raw = await readBody(req);
    const at = ws.clock();
    let args: Args;
    try {
      args = await parseArgs(req, raw);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      record({ method, args: {}, at, ok: false, error: error.code });
      sendJson(res, 200, { ok: false, error: error.code });
      return;
    }
    const presented = bearer(req, args);
    const shownArgs = { ...args };
    delete shownArgs.token;
    const handler = methods[method];
    if (handler === undefined) {
      record({ method, args: shownArgs, at, ok: false, error: "unknown_method" });
      sendJson(res, 200, { ok: false, error: "unknown_method", req_method: method });
      return;
    }
    const fault = ws.recorder.takeFault(method);
    if (fault !== undefined) {
      if (fault.hang === true) {
        record({ method, args: shownArgs, at, ok: false, error: "(hang)" });
        ws.hanging.add(res);
        res.on("close", () => ws.hanging.delete(res));
        return;
      }
      if (fault.status !== undefined) {
        record({ method, args: shownArgs, at, ok: false, error: `http_${fault.status}` });
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
        if (fault.status === 429) sendJson(res, 429, { ok: false, error: "ratelimited" }, headers);
        else {
          res.writeHead(fault.status, { "content-type": "text/plain", ...headers });
          res.end(`stand-in: injected HTTP ${fault.status}`);
        }
        return;
      }
      const error = fault.error ?? "internal_error";
      record({ method, args: shownArgs, at, ok: false, error });
      sendJson(res, 200, { ok: false, error });
      return;
    }
    if (presented === undefined) {
      record({ method, args: shownArgs, at, ok: false, error: "not_authed" });
      sendJson(res, 200, { ok: false, error: "not_authed" });
      return;
    }
    if (presented !== ws.token) {
      record({ method, args: shownArgs, at, ok: false, error: "invalid_auth" });
      sendJson(res, 200, { ok: false, error: "invalid_auth" });
      return;
    }
    try {
      const reply = handler(args);
      record({ method, args: shownArgs, at, ok: true });
      sendJson(res, 200, { ok: true, ...reply });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      record({ method, args: shownArgs, at, ok: false, error: error.code });
      sendJson(res, 200, {
        ok: false,
        error: error.code,
        ...(error.detail !== undefined ? { response_metadata: { messages: [error.detail] } } : {}),
      });
    }
  };
}

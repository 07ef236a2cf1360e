// The receiving thread's HTTP handling, made of Bolt's own request functions (the signature check, the body's
// parsing, the `ssl_check` and `url_verification` answers, the acknowledgement with its 3-second watch) and
// nothing else of Bolt. Why not Bolt's HTTPReceiver and App, as the app's own process uses: loading them loads all
// of Bolt (the Web API client, OAuth, the Socket Mode client), about 23 MB of resident memory on a thread that uses
// none of it. These modules are the ones HTTPReceiver itself calls, in the order it calls them, so what Slack's
// requests meet is the same maintained code. What is the same as HTTPReceiver's own answers: 401 for a signature
// that does not verify, 413 for a body over 4 MB, 400 for one that does not parse, 404 for any other path.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { App } from "@slack/bolt";
import type { Logger as BoltLogger } from "@slack/logger";
import * as bolt from "@slack/bolt/dist/receivers/HTTPModuleFunctions.js";
import { HTTPResponseAck } from "@slack/bolt/dist/receivers/HTTPResponseAck.js";
import type { Logger } from "../logger.ts";
import { boltLogger } from "../slack/bolt-logger.ts";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

export const EVENTS_PATH = "/slack/events";

export interface FrontRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface FrontReceiverOptions {
  signingSecret: string;
  logger: Logger;
  routes: FrontRoute[];
  /** A verified request from Slack; resolves when its handling ends, rejects with what failed it. */
  onEvent(event: ReceiverEvent): Promise<void>;
}

export function frontReceiver(options: FrontReceiverOptions): RequestListener {
  const logger = boltLogger(options.logger);
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const method = (req.method ?? "GET").toUpperCase();
    if (path === EVENTS_PATH && method === "POST") {
      void handleEvent(options, logger, req, res);
      return;
    }
    const route = options.routes.find((r) => r.path === path && r.method.includes(method));
    if (route) {
      route.handler(req, res);
      return;
    }
    bolt.buildNoBodyResponse(res, 404);
  };
}

async function handleEvent(options: FrontReceiverOptions, logger: BoltLogger, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let buffered: Awaited<ReturnType<typeof bolt.parseAndVerifyHTTPRequest>>;
  try {
    buffered = await bolt.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: options.signingSecret, bodyLimit: bolt.defaultBodyLimit }, req);
  } catch (error) {
    if (bolt.isRawBodyError(error) && (error.type === "entity.too.large" || error.statusCode === 413)) {
      logger.warn(`Request body exceeded the maximum allowed size (limit: ${bolt.defaultBodyLimit} bytes)`);
      bolt.buildNoBodyResponse(res, 413);
      return;
    }
    logger.warn(`Failed to parse and verify the request data: ${error instanceof Error ? error.message : String(error)}`);
    bolt.buildNoBodyResponse(res, 401);
    return;
  }
  let body: ReceiverEvent["body"];
  try {
    body = bolt.parseHTTPRequestBody(buffered) as ReceiverEvent["body"];
  } catch (error) {
    logger.warn(`Malformed request body: ${error instanceof Error ? error.message : String(error)}`);
    bolt.buildNoBodyResponse(res, 400);
    return;
  }
  if (body.ssl_check === "1") return bolt.buildSSLCheckResponse(res);
  if (body.type === "url_verification") return bolt.buildUrlVerificationResponse(res, body);

  const ack = new HTTPResponseAck({ logger, processBeforeResponse: false, httpRequest: buffered, httpRequestBody: body, httpResponse: res });
  const event: ReceiverEvent = {
    body,
    ack: ack.bind(),
    retryNum: bolt.extractRetryNumFromHTTPRequest(req),
    retryReason: bolt.extractRetryReasonFromHTTPRequest(req),
    customProperties: {},
  };
  try {
    await options.onEvent(event);
  } catch (error) {
    // Nothing is stored to answer later: the answer is written when the listener acknowledges.
    const handled = await bolt.defaultProcessEventErrorHandler({ error: error instanceof Error ? error : new Error(String(error)), logger, request: req, response: res, storedResponse: undefined });
    if (handled) ack.ack();
  }
}

// Starts a bare Bolt App in HTTP mode against the stand-in, on an ephemeral port, for tests of the support code
// itself. The app proper will have its own factory; this only fixes the Bolt details that are easy to get wrong.
import { App, LogLevel, type AppOptions, type Logger } from "@slack/bolt";
import type { SlackStandIn } from "./slack-api.ts";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
}

/** A Bolt Logger that keeps what it is told, so tests can assert on warnings instead of printing them. */
export function memoryLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  let level = LogLevel.DEBUG;
  const keep = (kind: LogLine["level"]) => (...msg: unknown[]): void => {
    lines.push({ level: kind, message: msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" ") });
  };
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export interface StartedBolt {
  app: App;
  baseUrl: string;
  port: number;
  logger: Logger & { lines: LogLine[] };
  stop(): Promise<void>;
}

export interface StartBoltOptions {
  slack: SlackStandIn;
  signingSecret: string;
  /** Registers listeners before the server starts taking requests. */
  setup?: (app: App) => void;
  /** Extra App options; clientOptions are merged over the stand-in's URL and the no-retry default. */
  appOptions?: Partial<AppOptions>;
}

export async function startBolt(options: StartBoltOptions): Promise<StartedBolt> {
  const logger = memoryLogger();
  const { clientOptions, ...rest } = options.appOptions ?? {};
  // The constructor calls auth.test at once (tokenVerificationEnabled defaults to true), so the stand-in must
  // already be listening; retries are off so an injected fault surfaces instead of being retried for minutes.
  const app = new App({
    signingSecret: options.signingSecret,
    token: options.slack.token,
    logger,
    clientOptions: { slackApiUrl: options.slack.url, retryConfig: { retries: 0 }, ...clientOptions },
    ...rest,
  });
  options.setup?.(app);
  // With the default HTTPReceiver, App#start passes its argument to server.listen and resolves with the server.
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Bolt's server has no TCP address");
  const port = address.port;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    logger,
    async stop() {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

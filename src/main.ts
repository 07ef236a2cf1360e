// Starts the bot: `npm start` runs the compiled dist/main.js. Configuration comes from the environment (see
// .env.example); APP_ROLE chooses what this process runs (all of it by default, see src/app.ts). The start script execs node itself (no wrapper process), so SIGTERM and SIGINT reach this process
// and stop it gracefully.
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { StartError } from "./roles/start-error.ts";
import { createLogger, type Logger } from "./logger.ts";
import { handleProcessFaults } from "./observability/process-faults.ts";

const SHUTDOWN_DEADLINE_MS = 9_000;

try {
  process.loadEnvFile?.(".env");
} catch {
  // No .env file: the environment alone configures the app.
}

let logger: Logger = createLogger("info");
handleProcessFaults(() => logger);

/** The process in its role; by default (RECEIVER_THREAD unset or true), Slack's requests on this thread and the app in a worker thread. */
async function start(config: Config): Promise<{ logger: Logger; stop(): Promise<void> }> {
  if (config.receiverThread && config.role !== "worker" && config.slack.appToken === null) {
    const own = createLogger(config.logLevel);
    const { startFront } = await import("./roles/front.ts");
    const front = await startFront(config, own);
    return { logger: own, stop: () => front.stop() };
  }
  // Imported here: a receiving thread leaves the app's modules to its worker thread and never loads them itself.
  const { startProcess } = await import("./app.ts");
  const running = await startProcess({ config });
  return { logger: running.deps.logger, stop: () => running.stop() };
}

try {
  const running = await start(loadConfig(process.env));
  logger = running.logger;
  let stopping = false;
  const shutdown = async (signal: string) => {
    // One Ctrl-C reaches the app twice (from the terminal and relayed by npm): the second is not a second request.
    if (stopping) return;
    stopping = true;
    running.logger.info("shutting down", { signal });
    // A process manager waits about 10 s before it kills: stop by then, whatever is still pending (it is in the
    // database and goes out after the next start).
    setTimeout(() => {
      running.logger.error("shutdown did not finish in time; exiting", { signal });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await running.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartError) {
    console.error(`incident-desk cannot start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

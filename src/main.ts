// Starts the bot: `npm start`. Configuration comes from the environment (see .env.example).
import { ConfigError, loadConfig } from "./config.ts";
import { StartError, startApp } from "./app.ts";

try {
  process.loadEnvFile?.(".env");
} catch {
  // No .env file: the environment alone configures the app.
}

try {
  const running = await startApp({ config: loadConfig(process.env) });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.deps.logger.info("shutting down", { signal });
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

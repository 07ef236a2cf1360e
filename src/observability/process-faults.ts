// Last resort for failures nothing else caught. A promise rejected with no handler is logged and the app goes on:
// every background loop handles its own failures, so one that slipped through must not stop the desk (Node's
// default is to exit). An exception thrown outside any handler leaves the process in an unknown state: it is
// logged and the process exits non-zero, so that a supervisor starts it again.
import { faultSummary } from "../db/health.ts";
import type { Logger } from "../logger.ts";

export function handleProcessFaults(logger: () => Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger().error("unhandled promise rejection", { error: faultSummary(reason) });
  });
  process.on("uncaughtException", (error, origin) => {
    logger().error("uncaught exception; exiting", { error: faultSummary(error), origin });
    process.exit(1);
  });
}

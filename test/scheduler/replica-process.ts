// One replica of the app's scheduler, as a separate process, for the multi-process tests: it opens the database,
// says "ready", waits for "go" on stdin (so that all replicas start together), runs one pass as of a fixed time
// and prints each outcome as a JSON line. Usage: tsx replica-process.ts <database url> <as-of ISO> <batch size>
import { once } from "node:events";
import { openDatabase } from "../../src/db/client.ts";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import { runPass } from "../../src/scheduler/pass.ts";

const [url = "", asOf = "", batch = "100"] = process.argv.slice(2);
const db = await openDatabase(url);
const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
const at = new Date(asOf);
console.log("ready");
process.stdin.setEncoding("utf8");
await once(process.stdin, "data");
await runPass({ db, calendar, clock: { now: () => at }, triageChannel: "C0TRIAGE" }, {
  contact: "T4U株式会社 サポートサービス窓口", batchSize: Number(batch),
  onOutcome: (o) => console.log(JSON.stringify(o)),
});
await db.close();
process.exit(0);

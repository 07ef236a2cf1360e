// slack-sim: Slack's side of the conversation, for the tests, the demo and the bench. A Web API stand-in that
// refuses what Slack refuses (server.ts and its method families), the Block Kit rules it checks, and a driver that
// sends the app signed requests a person could really have caused.
export { startSlackStandIn } from "./server.ts";
export type * from "./types.ts";
export { createDriver } from "./driver.ts";
export type * from "./driver-types.ts";
export { validateBlocks, validateView, type Surface } from "./block-kit-rules.ts";
export { TestClock } from "./clock.ts";

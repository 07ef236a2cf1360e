// The Slack Web API stand-in lives in tools/slack-sim/; tests keep importing it from here.
export { startSlackStandIn } from "../../tools/slack-sim/server.ts";
export type * from "../../tools/slack-sim/types.ts";

// The signed-request driver lives in tools/slack-sim/; tests keep importing it from here.
export { createDriver } from "../../tools/slack-sim/driver.ts";
export type * from "../../tools/slack-sim/driver-types.ts";

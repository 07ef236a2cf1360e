// The hand-moved clock lives in tools/slack-sim/ (the demo uses it too); tests keep importing it from here.
export { TestClock } from "../../tools/slack-sim/clock.ts";

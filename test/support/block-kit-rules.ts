// The Block Kit rules live in tools/slack-sim/; tests keep importing them from here.
export { validateBlocks, validateView, type Surface } from "../../tools/slack-sim/block-kit-rules.ts";

import type { Clock } from "./services/deps.ts";

/** The real time, for the running app and the command line. Everything below them takes a Clock. */
export const systemClock: Clock = { now: () => new Date() };

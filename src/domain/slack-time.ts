// A Slack message's `ts` is when its author wrote it (seconds.micro since the epoch). Timers run from it, never
// from the time a delivery reached us, since retried deliveries can arrive minutes late (R-LIFE-2).
export function instantOfTs(ts: string): Date | null {
  if (!/^\d{9,11}\.\d{1,6}$/.test(ts)) return null;
  return new Date(Math.round(Number(ts) * 1000));
}

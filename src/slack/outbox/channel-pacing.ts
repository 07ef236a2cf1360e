// When each channel last had a message delivered, for the gap Slack wants between two messages of one channel.
// A delivery matters only until that gap has passed, so an entry is forgotten as soon as it no longer paces its
// channel: the map holds the channels delivered to in the last interval, not every channel (and direct message)
// the process ever delivered to, which would grow with the customers and people over the life of the process.
export class ChannelPacing {
  private readonly lastSent = new Map<string, number>();

  /** `now` and every `at` are on one monotonic clock (performance.now()), in ms. */
  constructor(private readonly intervalMs: number) {}

  /** A message went to the channel at `at`. Without a gap to keep there is nothing to remember. */
  sent(channelId: string, at: number): void {
    if (this.intervalMs <= 0) return;
    this.lastSent.set(channelId, at);
  }

  /** The channels that must wait before their next message, at `now`; the others are forgotten. */
  paced(now: number): Set<string> {
    const paced = new Set<string>();
    for (const [channelId, at] of this.lastSent) {
      if (now - at < this.intervalMs) paced.add(channelId);
      else this.lastSent.delete(channelId);
    }
    return paced;
  }

  /** Channels remembered (those delivered to within the last interval, until the next look). */
  get size(): number {
    return this.lastSent.size;
  }
}

// What the stand-in remembers of the app's calls, and the faults a test asked it to inject into the next ones.
import type { FaultSpec, SlackCall } from "./types.ts";

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export class CallRecorder {
  /** Every call, in order, including refused ones. */
  readonly calls: SlackCall[] = [];
  private readonly faults = new Map<string, ActiveFault[]>();

  record(call: SlackCall): void {
    this.calls.push(call);
  }

  /** Successful calls to one method. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** Fault injection for the next `times` calls to `method` (default 1). */
  fail(method: string, how: FaultSpec): void {
    const queue = this.faults.get(method) ?? [];
    queue.push({ ...how, remaining: how.times ?? 1 });
    this.faults.set(method, queue);
  }

  /** The fault the next call to `method` meets, used up by this call. */
  takeFault(method: string): FaultSpec | undefined {
    const queue = this.faults.get(method);
    const fault = queue?.[0];
    if (queue === undefined || fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    return fault;
  }

  reset(): void {
    this.calls.length = 0;
    this.faults.clear();
  }
}

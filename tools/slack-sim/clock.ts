/**
 * A clock moved by hand, for tests and the demo: the app and the stand-in read it instead of the wall clock, so a
 * trigger expires, a timer falls due or a day passes exactly when the script says so. Shaped like the app's Clock.
 */
export class TestClock {
  private current: number;
  constructor(start: string | Date) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: string | Date): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

// Bolt loads its Socket Mode client, and with it a whole HTTP client (undici, about 10 MB of resident memory with
// its WebAssembly parser), as soon as @slack/bolt is imported, whether or not the app runs in Socket Mode. Imported
// before Bolt, this module stands in for @slack/socket-mode until Bolt first reads from it, which only a Socket Mode
// receiver does (when SLACK_APP_TOKEN is set): an app serving Slack over HTTP never loads it.
import Module, { createRequire } from "node:module";

const fromBolt = createRequire(createRequire(import.meta.url).resolve("@slack/bolt"));
const id = fromBolt.resolve("@slack/socket-mode");

if (!fromBolt.cache[id]) {
  let real: Record<string | symbol, unknown> | null = null;
  const load = () => {
    if (!real) {
      // The stand-in leaves the cache first, so that Node loads the package itself in its place.
      delete fromBolt.cache[id];
      real = fromBolt("@slack/socket-mode") as Record<string | symbol, unknown>;
    }
    return real;
  };
  const standIn = new Module(id);
  standIn.filename = id;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, {
    get: (_target, key) => load()[key],
    has: (_target, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
  fromBolt.cache[id] = standIn;
}

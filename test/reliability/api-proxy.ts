// A TCP relay between the app and the Slack stand-in, so a test can take "Slack" off the network (connections
// refused), bring it back on the same address, or let requests through while losing every answer (Slack did the
// work, the app never heard: the case a blind retry would duplicate).
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";

export type ProxyMode = "pass" | "lose-answers";

export interface ApiProxy {
  /** Base URL to give the app as SLACK_API_URL. */
  readonly url: string;
  /** The stand-in's port; connections made before it is set wait for it. */
  target: number | null;
  mode: ProxyMode;
  /** Refuses connections (and drops open ones) until started again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startApiProxy(): Promise<ApiProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const proxy: ApiProxy = {
    url: "",
    target: null,
    mode: "pass",
    async stop() {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      if (server) return;
      server = listen();
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(port, "127.0.0.1", () => resolve());
      });
      port = (server.address() as AddressInfo).port;
    },
  };

  function listen(): Server {
    return createServer((client) => {
      sockets.add(client);
      client.on("close", () => sockets.delete(client));
      client.on("error", () => client.destroy());
      // A connection made before the stand-in's port is known (the app's first call, made as it starts) waits for it.
      const early: Buffer[] = [];
      let upstream: Socket | null = null;
      client.on("data", (chunk: Buffer) => (upstream ? upstream.write(chunk) : early.push(chunk)));
      const relay = () => {
        if (client.destroyed) return;
        if (proxy.target === null) {
          setTimeout(relay, 10);
          return;
        }
        upstream = connect(proxy.target, "127.0.0.1");
        sockets.add(upstream);
        for (const chunk of early.splice(0)) upstream.write(chunk);
        upstream.on("close", () => {
          sockets.delete(upstream!);
          client.destroy();
        });
        upstream.on("error", () => client.destroy());
        client.on("close", () => upstream!.destroy());
        upstream.on("data", (chunk) => {
          if (proxy.mode === "pass") client.write(chunk);
        });
      };
      relay();
    });
  }

  await proxy.start();
  Object.assign(proxy, { url: `http://127.0.0.1:${port}/api/` });
  return proxy;
}

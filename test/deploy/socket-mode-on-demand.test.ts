// What an operator sees of the app's memory at start: served over HTTP, the app does not load Bolt's Socket Mode
// client (nor the HTTP client it brings); set up for Socket Mode, it gets the real client as before.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import "../../src/slack/socket-mode-on-demand.ts";
import { App, HTTPReceiver } from "@slack/bolt";

const fromBolt = createRequire(createRequire(import.meta.url).resolve("@slack/bolt"));
// The package's entry point is in the cache from the start (the stand-in); its client and undici only once loaded.
const socketModeLoaded = () => Object.keys(fromBolt.cache).some((path) => /\/node_modules\/(undici\/|@slack\/socket-mode\/dist\/src\/SocketModeClient)/.test(path));

describe("Bolt's Socket Mode client", () => {
  it("is not loaded by an app that receives Slack's requests over HTTP", () => {
    const app = new App({ token: "xoxb-on-demand", tokenVerificationEnabled: false, receiver: new HTTPReceiver({ signingSecret: "on-demand-secret" }) });
    expect(app).toBeInstanceOf(App);
    expect(socketModeLoaded()).toBe(false);
  });

  it("is loaded, the real one, once the app is set up for Socket Mode", () => {
    const app = new App({ token: "xoxb-on-demand", tokenVerificationEnabled: false, socketMode: true, appToken: "xapp-on-demand", signingSecret: "on-demand-secret" });
    expect(socketModeLoaded()).toBe(true);
    const { SocketModeClient } = fromBolt("@slack/socket-mode") as { SocketModeClient: new (...args: never[]) => unknown };
    const receiver = Reflect.get(app, "receiver") as { client?: unknown };
    expect(receiver.client).toBeInstanceOf(SocketModeClient);
  });
});

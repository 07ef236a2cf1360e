// A local stand-in for Slack's Web API. It refuses what Slack would refuse (bad token, missing arguments, Block Kit
// over its limits, a trigger_id used twice or too late, updating a message that is gone) so that end-to-end tests
// catch the mistakes a permissive mock would hide. Only node:http and node:crypto: nothing here should need a
// dependency of its own.
//
// This file serves the stand-in on a loopback port and hands out its surface; the workspace it pretends to be is
// workspace.ts, the methods are methods/*.ts, one family per file.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiHandler } from "./dispatch.ts";
import { handleUpload } from "./methods/files.ts";
import { handleResponseUrl, issueResponseUrl } from "./response-url.ts";
import type { SlackStandIn, SlackStandInOptions } from "./types.ts";
import { settleViewSubmission } from "./view-submission.ts";
import { Workspace } from "./workspace.ts";

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const ws = new Workspace(options);
  const handleApi = createApiHandler(ws);

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = (): Promise<void> => {
      if (path.startsWith("/api/")) return handleApi(req, res, path.slice("/api/".length));
      if (req.method === "POST" && path.startsWith("/upload/v1/")) return handleUpload(ws, req, res, path.slice("/upload/v1/".length));
      if (req.method === "POST" && path.startsWith("/hooks/")) return handleResponseUrl(ws, req, res, path.slice("/hooks/".length));
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not_found");
      return Promise.resolve();
    };
    route().catch((error: unknown) => {
      // A bug in the stand-in itself: answer like an outage so the test sees it rather than hanging.
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`stand-in failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  });
  // Connections stay open between calls, as Slack's do. undici (fetch) reuses a socket only when the server's
  // keep-alive hint is longer than its own 2 s margin: a shorter hint made every call a new connection, whose
  // connect, close and error stack cost the app more CPU than its own code did. close() ends them all.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ws.origin = `http://127.0.0.1:${port}`;

  return {
    url: `${ws.origin}/api/`,
    origin: ws.origin,
    token: ws.token,
    teamId: ws.teamId,
    teamDomain: ws.teamDomain,
    botUserId: ws.botUserId,
    botId: ws.botId,
    appId: ws.appId,
    calls: ws.recorder.calls,
    uploads: ws.uploads,
    callsTo: (method) => ws.recorder.callsTo(method),
    issueTriggerId(context = {}) {
      const id = `${Math.floor(ws.clock() / 1000)}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;
      ws.triggers.set(id, { issuedAt: ws.clock(), used: false, context });
      return id;
    },
    fail: (method, how) => ws.recorder.fail(method, how),
    setUser(user) {
      ws.users.set(user.id, { ...user });
    },
    user(id) {
      const found = ws.plausibleUser(id);
      return found === undefined ? undefined : { ...found };
    },
    setChannel(channel) {
      ws.channelSetups.set(channel.id, { ...channel });
    },
    setTeam(team) {
      ws.teams.set(team.id, { ...team });
    },
    setUserGroup(id, users) {
      ws.userGroups.set(id, [...users]);
    },
    messages: (channel) => (ws.channels.get(channel) ?? []).map((m) => structuredClone(m)),
    message(channel, ts) {
      const found = ws.findMessage(channel, ts);
      return found === undefined ? undefined : structuredClone(found);
    },
    ephemerals: (channel) => ws.ephemerals.filter((e) => e.channel === channel).map((e) => structuredClone(e)),
    ephemeral(messageTs) {
      const found = ws.ephemerals.find((e) => e.message_ts === messageTs);
      return found === undefined ? undefined : structuredClone(found);
    },
    view(id) {
      const found = ws.views.get(id);
      return found === undefined ? undefined : structuredClone(found);
    },
    views: () => [...ws.views.values()].map((v) => structuredClone(v)),
    homeView(userId) {
      const id = ws.homeByUser.get(userId);
      const found = id !== undefined ? ws.views.get(id) : undefined;
      return found === undefined ? undefined : structuredClone(found);
    },
    nextTs: () => ws.nextTs(),
    now: () => ws.clock(),
    recordMessage(channel, message) {
      const list = ws.channelMessages(channel);
      if (!list.some((m) => m.ts === message.ts)) {
        list.push(structuredClone(message));
        // Seconds always have ten digits, so string order is time order.
        list.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
      }
      ws.sawTs(message.ts);
    },
    issueResponseUrl: (context) => issueResponseUrl(ws, context),
    settleViewSubmission: (viewId, ack) => settleViewSubmission(ws, viewId, ack),
    reset: () => ws.reset(),
    close() {
      for (const res of ws.hanging) res.destroy();
      ws.hanging.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

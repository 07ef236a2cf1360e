// Prisma CLI configuration. PRISMA_TARGET picks the provider ("sqlite" by default, or "postgresql").
// The CLI runs on the WebAssembly engine through a driver adapter, because native engines cannot be downloaded
// on every machine this project is built on.
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const target = process.env.PRISMA_TARGET === "postgresql" ? "postgresql" : "sqlite";
const url = process.env.DATABASE_URL ?? (target === "sqlite" ? "file:./data/prisma-cli.db" : "");

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", target, "schema.prisma"),
  migrations: { path: path.join("prisma", target, "migrations") },
  async adapter() {
    if (target === "postgresql") return new PrismaPg({ connectionString: url });
    return new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;

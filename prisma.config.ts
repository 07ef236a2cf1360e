// Prisma CLI configuration (Prisma 7), used by `prisma generate`. PRISMA_TARGET picks the provider ("sqlite" by
// default, or "postgresql"). Migrations are not run by Prisma's CLI: the project applies its committed SQL with its own
// migrator (src/db/migrate.ts), and scripts/prisma-migration.mjs diffs new ones.
import path from "node:path";
import { defineConfig } from "prisma/config";

const target = process.env.PRISMA_TARGET === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  schema: path.join("prisma", target, "schema.prisma"),
  migrations: { path: path.join("prisma", target, "migrations") },
});

// What every upgrade test starts from: an empty database of the provider under test, migrated up to just before
// the migration being tested, so the test can write rows as the older version did (in raw SQL: this version's
// client would ask for columns later migrations add) and then run the rest.
import { afterAll, beforeAll, expect } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { migrate, migrationsFor } from "../../../src/db/migrate.ts";
import { createTestDatabase, TEST_PROVIDER } from "../../support/database.ts";

export interface Upgrade {
  /** The database, made before the file's tests run and dropped after them. */
  readonly db: Database;
  /** Migrates through the migration before the one whose name ends with `suffix`; returns every name and its index. */
  before(suffix: string): Promise<{ names: string[]; index: number }>;
  /** Runs every migration left; returns the names of those it applied. */
  rest(): Promise<string[]>;
}

export function upgradeDatabase(): Upgrade {
  let made: { db: Database; drop: () => Promise<void> } | null = null;
  beforeAll(async () => {
    made = await createTestDatabase(TEST_PROVIDER, { migrated: false });
  });
  afterAll(async () => {
    await made?.drop();
  });
  const db = (): Database => {
    if (!made) throw new Error("the database is made in beforeAll");
    return made.db;
  };
  return {
    get db() {
      return db();
    },
    async before(suffix) {
      const names = migrationsFor(db().provider).map((m) => m.name);
      const index = names.findIndex((n) => n.endsWith(suffix));
      expect(index, `a migration whose name ends with ${suffix}`).toBeGreaterThan(0);
      await migrate(db(), { through: names[index - 1] });
      return { names, index };
    },
    rest: () => migrate(db()),
  };
}

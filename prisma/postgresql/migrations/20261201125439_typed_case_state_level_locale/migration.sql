-- Case state, case level and language become enums. The columns change type in place, so every row keeps its
-- value (a DROP and ADD of the columns, as a plain diff would write, would lose them).

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('open', 'in_progress', 'answered', 'resolved', 'closed', 'cancelled', 'declined');

-- CreateEnum
CREATE TYPE "CaseLevel" AS ENUM ('normal', 'A');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'en');

-- A language the app never wrote was always read as Japanese: it now says so.
UPDATE "CustomerChannel" SET "locale" = 'ja' WHERE "locale" NOT IN ('ja', 'en');

UPDATE "ReportVersion" SET "locale" = 'ja' WHERE "locale" NOT IN ('ja', 'en');

-- AlterTable
ALTER TABLE "CustomerChannel" ALTER COLUMN "locale" DROP DEFAULT,
ALTER COLUMN "locale" TYPE "Locale" USING ("locale"::"Locale"),
ALTER COLUMN "locale" SET DEFAULT 'ja';

-- AlterTable (the indexes on "state" are rebuilt with the column)
ALTER TABLE "Case" ALTER COLUMN "level" DROP DEFAULT,
ALTER COLUMN "level" TYPE "CaseLevel" USING ("level"::"CaseLevel"),
ALTER COLUMN "level" SET DEFAULT 'normal',
ALTER COLUMN "state" TYPE "CaseState" USING ("state"::"CaseState");

-- AlterTable
ALTER TABLE "ReportVersion" ALTER COLUMN "locale" TYPE "Locale" USING ("locale"::"Locale");

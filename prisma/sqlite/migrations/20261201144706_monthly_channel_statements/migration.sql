-- AlterTable (columns added in place: the channels' rows, and the tables that refer to them, stay as they are)
ALTER TABLE "CustomerChannel" ADD COLUMN "statementMonthly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CustomerChannel" ADD COLUMN "statementPostedIn" TEXT;

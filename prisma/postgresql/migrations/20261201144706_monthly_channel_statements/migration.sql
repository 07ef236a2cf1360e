-- AlterTable
ALTER TABLE "CustomerChannel" ADD COLUMN     "statementMonthly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "statementPostedIn" TEXT;


-- The kinds and states of contract events, purchase requests and proposals become enums. The columns change type in
-- place, so every row keeps its value (a DROP and ADD of the columns, as a plain diff would write, would lose them),
-- and the indexes on them are rebuilt with them.

-- CreateEnum
CREATE TYPE "ContractEventKind" AS ENUM ('renewal_answered', 'request_created', 'request_registered', 'request_declined');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('renewal', 'addition');

-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('pending', 'registered', 'declined');

-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('pending', 'approved', 'declined', 'withdrawn');

-- AlterTable
ALTER TABLE "ContractEvent" ALTER COLUMN "kind" TYPE "ContractEventKind" USING ("kind"::"ContractEventKind");

-- AlterTable
ALTER TABLE "PurchaseRequest" ALTER COLUMN "kind" TYPE "RequestKind" USING ("kind"::"RequestKind"),
ALTER COLUMN "state" DROP DEFAULT,
ALTER COLUMN "state" TYPE "RequestState" USING ("state"::"RequestState"),
ALTER COLUMN "state" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "Proposal" ALTER COLUMN "state" DROP DEFAULT,
ALTER COLUMN "state" TYPE "ProposalState" USING ("state"::"ProposalState"),
ALTER COLUMN "state" SET DEFAULT 'pending';

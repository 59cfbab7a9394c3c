-- Calls get the time they happened (called_at, backfilled from created_at) and an optional candidate
-- (product.md, Data). Indexes behind every filter and sort of the call log.

-- AlterTable
ALTER TABLE "calls" ADD COLUMN "called_at" TIMESTAMP(3),
ADD COLUMN "candidate_id" TEXT;

UPDATE "calls" SET "called_at" = "created_at";
ALTER TABLE "calls" ALTER COLUMN "called_at" SET NOT NULL, ALTER COLUMN "called_at" SET DEFAULT CURRENT_TIMESTAMP;

-- DropIndex
DROP INDEX "calls_created_at_idx";

-- DropIndex
DROP INDEX "calls_call_type_idx";

-- DropIndex
DROP INDEX "calls_status_idx";

-- DropIndex
DROP INDEX "calls_is_important_idx";


-- CreateIndex
CREATE INDEX "calls_called_at_id_idx" ON "calls"("called_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "calls_call_type_called_at_idx" ON "calls"("call_type", "called_at" DESC);

-- CreateIndex
CREATE INDEX "calls_status_called_at_idx" ON "calls"("status", "called_at" DESC);

-- CreateIndex
CREATE INDEX "calls_is_important_called_at_idx" ON "calls"("is_important", "called_at" DESC);

-- CreateIndex
CREATE INDEX "calls_candidate_id_called_at_idx" ON "calls"("candidate_id", "called_at" DESC);

-- CreateIndex
CREATE INDEX "calls_duration_secs_idx" ON "calls"("duration_secs");

-- CreateIndex
CREATE INDEX "calls_caller_name_idx" ON "calls"("caller_name");

-- CreateIndex
CREATE INDEX "calls_caller_name_trgm_idx" ON "calls" USING GIN ("caller_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "calls_caller_number_trgm_idx" ON "calls" USING GIN ("caller_number" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: durations are whole seconds up to a day.
ALTER TABLE "calls" ADD CONSTRAINT "calls_duration_range" CHECK ("duration_secs" BETWEEN 0 AND 86400);

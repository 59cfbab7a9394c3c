-- Interviews get a real interviewer (a user) and a typed interview kind (product.md, Data).
-- Existing rows keep their interviewer name, and those whose name is exactly one user's name are linked.

-- CreateEnum
CREATE TYPE "InterviewType" AS ENUM ('phone_screen', 'video', 'onsite', 'technical', 'final');

-- The free-text type becomes the enum, the seed's old spellings ("phone screen") map over, anything
-- unknown becomes 'video'.
ALTER TABLE "interviews"
  ALTER COLUMN "interview_type" TYPE "InterviewType" USING (
    CASE replace(lower(trim("interview_type")), ' ', '_')
      WHEN 'phone_screen' THEN 'phone_screen'
      WHEN 'video' THEN 'video'
      WHEN 'onsite' THEN 'onsite'
      WHEN 'technical' THEN 'technical'
      WHEN 'final' THEN 'final'
      ELSE 'video'
    END
  )::"InterviewType";

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN "interviewer_id" TEXT;

UPDATE "interviews" i SET "interviewer_id" = u."id"
FROM "users" u
WHERE u."full_name" = i."interviewer_name"
  AND (SELECT count(*) FROM "users" x WHERE x."full_name" = i."interviewer_name") = 1;

-- DropIndex
DROP INDEX "interviews_candidate_id_idx";

-- CreateIndex
CREATE INDEX "candidates_phone_idx" ON "candidates"("phone");

-- CreateIndex
CREATE INDEX "candidates_position_trgm_idx" ON "candidates" USING GIN ("position" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "interviews_candidate_id_scheduled_at_idx" ON "interviews"("candidate_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "interviews_interviewer_id_scheduled_at_idx" ON "interviews"("interviewer_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "interviews_interviewer_name_scheduled_at_idx" ON "interviews"("interviewer_name", "scheduled_at");

-- CreateIndex
CREATE INDEX "interviews_interview_type_scheduled_at_idx" ON "interviews"("interview_type", "scheduled_at");

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_interviewer_id_fkey" FOREIGN KEY ("interviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: durations are whole minutes from 5 to 8 hours, and every interview names its interviewer.
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_duration_range" CHECK ("duration_mins" BETWEEN 5 AND 480);
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_interviewer_name_present" CHECK (length(trim("interviewer_name")) > 0);

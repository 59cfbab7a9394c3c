-- The default orders of the users, candidates and interviews lists end with id (ties in the sort's
-- direction); an index on (column, id) gives the whole order, so a page stops after its rows
-- instead of sorting each group of equal values (product.md, Performance).
DROP INDEX "users_full_name_idx";
CREATE INDEX "users_full_name_id_idx" ON "users"("full_name", "id");
DROP INDEX "candidates_created_at_idx";
CREATE INDEX "candidates_created_at_id_idx" ON "candidates"("created_at", "id");
DROP INDEX "interviews_scheduled_at_idx";
CREATE INDEX "interviews_scheduled_at_id_idx" ON "interviews"("scheduled_at", "id");

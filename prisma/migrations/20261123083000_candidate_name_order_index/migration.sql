-- Candidate pickers and the list sorted by name order by (full_name, id); names repeat, so an index on
-- full_name alone sorted every group of equal names (5,000 rows read for a 20-option picker on the
-- large dataset). An index on (full_name, id) gives the whole order (product.md, Performance).
DROP INDEX "candidates_full_name_idx";
CREATE INDEX "candidates_full_name_id_idx" ON "candidates"("full_name", "id");

-- DropIndex
DROP INDEX "Person_countryId_idx";

-- DropIndex
DROP INDEX "TradeRecord_reporterId_idx";

-- DropIndex
DROP INDEX "TradeRecord_partnerId_idx";

-- CreateIndex
CREATE INDEX "Person_countryId_nameKey_id_idx" ON "Person"("countryId", "nameKey", "id");

-- CreateIndex
CREATE INDEX "TradeRecord_reporterId_periodStart_periodEnd_id_idx" ON "TradeRecord"("reporterId", "periodStart", "periodEnd", "id");

-- CreateIndex
CREATE INDEX "TradeRecord_partnerId_periodStart_periodEnd_id_idx" ON "TradeRecord"("partnerId", "periodStart", "periodEnd", "id");


-- Folded keys for case- and accent-insensitive filtering. Existing rows get lower(text), which
-- folds case but not diacritics: run `npm run seed` (or re-run synth) to refill them exactly.
-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "titleKey" TEXT NOT NULL DEFAULT '';
UPDATE "Source" SET "titleKey" = lower("title");
ALTER TABLE "Source" ALTER COLUMN "titleKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Country" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';
UPDATE "Country" SET "nameKey" = lower("name");
ALTER TABLE "Country" ALTER COLUMN "nameKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';
UPDATE "Place" SET "nameKey" = lower("name");
ALTER TABLE "Place" ALTER COLUMN "nameKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';
UPDATE "Organization" SET "nameKey" = lower("name");
ALTER TABLE "Organization" ALTER COLUMN "nameKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "labelKey" TEXT NOT NULL DEFAULT '';
UPDATE "Post" SET "labelKey" = lower("label");
ALTER TABLE "Post" ALTER COLUMN "labelKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "titleKey" TEXT NOT NULL DEFAULT '';
UPDATE "Meeting" SET "titleKey" = lower("title");
ALTER TABLE "Meeting" ALTER COLUMN "titleKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';
UPDATE "Topic" SET "nameKey" = lower("name");
ALTER TABLE "Topic" ALTER COLUMN "nameKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "textKey" TEXT NOT NULL DEFAULT '';
UPDATE "Quote" SET "textKey" = lower("text");
ALTER TABLE "Quote" ALTER COLUMN "textKey" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ReferencedEvent" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';
UPDATE "ReferencedEvent" SET "nameKey" = lower("name");
ALTER TABLE "ReferencedEvent" ALTER COLUMN "nameKey" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "Country_nameKey_idx" ON "Country"("nameKey");

-- CreateIndex
CREATE INDEX "Place_nameKey_idx" ON "Place"("nameKey");

-- CreateIndex
CREATE INDEX "Organization_nameKey_idx" ON "Organization"("nameKey");

-- CreateIndex
CREATE INDEX "Meeting_titleKey_idx" ON "Meeting"("titleKey");

-- CreateIndex
CREATE INDEX "Topic_nameKey_idx" ON "Topic"("nameKey");


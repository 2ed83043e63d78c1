-- Folded keys for case- and accent-insensitive filtering. Existing rows get lower(text), which
-- folds case but not diacritics: run `npm run seed` (or re-run synth) to refill them exactly.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "publishedOn" DATETIME NOT NULL,
    "language" TEXT NOT NULL,
    "note" TEXT,
    "informantId" TEXT,
    CONSTRAINT "Source_informantId_fkey" FOREIGN KEY ("informantId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("id", "informantId", "kind", "language", "note", "publishedOn", "publisher", "title", "titleKey") SELECT "id", "informantId", "kind", "language", "note", "publishedOn", "publisher", "title", lower("title") FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_informantId_idx" ON "Source"("informantId");
CREATE TABLE "new_Country" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "officialName" TEXT
);
INSERT INTO "new_Country" ("code", "id", "name", "officialName", "nameKey") SELECT "code", "id", "name", "officialName", lower("name") FROM "Country";
DROP TABLE "Country";
ALTER TABLE "new_Country" RENAME TO "Country";
CREATE UNIQUE INDEX "Country_code_key" ON "Country"("code");
CREATE INDEX "Country_nameKey_idx" ON "Country"("nameKey");
CREATE TABLE "new_Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryId" TEXT NOT NULL,
    CONSTRAINT "Place_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Place" ("countryId", "id", "kind", "name", "nameKey") SELECT "countryId", "id", "kind", "name", lower("name") FROM "Place";
DROP TABLE "Place";
ALTER TABLE "new_Place" RENAME TO "Place";
CREATE INDEX "Place_countryId_idx" ON "Place"("countryId");
CREATE INDEX "Place_name_idx" ON "Place"("name");
CREATE INDEX "Place_nameKey_idx" ON "Place"("nameKey");
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" TEXT NOT NULL,
    "countryId" TEXT,
    "parentId" TEXT,
    CONSTRAINT "Organization_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Organization" ("acronym", "countryId", "id", "kind", "name", "parentId", "nameKey") SELECT "acronym", "countryId", "id", "kind", "name", "parentId", lower("name") FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE INDEX "Organization_countryId_idx" ON "Organization"("countryId");
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");
CREATE INDEX "Organization_name_idx" ON "Organization"("name");
CREATE INDEX "Organization_nameKey_idx" ON "Organization"("nameKey");
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "labelKey" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "countryId" TEXT,
    CONSTRAINT "Post_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Post_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("countryId", "id", "label", "organizationId", "role", "labelKey") SELECT "countryId", "id", "label", "organizationId", "role", lower("label") FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_organizationId_idx" ON "Post"("organizationId");
CREATE INDEX "Post_countryId_idx" ON "Post"("countryId");
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "cameoCode" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "datePrecision" TEXT NOT NULL,
    "dateInferred" BOOLEAN NOT NULL,
    "dateNote" TEXT,
    "placeId" TEXT,
    "placeInferred" BOOLEAN NOT NULL,
    "placeNote" TEXT,
    "tone" TEXT,
    "summary" TEXT NOT NULL,
    CONSTRAINT "Meeting_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("cameoCode", "date", "dateInferred", "dateNote", "datePrecision", "id", "placeId", "placeInferred", "placeNote", "summary", "title", "tone", "type", "titleKey") SELECT "cameoCode", "date", "dateInferred", "dateNote", "datePrecision", "id", "placeId", "placeInferred", "placeNote", "summary", "title", "tone", "type", lower("title") FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_date_idx" ON "Meeting"("date");
CREATE INDEX "Meeting_placeId_idx" ON "Meeting"("placeId");
CREATE INDEX "Meeting_type_idx" ON "Meeting"("type");
CREATE INDEX "Meeting_titleKey_idx" ON "Meeting"("titleKey");
CREATE TABLE "new_Topic" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parentId" TEXT,
    CONSTRAINT "Topic_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Topic" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Topic" ("description", "id", "name", "parentId", "nameKey") SELECT "description", "id", "name", "parentId", lower("name") FROM "Topic";
DROP TABLE "Topic";
ALTER TABLE "new_Topic" RENAME TO "Topic";
CREATE INDEX "Topic_parentId_idx" ON "Topic"("parentId");
CREATE INDEX "Topic_name_idx" ON "Topic"("name");
CREATE INDEX "Topic_nameKey_idx" ON "Topic"("nameKey");
CREATE TABLE "new_Quote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "postId" TEXT,
    "text" TEXT NOT NULL,
    "textKey" TEXT NOT NULL,
    "attributedAs" TEXT NOT NULL,
    CONSTRAINT "Quote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quote_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Quote" ("attributedAs", "id", "meetingId", "postId", "speakerId", "text", "textKey") SELECT "attributedAs", "id", "meetingId", "postId", "speakerId", "text", lower("text") FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_meetingId_idx" ON "Quote"("meetingId");
CREATE INDEX "Quote_speakerId_idx" ON "Quote"("speakerId");
CREATE INDEX "Quote_postId_idx" ON "Quote"("postId");
CREATE TABLE "new_ReferencedEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "date" DATETIME,
    "datePrecision" TEXT,
    "dateInferred" BOOLEAN NOT NULL,
    "dateNote" TEXT,
    "placeId" TEXT,
    "organizationId" TEXT,
    CONSTRAINT "ReferencedEvent_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReferencedEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ReferencedEvent" ("date", "dateInferred", "dateNote", "datePrecision", "description", "id", "kind", "name", "organizationId", "placeId", "nameKey") SELECT "date", "dateInferred", "dateNote", "datePrecision", "description", "id", "kind", "name", "organizationId", "placeId", lower("name") FROM "ReferencedEvent";
DROP TABLE "ReferencedEvent";
ALTER TABLE "new_ReferencedEvent" RENAME TO "ReferencedEvent";
CREATE INDEX "ReferencedEvent_placeId_idx" ON "ReferencedEvent"("placeId");
CREATE INDEX "ReferencedEvent_organizationId_idx" ON "ReferencedEvent"("organizationId");
CREATE INDEX "ReferencedEvent_date_idx" ON "ReferencedEvent"("date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


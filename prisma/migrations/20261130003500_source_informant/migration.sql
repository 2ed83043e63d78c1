-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "publishedOn" DATETIME NOT NULL,
    "language" TEXT NOT NULL,
    "note" TEXT,
    "informantId" TEXT,
    CONSTRAINT "Source_informantId_fkey" FOREIGN KEY ("informantId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("id", "kind", "language", "note", "publishedOn", "publisher", "title") SELECT "id", "kind", "language", "note", "publishedOn", "publisher", "title" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_informantId_idx" ON "Source"("informantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


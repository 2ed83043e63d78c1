-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "text" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "word" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,

    PRIMARY KEY ("documentId", "position"),
    CONSTRAINT "SearchTerm_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchVariant" (
    "word" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    PRIMARY KEY ("word", "key")
);

-- CreateIndex
CREATE INDEX "SearchDocument_entityId_idx" ON "SearchDocument"("entityId");

-- CreateIndex
CREATE INDEX "SearchTerm_word_idx" ON "SearchTerm"("word");

-- CreateIndex
CREATE INDEX "SearchVariant_key_idx" ON "SearchVariant"("key");


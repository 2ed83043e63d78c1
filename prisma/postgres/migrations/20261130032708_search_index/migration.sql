-- CreateEnum
CREATE TYPE "SearchEntityType" AS ENUM ('COUNTRY', 'MEETING', 'ORGANIZATION', 'PERSON', 'QUOTE', 'TOPIC');

-- CreateEnum
CREATE TYPE "SearchField" AS ENUM ('ACRONYM', 'ALIAS', 'CODE', 'DEMONYM', 'DESCRIPTION', 'NAME', 'OFFICIAL_NAME', 'SUMMARY', 'TEXT', 'TITLE');

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL,
    "entityType" "SearchEntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" "SearchField" NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "word" TEXT NOT NULL,
    "entityType" "SearchEntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" "SearchField" NOT NULL,
    "wordCount" INTEGER NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("documentId","position")
);

-- CreateTable
CREATE TABLE "SearchVariant" (
    "word" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "SearchVariant_pkey" PRIMARY KEY ("word","key")
);

-- CreateIndex
CREATE INDEX "SearchDocument_entityId_idx" ON "SearchDocument"("entityId");

-- CreateIndex
CREATE INDEX "SearchTerm_word_idx" ON "SearchTerm"("word");

-- CreateIndex
CREATE INDEX "SearchVariant_key_idx" ON "SearchVariant"("key");

-- AddForeignKey
ALTER TABLE "SearchTerm" ADD CONSTRAINT "SearchTerm_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


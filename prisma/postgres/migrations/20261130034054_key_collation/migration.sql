-- Folded keys compare byte by byte, as on SQLite, whatever the database's default collation:
-- ordering by a name then agrees on both engines, and a btree index serves LIKE 'prefix%'
-- (startsWith), which a linguistic collation's index cannot.
ALTER TABLE "Source" ALTER COLUMN "titleKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Country" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Place" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Organization" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Post" ALTER COLUMN "labelKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Meeting" ALTER COLUMN "titleKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Topic" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Quote" ALTER COLUMN "textKey" TYPE TEXT COLLATE "C";
ALTER TABLE "ReferencedEvent" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Person" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "PersonAlias" ALTER COLUMN "nameKey" TYPE TEXT COLLATE "C";
ALTER TABLE "CountryDemonym" ALTER COLUMN "labelKey" TYPE TEXT COLLATE "C";

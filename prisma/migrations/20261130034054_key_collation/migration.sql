-- Nothing to do on SQLite: its default collation (BINARY) already compares folded keys byte by
-- byte. The PostgreSQL migration of the same name gives the keys that collation explicitly.
SELECT 1;

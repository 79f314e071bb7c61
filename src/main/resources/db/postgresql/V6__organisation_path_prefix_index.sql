-- PostgreSQL only (the postgres profile adds this folder to Flyway's locations): a subtree is
-- "path LIKE '/TSW/HP/%'", which PostgreSQL answers from a btree index only under the C collation or
-- with the pattern operator class. Without it every subtree lookup scanned all organisations
-- (about 10 ms for 30,000, at each of a campaign's hundreds of assessments); H2 uses the plain index.
CREATE INDEX organisation_path_prefix ON organisation (path varchar_pattern_ops);

-- How many sources stand for each value of a quantity is counted among its current positions when
-- asked (issue #14): they are few and share a leaf (migration 0026), and the counts kept in a
-- table of their own were one more B-tree written, at the leaf of an incident wherever it lay, for
-- every position stored or dropped. The counts were always those of the positions (checked on a
-- store of 90,000 documents: 215,345 rows, none different), so nothing is carried over.
DROP TABLE incident_value_sources;

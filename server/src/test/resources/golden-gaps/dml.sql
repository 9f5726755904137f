# DML that PostgreSQL accepts and Basalt does not.

statement ok
CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10), n INTEGER DEFAULT 7)

statement ok
CREATE TABLE s (id INTEGER PRIMARY KEY, v VARCHAR(10))

statement count 2
INSERT INTO s VALUES (1, 'from_s'), (3, 'three')

statement count 1
INSERT INTO t VALUES (1, 'one', 1)

# Basalt: 42601 for RETURNING, ON CONFLICT, DEFAULT VALUES, SET col = DEFAULT, UPDATE ... FROM,
# DELETE ... USING and a WITH clause in front of INSERT; MERGE is 0A000.
query IT
INSERT INTO t VALUES (2, 'b') RETURNING id, v
----
2 b

statement count 0
INSERT INTO t VALUES (1, 'x') ON CONFLICT DO NOTHING

statement count 1
INSERT INTO t VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET v = 'upd'

statement ok
CREATE TABLE all_defaults (id INTEGER DEFAULT 1 PRIMARY KEY, n INTEGER DEFAULT 7)

statement count 1
INSERT INTO all_defaults DEFAULT VALUES

statement count 1
UPDATE t SET n = DEFAULT WHERE id = 1

statement count 1
UPDATE t SET v = s.v FROM s WHERE s.id = t.id

statement count 1
DELETE FROM t USING s WHERE s.id = t.id

statement count 1
WITH w AS (SELECT 50 AS id) INSERT INTO t (id) SELECT id FROM w

statement count 2
MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v
  WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)

# Basalt: 42804 "Values passed to VALUES operator must have compatible types" when one row of a
# multi-row VALUES has a typed literal and another an untyped string. PostgreSQL resolves the
# column type across the rows.
statement ok
CREATE TABLE dt (id INTEGER PRIMARY KEY, d DATE, b BOOLEAN)

statement count 2
INSERT INTO dt VALUES (1, DATE '2024-01-01', TRUE), (2, '2024-01-02', 'false')

query IDB
SELECT id, d, b FROM dt ORDER BY id
----
1 2024-01-01 true
2 2024-01-02 false

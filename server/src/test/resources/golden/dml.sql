# INSERT, UPDATE and DELETE: update counts, column lists, expressions, subqueries, atomicity.

statement ok
CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL, qty INTEGER DEFAULT 0, price DECIMAL(7, 2))

statement count 1
INSERT INTO item VALUES (1, 'apple', 10, 0.50)

# Column lists in any order; omitted columns take their default or NULL.
statement count 1
INSERT INTO item (price, name, id) VALUES (1.25, 'pear', 2)

statement count 3
INSERT INTO item (id, name, qty) VALUES (3, 'plum', 7), (4, 'fig', 0), (5, 'kiwi', 2 + 3)

statement count 1
INSERT INTO item VALUES (6, 'lime' || 's', NULL, 2)

query ITIR
SELECT id, name, qty, price FROM item ORDER BY id
----
1 apple 10 0.50
2 pear 0 1.25
3 plum 7 NULL
4 fig 0 NULL
5 kiwi 5 NULL
6 limes NULL 2.00

# UPDATE reads the old row: x = x + 1 on every row, and a swap of two columns.
statement count 6
UPDATE item SET qty = qty + 1

query II
SELECT id, qty FROM item ORDER BY id
----
1 11
2 1
3 8
4 1
5 6
6 NULL

statement count 0
UPDATE item SET qty = 100 WHERE id > 99

statement count 3
UPDATE item SET price = 9.99, qty = qty * 2 WHERE price IS NULL

query IIR
SELECT id, qty, price FROM item ORDER BY id
----
1 11 0.50
2 1 1.25
3 16 9.99
4 2 9.99
5 12 9.99
6 NULL 2.00

statement ok
CREATE TABLE pair (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)

statement count 2
INSERT INTO pair VALUES (1, 10, 20), (2, 30, 40)

statement count 2
UPDATE pair SET a = b, b = a

query III
SELECT id, a, b FROM pair ORDER BY id
----
1 20 10
2 40 30

# Key ranges: UPDATE and DELETE of several rows by primary key.
statement count 3
UPDATE item SET name = 'x' || name WHERE id BETWEEN 2 AND 4

query IT
SELECT id, name FROM item WHERE id <= 5 ORDER BY id
----
1 apple
2 xpear
3 xplum
4 xfig
5 kiwi

statement count 2
DELETE FROM item WHERE id IN (2, 4, 42)

statement count 1
DELETE FROM item WHERE id = 5

statement count 0
DELETE FROM item WHERE id = 5

query I
SELECT id FROM item ORDER BY id
----
1
3
6

# A key can be updated as long as it stays unique.
statement count 1
UPDATE item SET id = 30 WHERE id = 3

statement error 23505
UPDATE item SET id = 1 WHERE id = 30

query IT
SELECT id, name FROM item ORDER BY id
----
1 apple
6 limes
30 xplum

# INSERT ... SELECT, from another table and from the table itself.
statement ok
CREATE TABLE archive (id INTEGER PRIMARY KEY, name VARCHAR(12), total DECIMAL(9, 2))

statement count 2
INSERT INTO archive (id, name, total) SELECT id, name, qty * price FROM item WHERE qty IS NOT NULL

statement count 2
INSERT INTO archive SELECT id + 100, 'copy', total FROM archive

query ITR
SELECT id, name, total FROM archive ORDER BY id
----
1 apple 5.50
30 xplum 159.84
101 copy 5.50
130 copy 159.84

statement count 0
INSERT INTO archive SELECT id, name, NULL FROM item WHERE id < 0

# Subqueries in SET and WHERE.
statement count 1
UPDATE archive SET total = (SELECT MAX(total) FROM archive) WHERE id = 1

statement count 2
DELETE FROM archive WHERE id IN (SELECT id + 100 FROM item)

statement count 1
DELETE FROM archive WHERE EXISTS (SELECT 1 FROM item WHERE item.id = archive.id AND item.name = 'xplum')

query ITR
SELECT id, name, total FROM archive ORDER BY id
----
1 apple 159.84

# A statement that fails leaves none of its changes behind.
statement error 23505
INSERT INTO archive VALUES (2, 'a', 1), (3, 'b', 2), (1, 'dup', 3)

statement error 22001
UPDATE item SET name = name || '-long-suffix'

statement error 23502
UPDATE item SET name = NULL WHERE id = 6

query IT
SELECT id, name FROM item ORDER BY id
----
1 apple
6 limes
30 xplum

query I
SELECT COUNT(*) FROM archive
----
1

statement count 3
DELETE FROM item

query I
SELECT COUNT(*) FROM item
----
0

# Prepared-statement free values of every common type go through INSERT ... VALUES expressions.
statement ok
CREATE TABLE exprs (id INTEGER PRIMARY KEY, n BIGINT, d DATE, b BOOLEAN)

statement count 2
INSERT INTO exprs VALUES (1, 2 * 3000000000, DATE '2024-01-31' + INTERVAL '1' DAY, 1 < 2), (2, -1, NULL, NOT TRUE)

query IIDB
SELECT * FROM exprs ORDER BY id
----
1 6000000000 2024-02-01 true
2 -1 NULL false

# VALUES shorter than the column list fills the rest with defaults (PostgreSQL).
statement ok
CREATE TABLE short (id INTEGER PRIMARY KEY, v VARCHAR(10), n INTEGER DEFAULT 7)

statement count 1
INSERT INTO short VALUES (1)

statement count 1
INSERT INTO short (id, n) VALUES (2, DEFAULT)

statement count 1
INSERT INTO short (id) WITH w AS (SELECT 3 AS id) SELECT id FROM w

statement count 1
UPDATE short AS s SET v = 'alias' WHERE s.id = 2

query ITI
SELECT * FROM short ORDER BY id
----
1 NULL 7
2 alias 7
3 NULL 7

statement count 1
DELETE FROM short AS s WHERE s.v IS NOT NULL

# Correlated subqueries in UPDATE and DELETE, and subqueries over the table being changed:
# they see the table as it was before the statement.
statement ok
CREATE TABLE target (id INTEGER PRIMARY KEY, v VARCHAR(10), n INTEGER)

statement ok
CREATE TABLE source (id INTEGER PRIMARY KEY, v VARCHAR(10))

statement count 3
INSERT INTO target VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)

statement count 2
INSERT INTO source VALUES (1, 'S1'), (3, 'S3')

statement count 3
UPDATE target SET v = (SELECT source.v FROM source WHERE source.id = target.id)

statement count 2
UPDATE target SET n = n * 10 WHERE EXISTS (SELECT 1 FROM source WHERE source.id = target.id)

query ITI
SELECT id, v, n FROM target ORDER BY id
----
1 S1 10
2 NULL 2
3 S3 30

statement count 1
DELETE FROM target WHERE n = (SELECT MIN(n) FROM target)

statement count 2
UPDATE target SET n = n + 1 WHERE n < (SELECT MAX(n) + 100 FROM target)

statement count 1
DELETE FROM target WHERE id IN (SELECT id FROM target ORDER BY n DESC LIMIT 1)

query II
SELECT id, n FROM target
----
1 11

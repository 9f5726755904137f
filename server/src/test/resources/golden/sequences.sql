# Sequences and identity columns, TRUNCATE, ALTER TABLE ADD / DROP COLUMN.

statement ok
CREATE SEQUENCE s START WITH 10 INCREMENT BY 5

query I
SELECT NEXT VALUE FOR s
----
10

query I
SELECT NEXT VALUE FOR s
----
15

statement ok
CREATE SEQUENCE small MINVALUE 1 MAXVALUE 2

query I
SELECT NEXT VALUE FOR small
----
1

query I
SELECT NEXT VALUE FOR small
----
2

query error 2200H
SELECT NEXT VALUE FOR small

statement error 22023
CREATE SEQUENCE bad INCREMENT BY 0

statement error 42P07
CREATE SEQUENCE s

statement ok
DROP SEQUENCE s

statement error 42P01
DROP SEQUENCE s

statement ok
CREATE TABLE item (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(10))

statement ok
CREATE TABLE tag (id BIGSERIAL PRIMARY KEY, label VARCHAR(10))

statement count 2
INSERT INTO item (name) VALUES ('a'), ('b')

statement count 1
INSERT INTO tag (label) VALUES ('x')

query IT
SELECT id, name FROM item ORDER BY id
----
1 a
2 b

query I
SELECT id FROM tag
----
1

statement error 428C9
INSERT INTO item (id, name) VALUES (9, 'c')

statement error 2BP01
DROP SEQUENCE item_id_seq

statement ok
TRUNCATE item RESTART IDENTITY

statement count 1
INSERT INTO item (name) VALUES ('c')

query IT
SELECT id, name FROM item
----
1 c

statement ok
ALTER TABLE item ADD COLUMN price DECIMAL(6,2)

statement count 1
INSERT INTO item (name, price) VALUES ('d', 2.50)

query TR
SELECT name, price FROM item ORDER BY id
----
c NULL
d 2.50

statement ok
ALTER TABLE item DROP COLUMN price

query IT
SELECT * FROM item ORDER BY id
----
1 c
2 d

statement error 2BP01
ALTER TABLE item DROP COLUMN id

# PostgreSQL: column "qty" of relation "item" contains null values.
statement error 23502
ALTER TABLE item ADD COLUMN qty INT NOT NULL

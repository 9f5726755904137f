# Secondary indexes: CREATE [UNIQUE] INDEX ... [GLOBAL | LOCAL], DROP INDEX, UNIQUE constraints,
# queries answered through them, and the errors.

statement ok
CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20), city VARCHAR(20), age INT)

statement count 5
INSERT INTO person VALUES (1, 'ann', 'oslo', 30), (2, 'bob', 'rome', 41), (3, 'cid', 'oslo', 25),
  (4, 'dan', NULL, 30), (5, 'eve', 'lima', 52)

statement ok
CREATE INDEX person_city ON person (city)

statement ok
CREATE INDEX person_age ON person (age) GLOBAL

statement ok
CREATE INDEX person_name ON person (name) LOCAL

query T
SELECT name FROM person WHERE city = 'oslo' ORDER BY name
----
ann
cid

query T
SELECT name FROM person WHERE age BETWEEN 26 AND 45 ORDER BY name
----
ann
bob
dan

query I
SELECT age FROM person WHERE name = 'eve'
----
52

# The indexes follow every change of their rows.
statement count 1
UPDATE person SET city = 'rome' WHERE id = 1

statement count 1
DELETE FROM person WHERE id = 3

statement count 1
UPDATE person SET id = 13 WHERE id = 2

query IT rowsort
SELECT id, name FROM person WHERE city = 'rome'
----
1 ann
13 bob

query I
SELECT count(*) FROM person WHERE city = 'oslo'
----
0

# An index name is a relation name: unique among tables and indexes.
statement error 42P07
CREATE INDEX person_city ON person (age)

statement error 42P07
CREATE INDEX person ON person (age)

statement ok
CREATE INDEX IF NOT EXISTS person_city ON person (age)

statement error 42703
CREATE INDEX person_nope ON person (nope)

statement error 42P01
CREATE INDEX nope_idx ON nope (a)

statement ok
DROP INDEX person_city

statement error 42704
DROP INDEX person_city

statement ok
DROP INDEX IF EXISTS person_city

query T
SELECT name FROM person WHERE city = 'lima'
----
eve

# UNIQUE indexes and constraints: many NULLs, no duplicates, swaps within one statement.
statement ok
CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE, nick VARCHAR(10),
  CONSTRAINT nick_once UNIQUE (nick))

statement count 4
INSERT INTO account VALUES (1, NULL, 'a'), (2, NULL, 'b'), (3, 'c@x', 'c'), (4, 'd@x', 'd')

statement error 23505
INSERT INTO account VALUES (5, 'c@x', 'e')

statement error 23505
INSERT INTO account VALUES (5, 'e@x', 'a')

statement error 23505
UPDATE account SET email = 'c@x' WHERE id = 1

statement count 2
UPDATE account SET email = CASE email WHEN 'c@x' THEN 'd@x' ELSE 'c@x' END WHERE id IN (3, 4)

query I
SELECT id FROM account WHERE email = 'c@x'
----
4

statement error 2BP01
DROP INDEX nick_once

# CREATE UNIQUE INDEX on rows that already repeat a value fails and leaves no index.
statement error 23505
CREATE UNIQUE INDEX person_age_key ON person (age)

statement ok
CREATE INDEX person_age_key ON person (age)

# A local unique index must contain the partition key (here the primary key).
statement error 42P16
CREATE UNIQUE INDEX person_name_key ON person (name) LOCAL

statement ok
CREATE UNIQUE INDEX person_name_id_key ON person (name, id) LOCAL

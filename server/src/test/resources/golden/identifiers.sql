# Identifiers: unquoted names are case-insensitive, quoted names keep their case and may hold
# any character. (Basalt folds unquoted names to upper case where PostgreSQL folds to lower;
# only what both foldings agree on is checked here.)

statement ok
CREATE TABLE Items (Id INTEGER PRIMARY KEY, ItemName VARCHAR(10))

statement count 1
INSERT INTO ITEMS (ID, ITEMNAME) VALUES (1, 'a')

statement count 1
insert into items (id, itemname) values (2, 'b')

query IT
SELECT iD, itemNAME FROM iTeMs ORDER BY ID
----
1 a
2 b

query IT
SELECT I.id, i.ItemName FROM items AS i WHERE I.ID > 1
----
2 b

statement error 42P07
CREATE TABLE ITEMS (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE "Quoted" ("Key" INTEGER PRIMARY KEY, "lower" INTEGER, "with space" VARCHAR(5), "select" INTEGER)

statement count 1
INSERT INTO "Quoted" VALUES (1, 2, 'x y', 3)

query IITI
SELECT "Key", "lower", "with space", "select" FROM "Quoted"
----
1 2 'x y' 3

query IITI
SELECT q."Key", q."lower", q."with space", q."select" FROM "Quoted" q WHERE q."Key" = 1
----
1 2 'x y' 3

# A quoted mixed-case name is found only when quoted the same way.
query error 42P01
SELECT * FROM Quoted

query error 42P01
SELECT * FROM "QUOTED"

query error 42P01
SELECT * FROM "quoted"

query error 42703
SELECT key FROM "Quoted"

query error 42703
SELECT "KEY" FROM "Quoted"

# Quoted names differing only in case are different tables.
statement ok
CREATE TABLE "Case" (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE "cASE" (id INTEGER PRIMARY KEY)

statement count 1
INSERT INTO "Case" VALUES (1)

query II
SELECT (SELECT COUNT(*) FROM "Case"), (SELECT COUNT(*) FROM "cASE")
----
1 0

statement ok
DROP TABLE "cASE"

query I
SELECT COUNT(*) FROM "Case"
----
1

# A doubled quote inside a quoted name is one quote.
statement ok
CREATE TABLE "a""b" ("x""y" INTEGER PRIMARY KEY)

statement count 1
INSERT INTO "a""b" VALUES (5)

query I
SELECT "x""y" FROM "a""b"
----
5

# Reserved words are names when quoted.
statement ok
CREATE TABLE "order" ("group" INTEGER PRIMARY KEY, "from" VARCHAR(5))

statement count 1
INSERT INTO "order" ("group", "from") VALUES (1, 'here')

query IT
SELECT "group", "from" FROM "order" ORDER BY "group"
----
1 here

# Column aliases follow the same rules.
query I
SELECT x."One" FROM (SELECT 1 AS "One") x
----
1

query I
SELECT x.total FROM (SELECT 2 AS Total) x
----
2

query error 42703
SELECT x."one" FROM (SELECT 1 AS "One") x

# Transaction behaviour where Basalt differs from PostgreSQL.

statement ok
CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INTEGER NOT NULL)

statement count 1
INSERT INTO acct VALUES (1, 100)

# Basalt: 42601 for SAVEPOINT and ROLLBACK TO SAVEPOINT.
statement ok
BEGIN

statement count 1
INSERT INTO acct VALUES (10, 10)

statement ok
SAVEPOINT s1

statement count 1
INSERT INTO acct VALUES (11, 11)

statement ok
ROLLBACK TO SAVEPOINT s1

statement ok
RELEASE SAVEPOINT s1

statement ok
COMMIT

query I
SELECT id FROM acct WHERE id >= 10
----
10

# Basalt: 25001, DDL is refused inside a transaction block (it is not transactional yet).
# PostgreSQL's DDL is transactional.
statement ok
BEGIN

statement ok
CREATE TABLE tx_ddl (id INTEGER PRIMARY KEY)

statement ok
ROLLBACK

query error 42P01
SELECT * FROM tx_ddl

# Basalt: 25001, DDL is refused inside a transaction block.
statement ok
BEGIN

statement count 1
INSERT INTO acct VALUES (12, 12)

statement ok
CREATE TABLE tx_ddl2 (id INTEGER PRIMARY KEY)

statement ok
COMMIT

# Basalt: 25P02 "it has been rolled back instead of committed". PostgreSQL ends the failed
# transaction with a rollback and no error (the command tag says ROLLBACK).
statement ok
BEGIN

statement error 22012
SELECT 1 / 0

statement ok
COMMIT

# Basalt: 42704 unrecognized parameter (and Statement.setQueryTimeout is accepted but ignored:
# a statement waiting for a row lock is never cancelled with 57014).
statement ok
SET statement_timeout = '5s'

query T
SHOW statement_timeout
----
5s

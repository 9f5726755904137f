# Transaction control in one session, what a second session sees, isolation settings, and the
# error states of a transaction. Record order is the interleaving; "connection" switches session.

statement ok
CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INTEGER NOT NULL)

statement count 2
INSERT INTO acct VALUES (1, 100), (2, 50)

# ---- A transaction sees its own writes; others see them only after COMMIT ------------------------------

statement ok
BEGIN

statement count 1
UPDATE acct SET bal = bal - 10 WHERE id = 1

statement count 1
INSERT INTO acct VALUES (3, 5)

query II
SELECT id, bal FROM acct ORDER BY id
----
1 90
2 50
3 5

connection other

query II
SELECT id, bal FROM acct ORDER BY id
----
1 100
2 50

connection default

statement ok
ROLLBACK

query II
SELECT id, bal FROM acct ORDER BY id
----
1 100
2 50

statement ok
START TRANSACTION

statement count 1
INSERT INTO acct VALUES (3, 5)

statement count 1
DELETE FROM acct WHERE id = 2

statement ok
COMMIT

connection other

query II
SELECT id, bal FROM acct ORDER BY id
----
1 100
3 5

connection default

statement count 1
INSERT INTO acct VALUES (2, 50)

# Outside a transaction, COMMIT and ROLLBACK only warn; a second BEGIN is ignored.
statement ok
COMMIT

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
BEGIN

statement ok
COMMIT

statement ok
BEGIN WORK

statement ok
ROLLBACK WORK

statement ok
BEGIN TRANSACTION

statement ok
END

# ---- Isolation level: session default, per transaction, SHOW ----------------------------------------

statement ok
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED

query T
SHOW TRANSACTION ISOLATION LEVEL
----
'read committed'

statement ok
BEGIN ISOLATION LEVEL REPEATABLE READ

query T
SHOW TRANSACTION ISOLATION LEVEL
----
'repeatable read'

statement ok
COMMIT

query T
SHOW transaction_isolation
----
'read committed'

statement ok
BEGIN

statement ok
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE

query T
SHOW TRANSACTION ISOLATION LEVEL
----
serializable

statement ok
COMMIT

# SET TRANSACTION outside a transaction has no effect.
statement ok
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE

query T
SHOW TRANSACTION ISOLATION LEVEL
----
'read committed'

# ... and inside one, only before its first query.
statement ok
BEGIN

query I
SELECT COUNT(*) FROM acct
----
3

statement error 25001
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE

statement ok
ROLLBACK

# ---- An error aborts the transaction: 25P02 until it ends, and nothing of it stays ------------------

statement ok
BEGIN

statement count 1
UPDATE acct SET bal = 0 WHERE id = 1

statement error 22012
SELECT 1 / 0

query error 25P02
SELECT 1

statement error 25P02
INSERT INTO acct VALUES (9, 9)

statement ok
ROLLBACK

query II
SELECT id, bal FROM acct ORDER BY id
----
1 100
2 50
3 5

# ---- READ ONLY ---------------------------------------------------------------------------------------

statement ok
BEGIN READ ONLY

query I
SELECT bal FROM acct WHERE id = 1
----
100

statement error 25006
INSERT INTO acct VALUES (9, 9)

statement ok
ROLLBACK

# ---- REPEATABLE READ: one snapshot per transaction; a concurrent update of a row is 40001 -------------

statement ok
BEGIN ISOLATION LEVEL REPEATABLE READ

query I
SELECT bal FROM acct WHERE id = 2
----
50

connection other

statement count 1
UPDATE acct SET bal = 60 WHERE id = 2

connection default

query I
SELECT bal FROM acct WHERE id = 2
----
50

statement error 40001
UPDATE acct SET bal = bal + 1 WHERE id = 2

statement ok
ROLLBACK

query I
SELECT bal FROM acct WHERE id = 2
----
60

# ---- READ COMMITTED: each statement sees what was committed before it -------------------------------

statement ok
BEGIN ISOLATION LEVEL READ COMMITTED

query I
SELECT bal FROM acct WHERE id = 2
----
60

connection other

statement count 1
UPDATE acct SET bal = 70 WHERE id = 2

connection default

query I
SELECT bal FROM acct WHERE id = 2
----
70

statement count 1
UPDATE acct SET bal = bal + 1 WHERE id = 2

statement ok
COMMIT

query I
SELECT bal FROM acct WHERE id = 2
----
71

# ---- Row locks: lock_timeout and NOWAIT give 55P03 instead of waiting ---------------------------------

statement ok
BEGIN

statement count 1
UPDATE acct SET bal = 1 WHERE id = 1

connection other

statement ok
SET lock_timeout = '100ms'

query T
SHOW lock_timeout
----
100ms

statement error 55P03
UPDATE acct SET bal = 2 WHERE id = 1

query error 55P03
SELECT bal FROM acct WHERE id = 1 FOR UPDATE NOWAIT

query I
SELECT bal FROM acct WHERE id = 1
----
100

connection default

statement ok
COMMIT

connection other

query I
SELECT bal FROM acct WHERE id = 1
----
1

statement ok
RESET lock_timeout

query T
SHOW lock_timeout
----
0

# ---- Other settings --------------------------------------------------------------------------------

query T
SHOW application_name
----
(empty)

statement ok
SET application_name = 'golden'

query T
SHOW application_name
----
golden

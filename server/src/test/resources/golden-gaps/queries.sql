# Queries PostgreSQL answers and Basalt does not, or answers differently.

statement ok
CREATE TABLE emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, dept VARCHAR(10),
  salary DECIMAL(8, 2), age INTEGER, manager_id INTEGER)

statement count 6
INSERT INTO emp VALUES (1, 'Ann', 'ENG', 100.00, 30, NULL), (2, 'Bob', 'ENG', 80.50, 25, 1),
  (3, 'Cid', 'OPS', 70.00, NULL, 1), (4, 'Dee', 'OPS', 90.00, 41, 3),
  (5, 'Eve', NULL, 60.00, 35, NULL), (6, 'Fay', 'ENG', 80.50, 28, 2)

# ---- Wrong results -----------------------------------------------------------------------------------

# Basalt: accepted. PostgreSQL allows an output alias in ORDER BY only as a bare name (Calcite
# resolves it inside an expression too).
query error 42703
SELECT id * 10 AS tens FROM emp ORDER BY tens + 1

# Basalt: accepted, the integer becomes a timestamp (1 -> 1970-01-01 00:00:00.001).
query error 42804
SELECT id FROM emp UNION SELECT CAST(NULL AS TIMESTAMP) FROM emp

# Basalt: accepted, compares with 1/0; PostgreSQL has no integer = boolean operator.
query error 42883
SELECT id FROM emp WHERE id = TRUE

# Basalt: 22P02, it converts the VARCHAR column to a number ('ENG' fails); PostgreSQL has no
# varchar = integer operator.
query error 42883
SELECT id FROM emp WHERE dept = 10

# Basalt: the result is VARCHAR '1'. PostgreSQL resolves CASE/COALESCE to INTEGER, and 'x' is
# not an integer.
query error 22P02
SELECT CASE WHEN id > 0 THEN 1 ELSE 'x' END FROM emp

query error 22P02
SELECT COALESCE(1, 'x')

# ---- Missing features ----------------------------------------------------------------------------------

# Basalt: 42601.
query TT
SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, name
----
ENG Ann
OPS Cid
NULL Eve

query I
SELECT 1 WHERE FALSE
----

query IT
SELECT id, name FROM emp ORDER BY name COLLATE "C" LIMIT 1
----
1 Ann

# Basalt: 42883 (ILIKE) and 42601 (~).
query T
SELECT name FROM emp WHERE name ILIKE 'a%'
----
Ann

query T
SELECT name FROM emp WHERE name ~ '^[AB]' ORDER BY name
----
Ann
Bob

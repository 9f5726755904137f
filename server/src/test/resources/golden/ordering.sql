# ORDER BY that a keyed scan of one partition answers in key order, without a sort (see EXPLAIN
# tests): the rows must still come out in SQL's order, for every key type that takes part, and
# LIMIT / OFFSET / FETCH FIRST must stop in the right place.

statement ok
CREATE TABLE q (w INTEGER, id INTEGER, v VARCHAR(5), PRIMARY KEY (w, id)) PARTITION BY HASH (w)

statement count 9
INSERT INTO q VALUES (1, 5, 'e'), (1, -3, 'b'), (1, 0, 'c'), (1, 2147483647, 'z'), (1, -2147483648, 'a'),
  (1, 1, 'd'), (2, 4, 'x'), (2, -1, 'y'), (3, 7, 'w')

query IT
SELECT id, v FROM q WHERE w = 1 ORDER BY id
----
-2147483648 a
-3 b
0 c
1 d
5 e
2147483647 z

query I
SELECT id FROM q WHERE w = 1 ORDER BY id FETCH FIRST 2 ROWS ONLY
----
-2147483648
-3

query I
SELECT id FROM q WHERE w = 1 ORDER BY id LIMIT 2 OFFSET 3
----
1
5

query I
SELECT id FROM q WHERE w = 1 AND id > 0 ORDER BY id LIMIT 2
----
1
5

query I
SELECT id FROM q WHERE w = 1 AND v <> 'c' ORDER BY w, id LIMIT 3
----
-2147483648
-3
1

query I
SELECT id FROM q WHERE w = 1 ORDER BY id DESC LIMIT 2
----
2147483647
5

query II
SELECT w, id FROM q ORDER BY w, id
----
1 -2147483648
1 -3
1 0
1 1
1 5
1 2147483647
2 -1
2 4
3 7

# A LIMIT under a filter on a non-key column pulls until it has its rows.
query T
SELECT v FROM q WHERE w = 1 AND v > 'c' ORDER BY id FETCH FIRST 2 ROWS ONLY
----
d
e

statement ok
CREATE TABLE money (acct INTEGER, amount DECIMAL(10, 2), dt DATE, PRIMARY KEY (acct, amount, dt))
  PARTITION BY HASH (acct)

statement count 6
INSERT INTO money VALUES (1, 10.50, DATE '2024-03-01'), (1, -0.01, DATE '2024-01-01'), (1, 10.5, DATE '2023-12-31'),
  (1, 2.00, DATE '2024-02-29'), (1, -100.00, DATE '2024-01-15'), (2, 0, DATE '2024-01-01')

query RD
SELECT amount, dt FROM money WHERE acct = 1 ORDER BY amount, dt
----
-100.00 2024-01-15
-0.01 2024-01-01
2.00 2024-02-29
10.50 2023-12-31
10.50 2024-03-01

query D
SELECT dt FROM money WHERE acct = 1 AND amount = 10.5 ORDER BY dt LIMIT 1
----
2023-12-31

# FOR UPDATE under a LIMIT returns the first row in key order.
query I
SELECT id FROM q WHERE w = 1 ORDER BY id FETCH FIRST 1 ROWS ONLY FOR UPDATE
----
-2147483648

# Text keys are not taken as ordered by the scan (a sort stays), and still order right.
statement ok
CREATE TABLE tk (g INTEGER, k VARCHAR(10), PRIMARY KEY (g, k)) PARTITION BY HASH (g)

statement count 4
INSERT INTO tk VALUES (1, 'b'), (1, 'B'), (1, 'a'), (1, 'ab')

query T
SELECT k FROM tk WHERE g = 1 ORDER BY k
----
B
a
ab
b

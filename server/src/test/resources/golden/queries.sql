# SELECT: predicates, ordering, paging, joins, subqueries, grouping, set operations, CASE.

statement ok
CREATE TABLE emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, dept VARCHAR(10),
  salary DECIMAL(8, 2), age INTEGER, manager_id INTEGER)

statement ok
CREATE TABLE dept (code VARCHAR(10) PRIMARY KEY, title VARCHAR(30))

statement ok
CREATE TABLE grade (g CHAR(1) PRIMARY KEY, lo DECIMAL(8, 2), hi DECIMAL(8, 2))

statement count 6
INSERT INTO emp VALUES (1, 'Ann', 'ENG', 100.00, 30, NULL), (2, 'Bob', 'ENG', 80.50, 25, 1),
  (3, 'Cid', 'OPS', 70.00, NULL, 1), (4, 'Dee', 'OPS', 90.00, 41, 3),
  (5, 'Eve', NULL, 60.00, 35, NULL), (6, 'Fay', 'ENG', 80.50, 28, 2)

statement count 3
INSERT INTO dept VALUES ('ENG', 'Engineering'), ('OPS', 'Operations'), ('HR', 'Human resources')

statement count 3
INSERT INTO grade VALUES ('A', 90, 200), ('B', 75, 89.99), ('C', 0, 74.99)

# ---- WHERE: comparisons skip NULLs, three-valued logic -----------------------------------------

query I
SELECT id FROM emp WHERE age > 30 ORDER BY id
----
4
5

query I
SELECT id FROM emp WHERE age <> 30 ORDER BY id
----
2
4
5
6

query I
SELECT id FROM emp WHERE NOT (dept = 'ENG') ORDER BY id
----
3
4

query I
SELECT id FROM emp WHERE age IS NULL OR dept IS NULL ORDER BY id
----
3
5

query I
SELECT id FROM emp WHERE age = NULL
----

query I
SELECT id FROM emp WHERE salary BETWEEN 70 AND 80.50 AND name LIKE '%o%' OR id = 6 ORDER BY id
----
2
6

query I
SELECT id FROM emp WHERE dept IN ('OPS', 'HR') ORDER BY id
----
3
4

query I
SELECT id FROM emp WHERE dept NOT IN ('OPS', 'HR') ORDER BY id
----
1
2
6

# ---- ORDER BY, LIMIT, OFFSET, FETCH --------------------------------------------------------------

query TR
SELECT name, salary FROM emp ORDER BY salary DESC, name
----
Ann 100.00
Dee 90.00
Bob 80.50
Fay 80.50
Cid 70.00
Eve 60.00

# PostgreSQL puts NULLs last ascending and first descending.
query TI
SELECT name, age FROM emp ORDER BY age
----
Bob 25
Fay 28
Ann 30
Eve 35
Dee 41
Cid NULL

query TI
SELECT name, age FROM emp ORDER BY age DESC
----
Cid NULL
Dee 41
Eve 35
Ann 30
Fay 28
Bob 25

query TI
SELECT name, age FROM emp ORDER BY age DESC NULLS LAST LIMIT 2
----
Dee 41
Eve 35

query TT
SELECT name, dept FROM emp ORDER BY dept NULLS FIRST, name DESC
----
Eve NULL
Fay ENG
Bob ENG
Ann ENG
Dee OPS
Cid OPS

query IT
SELECT id * 10 AS tens, name FROM emp ORDER BY tens DESC LIMIT 2 OFFSET 1
----
50 Eve
40 Dee

query I
SELECT id FROM emp ORDER BY 1 OFFSET 4
----
5
6

query I
SELECT id FROM emp ORDER BY id FETCH FIRST 2 ROWS ONLY
----
1
2

query I
SELECT id FROM emp ORDER BY id OFFSET 2 ROWS FETCH NEXT 1 ROW ONLY
----
3

query I
SELECT id FROM emp ORDER BY id LIMIT 0
----

query I
SELECT id FROM emp ORDER BY id OFFSET 10
----

# ---- Joins ----------------------------------------------------------------------------------------

query TT
SELECT e.name, d.title FROM emp e JOIN dept d ON e.dept = d.code ORDER BY e.id
----
Ann Engineering
Bob Engineering
Cid Operations
Dee Operations
Fay Engineering

query TT
SELECT e.name, m.name FROM emp e, emp m WHERE e.manager_id = m.id ORDER BY e.name
----
Bob Ann
Cid Ann
Dee Cid
Fay Bob

query TT
SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code WHERE e.id >= 4 ORDER BY e.id
----
Dee Operations
Eve NULL
Fay Engineering

query TT rowsort
SELECT d.code, e.name FROM emp e RIGHT JOIN dept d ON e.dept = d.code
----
ENG Ann
ENG Bob
ENG Fay
HR NULL
OPS Cid
OPS Dee

query TT rowsort
SELECT e.name, d.code FROM emp e FULL OUTER JOIN dept d ON e.dept = d.code
----
Ann ENG
Bob ENG
Cid OPS
Dee OPS
Eve NULL
Fay ENG
NULL HR

# Range predicates as join conditions.
query TT
SELECT e.name, g.g FROM emp e JOIN grade g ON e.salary BETWEEN g.lo AND g.hi ORDER BY e.id
----
Ann A
Bob B
Cid C
Dee A
Eve C
Fay B

query TT
SELECT e.name, g.g FROM emp e LEFT JOIN grade g ON e.salary >= g.lo AND e.salary <= g.hi AND g.g <> 'C'
ORDER BY e.id
----
Ann A
Bob B
Cid NULL
Dee A
Eve NULL
Fay B

query TT rowsort
SELECT e.name, g.g FROM emp e RIGHT JOIN grade g ON e.salary > g.hi
----
Ann B
Ann C
Bob C
Dee B
Dee C
Fay C
NULL A

query TT rowsort
SELECT e.name, g.g FROM emp e FULL JOIN grade g ON e.salary > g.lo AND g.g = 'A'
----
Ann A
Bob NULL
Cid NULL
Dee NULL
Eve NULL
Fay NULL
NULL B
NULL C

query TT
SELECT a.name, b.name FROM emp a, emp b WHERE a.dept = b.dept AND a.salary < b.salary ORDER BY a.name, b.name
----
Bob Ann
Cid Dee
Fay Ann

query TTT
SELECT e.name, m.name, d.title FROM emp e JOIN emp m ON e.manager_id = m.id JOIN dept d ON m.dept = d.code
WHERE e.age < 40 ORDER BY e.id
----
Bob Ann Engineering
Fay Bob Engineering

query I
SELECT COUNT(*) FROM emp CROSS JOIN dept
----
18

# ---- Subqueries ----------------------------------------------------------------------------------

query TR
SELECT name, salary - (SELECT MIN(salary) FROM emp WHERE dept = 'OPS') FROM emp WHERE dept = 'OPS' ORDER BY id
----
Cid 0.00
Dee 20.00

query T
SELECT name FROM emp WHERE salary = (SELECT MAX(salary) FROM emp)
----
Ann

query T
SELECT name FROM emp WHERE id IN (SELECT manager_id FROM emp) ORDER BY name
----
Ann
Bob
Cid

# NOT IN over a set that holds a NULL is never true.
query T
SELECT name FROM emp WHERE id NOT IN (SELECT manager_id FROM emp)
----

query T
SELECT name FROM emp WHERE id NOT IN (SELECT manager_id FROM emp WHERE manager_id IS NOT NULL) ORDER BY name
----
Dee
Eve
Fay

query T
SELECT d.title FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.code AND e.age > 40)
----
Operations

query T
SELECT d.code FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.code)
----
HR

query TI
SELECT d.code, (SELECT COUNT(*) FROM emp e WHERE e.dept = d.code) FROM dept d ORDER BY d.code
----
ENG 3
HR 0
OPS 2

query TR
SELECT e.name, e.salary FROM emp e
WHERE e.salary > (SELECT MIN(x.salary) FROM emp x WHERE x.dept = e.dept) ORDER BY e.id
----
Ann 100.00
Dee 90.00

query TI
SELECT t.dept, t.n FROM (SELECT dept, COUNT(*) AS n FROM emp GROUP BY dept) t WHERE t.n > 1 ORDER BY t.dept
----
ENG 3
OPS 2

query TR
WITH totals AS (SELECT dept, SUM(salary) AS total FROM emp WHERE dept IS NOT NULL GROUP BY dept)
SELECT dept, total FROM totals ORDER BY total DESC
----
ENG 261.00
OPS 160.00

query I
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r
----
1
2
3

query ITI
WITH RECURSIVE chain(id, name, depth) AS (
  SELECT id, name, 0 FROM emp WHERE id = 6
  UNION ALL
  SELECT m.id, m.name, c.depth + 1 FROM chain AS c JOIN emp AS e ON e.id = c.id JOIN emp AS m ON m.id = e.manager_id)
SELECT id, name, depth FROM chain ORDER BY depth
----
6 Fay 0
2 Bob 1
1 Ann 2

query II
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) SELECT SUM(n), COUNT(*) FROM r
----
10 4

# ---- Aggregation ---------------------------------------------------------------------------------

query TIIRRRI
SELECT dept, COUNT(*), COUNT(age), SUM(salary), MIN(salary), MAX(salary), SUM(age)
FROM emp GROUP BY dept ORDER BY dept
----
ENG 3 3 261.00 80.50 100.00 83
OPS 2 1 160.00 70.00 90.00 41
NULL 1 1 60.00 60.00 60.00 35

query TR
SELECT dept, ROUND(AVG(salary), 2) FROM emp GROUP BY dept HAVING COUNT(*) > 1 ORDER BY dept
----
ENG 87.00
OPS 80.00

query TI
SELECT dept, COUNT(*) FROM emp WHERE dept IS NOT NULL GROUP BY dept HAVING SUM(salary) > 200
----
ENG 3

query IIRRI
SELECT COUNT(*), COUNT(salary), SUM(salary), MAX(salary), SUM(age) FROM emp WHERE id > 100
----
0 0 NULL NULL NULL

query II
SELECT COUNT(DISTINCT dept), COUNT(DISTINCT salary) FROM emp
----
2 5

query T
SELECT DISTINCT dept FROM emp ORDER BY dept
----
ENG
OPS
NULL

query TR rowsort
SELECT DISTINCT dept, salary FROM emp WHERE dept = 'ENG'
----
ENG 100.00
ENG 80.50

query IIT
SELECT COUNT(*), MIN(age), MAX(name) FROM emp
----
6 25 Fay

query TI
SELECT CASE WHEN age < 30 THEN 'young' ELSE 'other' END AS bucket, COUNT(*) FROM emp
GROUP BY CASE WHEN age < 30 THEN 'young' ELSE 'other' END ORDER BY bucket
----
other 4
young 2

# SUM of BIGINT is NUMERIC, so it cannot wrap around; SUM of DECIMAL(p, s) keeps scale s.
statement ok
CREATE TABLE big (id INTEGER PRIMARY KEY, b BIGINT, x DECIMAL(3, 2))

statement count 3
INSERT INTO big VALUES (1, 9000000000000000000, 9.99), (2, 9000000000000000000, 9.99), (3, -5, 1.25)

query RR
SELECT SUM(b), SUM(x) FROM big
----
17999999999999999995 21.23

query IR
SELECT id, SUM(b) FROM big GROUP BY id ORDER BY id
----
1 9000000000000000000
2 9000000000000000000
3 -5

query IR
SELECT COUNT(DISTINCT x), SUM(b) FROM big
----
2 17999999999999999995

query IR
SELECT id, SUM(b) OVER (ORDER BY id) FROM big ORDER BY id
----
1 9000000000000000000
2 18000000000000000000
3 17999999999999999995

# The same column in aggregates that widen it and in ones that do not.
query RIRR
SELECT SUM(b), MAX(b), SUM(x), MAX(x) FROM big
----
17999999999999999995 9000000000000000000 21.23 9.99

# AVG of integers and decimals is NUMERIC with 16 fractional digits here (at least 16 significant
# ones in PostgreSQL); the sum of a DECIMAL(3, 2) may need more digits than one value has.
query R
SELECT AVG(x) FROM (VALUES (1.00), (2.00), (2.00)) AS v(x)
----
1.6666666666666667

query RR
SELECT AVG(salary), AVG(age) FROM emp WHERE dept = 'ENG'
----
87.0000000000000000 27.6666666666666667

query RR
SELECT ROUND(AVG(x), 2), AVG(x) FROM big
----
7.08 7.0766666666666667

query R
SELECT ROUND(AVG(b)) FROM big WHERE id <= 2
----
9000000000000000000

query RR
SELECT AVG(age) FILTER (WHERE dept = 'ENG'), AVG(DISTINCT salary) FROM emp
----
27.6666666666666667 80.1000000000000000

query TR
SELECT name, AVG(age) OVER (ORDER BY id) FROM emp WHERE id <= 2 ORDER BY id
----
Ann 30.0000000000000000
Bob 27.5000000000000000

# STDDEV and VARIANCE of exact numbers are exact NUMERIC; COVAR is DOUBLE PRECISION.
query RRRR
SELECT STDDEV_SAMP(age), VAR_SAMP(age), VAR_POP(age), STDDEV_POP(age) FROM emp WHERE dept = 'ENG'
----
2.5166114784235832 6.3333333333333333 4.2222222222222222 2.0548046676563255

query RRR
SELECT VARIANCE(salary), STDDEV(salary), VAR_SAMP(age) FROM emp WHERE dept = 'OPS'
----
200.0000000000000000 14.1421356237309505 NULL

query R
SELECT COVAR_POP(age, age) FROM emp WHERE id <= 2
----
6.25

query R
SELECT AVG(age) FROM emp WHERE id > 100
----
NULL

# ---- Set operations ------------------------------------------------------------------------------

query T
SELECT dept FROM emp WHERE dept IS NOT NULL UNION SELECT code FROM dept ORDER BY 1
----
ENG
HR
OPS

query T
SELECT dept FROM emp WHERE id <= 2 UNION ALL SELECT code FROM dept WHERE code = 'ENG' ORDER BY 1
----
ENG
ENG
ENG

query T
SELECT code FROM dept INTERSECT SELECT dept FROM emp ORDER BY 1
----
ENG
OPS

query T
SELECT code FROM dept EXCEPT SELECT dept FROM emp
----
HR

query I
SELECT COUNT(*) FROM (SELECT dept FROM emp UNION SELECT dept FROM emp) u
----
3

# ---- CASE, COALESCE, NULLIF, IN lists --------------------------------------------------------------

query TT
SELECT name, CASE dept WHEN 'ENG' THEN 'e' WHEN 'OPS' THEN 'o' ELSE '?' END FROM emp ORDER BY id
----
Ann e
Bob e
Cid o
Dee o
Eve ?
Fay e

query TT
SELECT name, CASE WHEN salary >= 90 THEN 'high' WHEN salary >= 75 THEN 'mid' END FROM emp ORDER BY id
----
Ann high
Bob mid
Cid NULL
Dee high
Eve NULL
Fay mid

query TTI
SELECT name, COALESCE(dept, 'none'), COALESCE(age, manager_id, -1) FROM emp ORDER BY id
----
Ann ENG 30
Bob ENG 25
Cid OPS 1
Dee OPS 41
Eve none 35
Fay ENG 28

query IT
SELECT id, NULLIF(dept, 'ENG') FROM emp WHERE id IN (1, 3, 5) ORDER BY id
----
1 NULL
3 OPS
5 NULL

query TB
SELECT name, age IN (25, 30, NULL) FROM emp ORDER BY id
----
Ann true
Bob true
Cid NULL
Dee NULL
Eve NULL
Fay NULL

query B
SELECT 1 IN (1, NULL)
----
true

# ---- SELECT without FROM, VALUES, expressions and aliases ---------------------------------------

query IT
SELECT 1 + 2 * 3, 'a' || 'b'
----
7 ab

query IT rowsort
VALUES (1, 'x'), (2, 'y')
----
1 x
2 y

query TI
SELECT UPPER(e.name) AS n, e.age + 1 AS next_age FROM emp AS e WHERE e.age IS NOT NULL ORDER BY next_age DESC LIMIT 1
----
DEE 42

# ---- Window functions, ROLLUP, FILTER ------------------------------------------------------------

query TTI
SELECT name, dept, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY id) FROM emp ORDER BY id
----
Ann ENG 1
Bob ENG 2
Cid OPS 1
Dee OPS 2
Eve NULL 1
Fay ENG 3

query TR
SELECT name, SUM(salary) OVER (ORDER BY id) FROM emp WHERE id <= 3 ORDER BY id
----
Ann 100.00
Bob 180.50
Cid 250.50

query TII
SELECT name, RANK() OVER (ORDER BY salary DESC), DENSE_RANK() OVER (ORDER BY salary DESC) FROM emp ORDER BY id
----
Ann 1 1
Bob 3 3
Cid 5 4
Dee 2 2
Eve 6 5
Fay 3 3

query TII
SELECT dept, COUNT(*), GROUPING(dept) FROM emp GROUP BY ROLLUP (dept) ORDER BY GROUPING(dept), dept
----
ENG 3 0
OPS 2 0
NULL 1 0
NULL 6 1

query II
SELECT COUNT(*) FILTER (WHERE dept = 'ENG'), COUNT(*) FROM emp
----
3 6

# ---- More predicates and grouping forms ------------------------------------------------------------

query I
SELECT id FROM emp WHERE age IS DISTINCT FROM 30 ORDER BY id
----
2
3
4
5
6

query I
SELECT id FROM emp WHERE age IS NOT DISTINCT FROM NULL
----
3

query T
SELECT name FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept = 'OPS') ORDER BY name
----
Ann

query T
SELECT name FROM emp WHERE salary = ANY (SELECT salary FROM emp WHERE id = 2) ORDER BY name
----
Bob
Fay

query II
SELECT id, age FROM emp WHERE age BETWEEN SYMMETRIC 35 AND 30 ORDER BY id
----
1 30
5 35

query I
SELECT COUNT(*) FROM emp WHERE (dept, age) = ('ENG', 30)
----
1

query TI
SELECT dept AS d, COUNT(*) FROM emp GROUP BY d ORDER BY d
----
ENG 3
OPS 2
NULL 1

query TI
SELECT dept, COUNT(*) FROM emp GROUP BY 1 ORDER BY 2 DESC, 1
----
ENG 3
OPS 2
NULL 1

query I
SELECT COUNT(*) FROM emp HAVING COUNT(*) > 5
----
6

query TT
SELECT e.name, x.title FROM emp e, LATERAL (SELECT title FROM dept d WHERE d.code = e.dept) x WHERE e.id <= 2
ORDER BY e.id
----
Ann Engineering
Bob Engineering

query I
(SELECT id FROM emp ORDER BY id LIMIT 1) UNION ALL (SELECT id FROM emp ORDER BY id DESC LIMIT 1)
----
1
6

query I
SELECT id FROM emp ORDER BY id LIMIT ALL OFFSET 4
----
5
6

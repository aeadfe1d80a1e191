-- Reporting queries in plain ANSI SQL: common table expressions (some
-- recursive, some shadowing a table's name), set operations, subqueries
-- in every clause, derived tables, window functions.

CREATE TABLE departments (
    dept_id    INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES departments (dept_id),
    name       VARCHAR(80) NOT NULL
);

CREATE TABLE employees (
    emp_id     INTEGER PRIMARY KEY,
    dept_id    INTEGER NOT NULL,
    manager_id INTEGER,
    salary     DECIMAL(12, 2),
    hired_on   DATE,
    FOREIGN KEY (dept_id) REFERENCES departments (dept_id),
    FOREIGN KEY (manager_id) REFERENCES employees (emp_id)
);

CREATE TABLE projects (
    project_id INTEGER PRIMARY KEY,
    dept_id    INTEGER REFERENCES departments,
    budget     DECIMAL(14, 2)
);

CREATE TABLE assignments (
    emp_id     INTEGER REFERENCES employees (emp_id),
    project_id INTEGER REFERENCES projects (project_id),
    hours      INTEGER
);

CREATE TABLE salary_report (
    dept_id    INTEGER,
    total      DECIMAL(14, 2)
);

-- The department tree, walked recursively.
WITH RECURSIVE tree (dept_id, parent_id, depth) AS (
    SELECT dept_id, parent_id, 0 FROM departments WHERE parent_id IS NULL
    UNION ALL
    SELECT d.dept_id, d.parent_id, t.depth + 1
    FROM departments d JOIN tree t ON d.parent_id = t.dept_id
)
SELECT t.dept_id, t.depth, (SELECT count(*) FROM employees e WHERE e.dept_id = t.dept_id) AS headcount
FROM tree t
ORDER BY t.depth;

-- A CTE named like a table: "projects" here is the CTE, not the table.
WITH projects AS (
    SELECT a.project_id, sum(a.hours) AS hours FROM assignments a GROUP BY a.project_id
),
busy AS (
    SELECT project_id FROM projects WHERE hours > 100
)
SELECT b.project_id FROM busy b;

-- Set operations and derived tables.
SELECT emp_id FROM employees WHERE salary > 100000
UNION
SELECT a.emp_id FROM assignments a
INTERSECT
SELECT x.emp_id FROM (SELECT emp_id, count(*) AS n FROM assignments GROUP BY emp_id) x WHERE x.n > 3
EXCEPT
SELECT manager_id FROM employees WHERE manager_id IS NOT NULL;

-- Subqueries in SELECT, FROM, WHERE and HAVING, window functions.
SELECT d.name,
       avg(e.salary) AS avg_salary,
       rank() OVER (ORDER BY avg(e.salary) DESC) AS salary_rank
FROM departments d
JOIN employees e ON e.dept_id = d.dept_id
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.dept_id = d.dept_id AND p.budget > 0)
GROUP BY d.name
HAVING count(*) > (SELECT avg(cnt) FROM (SELECT count(*) AS cnt FROM employees GROUP BY dept_id) c);

-- A nested WITH inside a subquery, and INSERT ... SELECT from a CTE.
INSERT INTO salary_report (dept_id, total)
WITH totals AS (
    SELECT dept_id, sum(salary) AS total FROM employees GROUP BY dept_id
)
SELECT t.dept_id, t.total
FROM totals t
WHERE t.total > (WITH m AS (SELECT max(budget) AS b FROM projects) SELECT b FROM m);

UPDATE employees
SET salary = salary * 1.05
WHERE dept_id IN (SELECT dept_id FROM departments WHERE name = 'Research');

DELETE FROM assignments
WHERE project_id NOT IN (SELECT project_id FROM projects);

MERGE INTO salary_report r
USING (SELECT dept_id, sum(salary) AS total FROM employees GROUP BY dept_id) s
ON (r.dept_id = s.dept_id)
WHEN MATCHED THEN UPDATE SET total = s.total
WHEN NOT MATCHED THEN INSERT (dept_id, total) VALUES (s.dept_id, s.total);

SELECT e.emp_id, e.salary FROM employees e WHERE e.emp_id = 7 FOR UPDATE;

TRUNCATE TABLE salary_report;

SELECT column_name FROM information_schema.columns WHERE table_name = 'employees';

-- Oracle HR: standalone routines with local subprograms, ref cursors,
-- alternative quoting, hierarchical queries, RETURNING INTO.

CREATE TABLE hr_departments (
    dept_id    NUMBER PRIMARY KEY,
    parent_id  NUMBER,
    name       VARCHAR2(60),
    CONSTRAINT fk_dept_parent FOREIGN KEY (parent_id) REFERENCES hr_departments (dept_id)
);

CREATE TABLE hr_employees (
    emp_id     NUMBER PRIMARY KEY,
    dept_id    NUMBER REFERENCES hr_departments (dept_id),
    salary     NUMBER(10, 2),
    email      VARCHAR2(120)
);

CREATE TABLE hr_salary_log (
    emp_id     NUMBER,
    old_salary NUMBER(10, 2),
    new_salary NUMBER(10, 2),
    changed_on DATE
);

CREATE GLOBAL TEMPORARY TABLE hr_scratch (
    emp_id NUMBER
) ON COMMIT DELETE ROWS;

CREATE OR REPLACE PROCEDURE give_raise(p_dept IN NUMBER, p_pct IN NUMBER) AUTHID DEFINER IS
    v_old hr_employees.salary%TYPE;
    v_row hr_employees%ROWTYPE;

    PROCEDURE log_change(p_emp NUMBER, p_old NUMBER, p_new NUMBER) IS
    BEGIN
        INSERT INTO hr_salary_log (emp_id, old_salary, new_salary, changed_on)
        VALUES (p_emp, p_old, p_new, SYSDATE);
    END log_change;
BEGIN
    FOR e IN (SELECT emp_id, salary FROM hr_employees
              WHERE dept_id IN (SELECT dept_id FROM hr_departments
                                START WITH dept_id = p_dept
                                CONNECT BY PRIOR dept_id = parent_id))
    LOOP
        UPDATE hr_employees SET salary = salary * (1 + p_pct / 100)
         WHERE emp_id = e.emp_id
        RETURNING salary INTO v_old;
        log_change(e.emp_id, e.salary, v_old);
    END LOOP;
    INSERT INTO hr_scratch (emp_id) SELECT emp_id FROM hr_employees WHERE dept_id = p_dept;
    DELETE FROM hr_scratch;
END give_raise;
/

CREATE OR REPLACE FUNCTION find_employees(p_filter IN VARCHAR2) RETURN SYS_REFCURSOR IS
    c SYS_REFCURSOR;
BEGIN
    OPEN c FOR 'SELECT emp_id, email FROM hr_employees WHERE ' || p_filter;
    RETURN c;
END;
/

CREATE OR REPLACE PROCEDURE purge_log(p_days IN NUMBER) IS
BEGIN
    EXECUTE IMMEDIATE q'[DELETE FROM hr_salary_log WHERE changed_on < SYSDATE - :d]' USING p_days;
    EXECUTE IMMEDIATE 'ANALYZE TABLE ' || 'hr_' || 'salary_log' || ' COMPUTE STATISTICS';
    DBMS_STATS.GATHER_TABLE_STATS(USER, 'HR_EMPLOYEES');
    give_raise(p_dept => 10, p_pct => 0);
END purge_log;
/

CREATE OR REPLACE TRIGGER trg_salary_guard
BEFORE INSERT OR UPDATE OF salary ON hr_employees
FOR EACH ROW
BEGIN
    IF :NEW.salary < 0 THEN
        raise_application_error(-20010, q'{salary can't be negative}');
    END IF;
    SELECT MAX(new_salary) INTO :NEW.salary FROM hr_salary_log WHERE emp_id = :NEW.emp_id AND :NEW.salary IS NULL;
END;
/

MERGE INTO hr_employees e
USING hr_scratch s ON (e.emp_id = s.emp_id)
WHEN MATCHED THEN UPDATE SET e.salary = e.salary DELETE WHERE e.salary IS NULL;

SELECT LEVEL, name FROM hr_departments START WITH parent_id IS NULL CONNECT BY PRIOR dept_id = parent_id;

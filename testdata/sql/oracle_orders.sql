-- Oracle orders: overloaded package routines, a package initialisation
-- block, pipelined functions, WHERE CURRENT OF, RETURNING BULK COLLECT,
-- an autonomous logger, a compound trigger.

CREATE TABLE ord_header (
    id        NUMBER PRIMARY KEY,
    customer  VARCHAR2(80),
    status    VARCHAR2(10)
);

CREATE TABLE ord_line (
    ord_id    NUMBER NOT NULL,
    line_no   NUMBER NOT NULL,
    qty       NUMBER,
    CONSTRAINT pk_ord_line PRIMARY KEY (ord_id, line_no),
    CONSTRAINT fk_line_header FOREIGN KEY (ord_id) REFERENCES ord_header (id) ON DELETE CASCADE
);

CREATE TABLE ord_config (
    key   VARCHAR2(30) PRIMARY KEY,
    value VARCHAR2(200)
);

CREATE TABLE ord_errors (
    at    TIMESTAMP,
    msg   VARCHAR2(4000)
);

CREATE OR REPLACE PROCEDURE log_error(p_msg IN VARCHAR2) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
BEGIN
    INSERT INTO ord_errors (at, msg) VALUES (SYSTIMESTAMP, p_msg);
    COMMIT;
END log_error;
/

CREATE OR REPLACE PACKAGE BODY orders AS
    g_max_lines NUMBER;

    PROCEDURE cancel(p_id IN NUMBER) IS
        CURSOR c_lines IS SELECT line_no FROM ord_line WHERE ord_id = p_id FOR UPDATE;
    BEGIN
        FOR l IN c_lines LOOP
            DELETE FROM ord_line WHERE CURRENT OF c_lines;
        END LOOP;
        UPDATE ord_header SET status = 'CANCELLED' WHERE id = p_id;
    EXCEPTION
        WHEN OTHERS THEN
            log_error(SQLERRM);
            RAISE;
    END cancel;

    PROCEDURE cancel(p_customer IN VARCHAR2) IS
        TYPE t_ids IS TABLE OF NUMBER;
        v_ids t_ids;
    BEGIN
        DELETE FROM ord_header WHERE customer = p_customer
        RETURNING id BULK COLLECT INTO v_ids;
        FOR i IN 1 .. v_ids.COUNT LOOP
            cancel(v_ids(i));
        END LOOP;
    END cancel;

    FUNCTION open_lines RETURN t_line_tab PIPELINED IS
    BEGIN
        FOR r IN (SELECT h.id, l.line_no FROM ord_header h JOIN ord_line l ON l.ord_id = h.id WHERE h.status = 'OPEN') LOOP
            PIPE ROW (t_line(r.id, r.line_no));
        END LOOP;
        RETURN;
    END open_lines;

    FUNCTION line_count(p_id IN NUMBER) RETURN NUMBER IS
        v_n NUMBER;
    BEGIN
        EXECUTE IMMEDIATE 'SELECT COUNT(*) FROM ord_line WHERE ord_id = :1' INTO v_n USING p_id;
        RETURN v_n;
    END line_count;

BEGIN
    SELECT TO_NUMBER(value) INTO g_max_lines FROM ord_config WHERE key = 'max_lines';
END orders;
/

CREATE OR REPLACE TRIGGER ord_line_guard
FOR INSERT OR UPDATE ON ord_line
COMPOUND TRIGGER
    v_count NUMBER := 0;
    BEFORE EACH ROW IS
    BEGIN
        v_count := v_count + 1;
    END BEFORE EACH ROW;
    AFTER STATEMENT IS
    BEGIN
        UPDATE ord_header h SET status = 'CHANGED'
         WHERE EXISTS (SELECT 1 FROM ord_line l WHERE l.ord_id = h.id);
    END AFTER STATEMENT;
END ord_line_guard;
/

SELECT * FROM TABLE(orders.open_lines);

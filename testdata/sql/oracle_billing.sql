-- Oracle PL/SQL billing: tables, a package spec and body whose routines
-- call each other, a trigger, MERGE, EXECUTE IMMEDIATE, cursors.

CREATE TABLE billing_accounts (
    account_id   NUMBER(10) PRIMARY KEY,
    holder       VARCHAR2(100) NOT NULL,
    balance      NUMBER(14, 2) DEFAULT 0 NOT NULL
);

CREATE TABLE invoices (
    invoice_id   NUMBER(10) PRIMARY KEY,
    account_id   NUMBER(10) NOT NULL CONSTRAINT fk_inv_acc REFERENCES billing_accounts (account_id),
    amount       NUMBER(14, 2) NOT NULL,
    status       VARCHAR2(10) DEFAULT 'OPEN',
    issued_on    DATE DEFAULT SYSDATE
);

CREATE TABLE payments (
    payment_id   NUMBER(10) PRIMARY KEY,
    invoice_id   NUMBER(10) NOT NULL,
    paid         NUMBER(14, 2) NOT NULL,
    paid_on      DATE
);

ALTER TABLE payments ADD CONSTRAINT fk_pay_inv FOREIGN KEY (invoice_id) REFERENCES invoices (invoice_id);

CREATE TABLE ledger (
    entry_id     NUMBER(10) PRIMARY KEY,
    account_id   NUMBER(10),
    delta        NUMBER(14, 2),
    note         VARCHAR2(200)
);

CREATE TABLE rate_staging (
    account_id   NUMBER(10),
    rate         NUMBER(5, 4)
);

CREATE TABLE account_rates (
    account_id   NUMBER(10) PRIMARY KEY REFERENCES billing_accounts,
    rate         NUMBER(5, 4)
);

CREATE SEQUENCE ledger_seq START WITH 1 INCREMENT BY 1;

CREATE OR REPLACE PACKAGE billing AS
    PROCEDURE post_payment(p_invoice IN NUMBER, p_amount IN NUMBER);
    FUNCTION open_balance(p_account IN NUMBER) RETURN NUMBER;
    PROCEDURE refresh_rates;
END billing;
/

CREATE OR REPLACE PACKAGE BODY billing AS

    g_last_account NUMBER;

    CURSOR c_open (p_account NUMBER) IS
        SELECT invoice_id, amount FROM invoices
        WHERE account_id = p_account AND status = 'OPEN';

    PROCEDURE write_ledger(p_account IN NUMBER, p_delta IN NUMBER, p_note IN VARCHAR2) IS
    BEGIN
        INSERT INTO ledger (entry_id, account_id, delta, note)
        VALUES (ledger_seq.NEXTVAL, p_account, p_delta, p_note);
    END write_ledger;

    FUNCTION open_balance(p_account IN NUMBER) RETURN NUMBER IS
        v_total NUMBER := 0;
    BEGIN
        FOR r IN c_open(p_account) LOOP
            v_total := v_total + r.amount;
        END LOOP;
        RETURN v_total;
    END open_balance;

    PROCEDURE post_payment(p_invoice IN NUMBER, p_amount IN NUMBER) IS
        v_account invoices.account_id%TYPE;
        v_due     NUMBER;
    BEGIN
        SELECT account_id, amount INTO v_account, v_due
          FROM invoices WHERE invoice_id = p_invoice
           FOR UPDATE OF status;

        INSERT INTO payments (payment_id, invoice_id, paid, paid_on)
        VALUES (ledger_seq.NEXTVAL, p_invoice, p_amount, SYSDATE);

        IF p_amount >= v_due THEN
            UPDATE invoices SET status = 'PAID' WHERE invoice_id = p_invoice;
        END IF;

        UPDATE billing_accounts
           SET balance = balance - p_amount
         WHERE account_id = v_account;

        write_ledger(v_account, -p_amount, 'payment ' || p_invoice);
        g_last_account := v_account;
        DBMS_OUTPUT.PUT_LINE('open: ' || open_balance(v_account));
    EXCEPTION
        WHEN NO_DATA_FOUND THEN
            RAISE_APPLICATION_ERROR(-20001, 'no invoice ' || p_invoice);
    END post_payment;

    PROCEDURE refresh_rates IS
        v_sql VARCHAR2(4000);
    BEGIN
        MERGE INTO account_rates t
        USING (SELECT account_id, rate FROM rate_staging) s
           ON (t.account_id = s.account_id)
         WHEN MATCHED THEN UPDATE SET t.rate = s.rate
         WHEN NOT MATCHED THEN INSERT (account_id, rate) VALUES (s.account_id, s.rate);

        EXECUTE IMMEDIATE 'TRUNCATE TABLE rate_staging';

        v_sql := 'DELETE FROM ledger WHERE account_id = :1';
        EXECUTE IMMEDIATE v_sql USING g_last_account;
    END refresh_rates;

END billing;
/

CREATE OR REPLACE TRIGGER trg_invoice_paid
    AFTER UPDATE OF status ON invoices
    REFERENCING NEW AS n OLD AS o
    FOR EACH ROW
    WHEN (n.status = 'PAID')
DECLARE
    v_note VARCHAR2(200);
BEGIN
    v_note := 'invoice ' || :n.invoice_id || ' paid';
    INSERT INTO ledger (entry_id, account_id, delta, note)
    VALUES (ledger_seq.NEXTVAL, :n.account_id, 0, v_note);
END;
/

CREATE OR REPLACE PROCEDURE close_month(p_month IN DATE) AS
    TYPE t_ids IS TABLE OF invoices.invoice_id%TYPE;
    v_ids t_ids;
BEGIN
    SELECT invoice_id BULK COLLECT INTO v_ids
      FROM invoices
     WHERE issued_on < p_month AND status = 'OPEN';

    FORALL i IN 1 .. v_ids.COUNT
        UPDATE invoices SET status = 'LATE' WHERE invoice_id = v_ids(i);

    INSERT ALL
        INTO ledger (entry_id, account_id, delta, note) VALUES (ledger_seq.NEXTVAL, acc, 0, 'late')
    SELECT DISTINCT account_id AS acc FROM invoices WHERE status = 'LATE';

    billing.refresh_rates;
    COMMIT;
END close_month;
/

CREATE OR REPLACE FUNCTION account_holder(p_account NUMBER) RETURN VARCHAR2 IS
    v_holder billing_accounts.holder%TYPE;
BEGIN
    SELECT holder INTO v_holder FROM billing_accounts WHERE account_id = p_account;
    RETURN v_holder;
END;
/

BEGIN
    close_month(TRUNC(SYSDATE, 'MM'));
    DELETE FROM rate_staging WHERE rate IS NULL;
END;
/

SELECT billing.open_balance(42) FROM dual;

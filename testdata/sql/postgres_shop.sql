-- A small PostgreSQL shop schema: tables with foreign keys, views,
-- PL/pgSQL functions and triggers.

CREATE SCHEMA IF NOT EXISTS shop;

CREATE TABLE shop.customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shop.products (
    id      bigserial PRIMARY KEY,
    sku     text NOT NULL UNIQUE,
    price   numeric(12, 2) NOT NULL CHECK (price >= 0),
    stock   integer NOT NULL DEFAULT 0
);

CREATE TABLE shop.orders (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'new',
    total        numeric(12, 2) NOT NULL DEFAULT 0,
    placed_at    timestamptz
);

CREATE TABLE shop.order_lines (
    order_id    bigint NOT NULL,
    product_id  bigint NOT NULL,
    quantity    integer NOT NULL,
    unit_price  numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES shop.orders (id),
    CONSTRAINT fk_lines_product FOREIGN KEY (product_id) REFERENCES shop.products (id)
);

CREATE TABLE shop.stock_moves (
    id          bigserial PRIMARY KEY,
    product_id  bigint NOT NULL,
    delta       integer NOT NULL,
    reason      text
);

ALTER TABLE shop.stock_moves
    ADD CONSTRAINT fk_moves_product FOREIGN KEY (product_id) REFERENCES shop.products (id);

CREATE TABLE shop.audit_log (
    id          bigserial PRIMARY KEY,
    table_name  text NOT NULL,
    row_id      bigint,
    action      text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_orders_customer ON shop.orders (customer_id);

-- Views: what they read is theirs, not the file's.
CREATE VIEW shop.order_totals AS
SELECT o.id, o.customer_id, sum(l.quantity * l.unit_price) AS total
FROM shop.orders o
JOIN shop.order_lines l ON l.order_id = o.id
GROUP BY o.id, o.customer_id;

CREATE OR REPLACE VIEW shop.top_customers AS
WITH spend AS (
    SELECT customer_id, sum(total) AS spent
    FROM shop.order_totals
    GROUP BY customer_id
)
SELECT c.id, c.name, s.spent
FROM shop.customers c
JOIN spend s ON s.customer_id = c.id
WHERE s.spent > (SELECT avg(spent) FROM spend);

CREATE MATERIALIZED VIEW shop.low_stock AS
SELECT p.id, p.sku FROM shop.products p WHERE p.stock < 5
WITH DATA;

-- A function that places an order: reads, writes, calls.
CREATE OR REPLACE FUNCTION shop.place_order(p_customer bigint, p_product bigint, p_qty integer)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    v_order  bigint;
    v_price  numeric(12, 2);
BEGIN
    SELECT price INTO v_price FROM shop.products WHERE id = p_product FOR UPDATE;

    INSERT INTO shop.orders (customer_id, status, placed_at)
    VALUES (p_customer, 'placed', now())
    RETURNING id INTO v_order;

    INSERT INTO shop.order_lines (order_id, product_id, quantity, unit_price)
    VALUES (v_order, p_product, p_qty, v_price)
    ON CONFLICT (order_id, product_id) DO UPDATE SET quantity = shop.order_lines.quantity + EXCLUDED.quantity;

    PERFORM shop.recalc_total(v_order);
    RETURN v_order;
END;
$$;

CREATE OR REPLACE FUNCTION shop.recalc_total(p_order bigint) RETURNS void AS $$
BEGIN
    UPDATE shop.orders o
    SET total = t.total
    FROM shop.order_totals t
    WHERE t.id = o.id AND o.id = p_order;
END;
$$ LANGUAGE plpgsql;

-- A SQL-language function written as an old-style quoted string.
CREATE FUNCTION shop.customer_order_count(bigint) RETURNS bigint AS '
    SELECT count(*) FROM shop.orders WHERE customer_id = $1 AND status <> ''cancelled''
' LANGUAGE sql STABLE;

-- Trigger function and trigger: a write to order_lines moves stock.
CREATE OR REPLACE FUNCTION shop.on_line_written() RETURNS trigger AS $body$
BEGIN
    INSERT INTO shop.stock_moves (product_id, delta, reason)
    VALUES (NEW.product_id, -NEW.quantity, 'order ' || NEW.order_id);
    UPDATE shop.products SET stock = stock - NEW.quantity WHERE id = NEW.product_id;
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER trg_line_written
    AFTER INSERT OR UPDATE OF quantity ON shop.order_lines
    FOR EACH ROW EXECUTE FUNCTION shop.on_line_written();

CREATE OR REPLACE FUNCTION shop.audit() RETURNS trigger AS $$
BEGIN
    INSERT INTO shop.audit_log (table_name, row_id, action) VALUES (TG_TABLE_NAME, OLD.id, TG_OP);
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trg_orders_audit BEFORE DELETE ON shop.orders
    FOR EACH ROW EXECUTE PROCEDURE shop.audit();

-- Housekeeping with a temporary table, DELETE ... USING, a lateral join,
-- and dynamic SQL whose table is only known at run time.
CREATE OR REPLACE PROCEDURE shop.purge_old_orders(p_days integer)
LANGUAGE plpgsql
AS $$
DECLARE
    r record;
BEGIN
    CREATE TEMP TABLE doomed ON COMMIT DROP AS
        SELECT o.id FROM shop.orders o
        WHERE o.placed_at < now() - make_interval(days => p_days);

    DELETE FROM shop.order_lines l USING doomed d WHERE l.order_id = d.id;
    DELETE FROM shop.orders WHERE id IN (SELECT id FROM doomed);

    FOR r IN SELECT c.id, last_order.placed_at
             FROM shop.customers c
             CROSS JOIN LATERAL (
                 SELECT o.placed_at FROM shop.orders o
                 WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1
             ) last_order
    LOOP
        RAISE NOTICE 'customer % last ordered %', r.id, r.placed_at;
    END LOOP;

    EXECUTE format('DELETE FROM shop.audit_log WHERE at < now() - interval ''%s days''', p_days);
    EXECUTE 'TRUNCATE ' || quote_ident(TG_ARGV[0]);
END;
$$;

-- Top-level statements of the script.
INSERT INTO shop.products (sku, price, stock) VALUES ('A-1', 9.90, 10), ('B-2', 4.50, 3);

WITH RECURSIVE big_spenders AS (
    SELECT customer_id FROM shop.order_totals WHERE total > 1000
)
UPDATE shop.customers SET name = upper(name)
WHERE id IN (SELECT customer_id FROM big_spenders);

SELECT shop.place_order(1, 2, 3);

DO $$
BEGIN
    PERFORM shop.recalc_total(o.id) FROM shop.orders o WHERE o.total = 0;
END
$$;

CALL shop.purge_old_orders(90);

-- The shared schema (PostgreSQL).
CREATE TABLE carriers (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  number text NOT NULL,
  status text NOT NULL DEFAULT 'pending'
);

CREATE TABLE shipments (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  carrier_id bigint REFERENCES carriers (id),
  tracking_code text,
  shipped_at timestamptz,
  delivered_at timestamptz
);

create schema catalog;
create schema billing;

create table catalog.authors_legacy (id bigint primary key, name varchar(100));

create table billing.invoices (
    id bigint primary key,
    order_id bigint not null,
    amount numeric(12, 2) not null
);

create table billing.invoice_audit (
    invoice_id bigint not null references billing.invoices (id),
    event varchar(20) not null
);

-- The library's tables.
CREATE TABLE book_authors (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL, author_id BIGINT REFERENCES book_authors (id),
  price_cents BIGINT, created_at TIMESTAMPTZ);
CREATE TABLE book_tags (book_id BIGINT REFERENCES books (id), label TEXT);
CREATE TABLE library_members (id BIGSERIAL PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE reservations (id BIGSERIAL PRIMARY KEY, member_id BIGINT REFERENCES library_members (id), book_id BIGINT);
CREATE TABLE loans (id BIGSERIAL PRIMARY KEY, book_id BIGINT REFERENCES books (id),
  member_id BIGINT REFERENCES library_members (id), due TIMESTAMPTZ, status TEXT);
CREATE TABLE invoices (id BIGSERIAL PRIMARY KEY, member_id BIGINT REFERENCES library_members (id), paid_at TIMESTAMPTZ);
CREATE TABLE invoice_lines (invoice_id BIGINT REFERENCES invoices (id), loan_id BIGINT REFERENCES loans (id), cents BIGINT);
CREATE TABLE payments (id BIGSERIAL PRIMARY KEY, invoice_id BIGINT REFERENCES invoices (id), cents BIGINT);

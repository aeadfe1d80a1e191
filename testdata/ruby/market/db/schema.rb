ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do
  create_table "audit_entries", force: :cascade do |t|
    t.string "subject_type"
    t.bigint "subject_id"
    t.timestamps
  end

  create_table "billing_customers", force: :cascade do |t|
    t.string "email", null: false
  end

  create_table "billing_invoices", force: :cascade do |t|
    t.bigint "order_ref", null: false
    t.references "account", foreign_key: { to_table: "billing_customers" }
    t.integer "total_cents"
    t.datetime "paid_at"
  end

  create_table "billing_payments", force: :cascade do |t|
    t.string "type"
    t.references "invoice", foreign_key: { to_table: "billing_invoices" }
    t.integer "amount_cents"
    t.datetime "captured_at"
  end

  create_table "catalog_categories", force: :cascade do |t|
    t.string "name", null: false
    t.references "parent", foreign_key: { to_table: "catalog_categories" }
  end

  create_table "catalog_products", force: :cascade do |t|
    t.string "name", null: false
    t.integer "price_cents"
    t.string "currency"
    t.boolean "active"
    t.references "category", foreign_key: { to_table: "catalog_categories" }
  end

  create_table "catalog_products_tags", id: false, force: :cascade do |t|
    t.bigint "product_id"
    t.bigint "tag_id"
  end

  create_table "catalog_reviews", force: :cascade do |t|
    t.references "product"
    t.bigint "author_id"
    t.integer "stars"
  end

  create_table "catalog_tags", force: :cascade do |t|
    t.string "name"
  end

  create_table "ordering_customers", force: :cascade do |t|
    t.string "email", null: false
  end

  create_table "ordering_line_items", force: :cascade do |t|
    t.references "order", foreign_key: true
    t.references "product"
    t.integer "quantity"
  end

  create_table "ordering_sequences", force: :cascade do |t|
    t.string "name"
    t.bigint "value"
  end

  create_table "orders", force: :cascade do |t|
    t.references "customer", foreign_key: { to_table: "ordering_customers" }
    t.string "number"
    t.string "status"
  end

  add_foreign_key "billing_invoices", "orders", column: "order_ref"
  add_foreign_key "catalog_reviews", "catalog_products", column: "product_id"
end

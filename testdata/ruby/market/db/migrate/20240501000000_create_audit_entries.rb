class CreateAuditEntries < ActiveRecord::Migration[7.1]
  def change
    create_table :audit_entries do |t|
      t.string :subject_type
      t.bigint :subject_id
      t.timestamps
    end
    execute "CREATE INDEX audit_entries_subject ON audit_entries (subject_type, subject_id)"
    Catalog::Product.where(active: nil).update_all(active: true)
  end
end

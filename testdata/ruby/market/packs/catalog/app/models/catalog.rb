# The catalog's models keep their tables under the catalog_ prefix.
module Catalog
  def self.table_name_prefix
    "catalog_"
  end
end

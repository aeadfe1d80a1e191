TOP_SELLERS = (
    "SELECT p.sku, SUM(l.quantity) AS sold "
    "FROM catalog_products p JOIN ordering_orderline l ON l.product_id = p.id "
    "GROUP BY p.sku ORDER BY sold DESC"
)
LOW_STOCK = "SELECT sku FROM catalog_products WHERE stock < %s"

from django.db import connection

from . import queries
from .queries import LOW_STOCK


def top_sellers():
    with connection.cursor() as cursor:
        cursor.execute(queries.TOP_SELLERS)
        return cursor.fetchall()


def low_stock(threshold: int = 5):
    with connection.cursor() as cursor:
        cursor.execute(LOW_STOCK, [threshold])
        return [row[0] for row in cursor.fetchall()]


def category_sizes():
    sql = "SELECT category_id, COUNT(*) FROM catalog_products GROUP BY category_id"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())

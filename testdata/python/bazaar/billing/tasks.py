from celery import shared_task
from django.db import connection

from .sql import *  # noqa: F403

MARK_SENT = "UPDATE billing_invoices SET sent = true WHERE id = %s"


@shared_task
def send_invoice(invoice_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(MARK_SENT, [invoice_id])
        cursor.execute(UNPAID_INVOICES)  # noqa: F405
        cursor.callproc("billing_notify", [invoice_id])


def purge(days: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM billing_audit WHERE created < now() - interval '{days} days'")

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order


@receiver(post_save, sender=Order)
def order_saved(sender, instance: Order, created: bool, **kwargs):
    if created:
        instance.refresh_from_db()

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from common.money import format_money
from . import reports
from .services import CatalogService, default_service


@login_required
def product_list(request):
    service = default_service()
    items = [{"sku": p.sku, "name": p.name} for p in service.available()]
    return JsonResponse({"items": items, "top": reports.top_sellers()})


def product_detail(request, sku: str):
    service: CatalogService = default_service()
    product = service.find(sku)
    if product is None:
        return JsonResponse({}, status=404)
    return JsonResponse({"price": format_money(service.price_of(product))})

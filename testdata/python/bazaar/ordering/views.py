import json

from django.http import HttpResponse, JsonResponse
from django.views import View

from .services import CheckoutError, CheckoutService


class CheckoutView(View):
    service_class = CheckoutService

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.service = CheckoutService()

    def post(self, request):
        data = json.loads(request.body)
        try:
            order = self.service.checkout(data["email"], data["items"])
        except CheckoutError as e:
            return HttpResponse(str(e), status=409)
        return JsonResponse({"order": order.pk, "total": str(self.service.total(order).amount)})

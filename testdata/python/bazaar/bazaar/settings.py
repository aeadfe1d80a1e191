DEBUG = False
INSTALLED_APPS = [
    "django.contrib.auth",
    "catalog",
    "ordering",
    "billing",
]
CURRENCY = "EUR"
BILLING_DATABASE_URL = "postgresql://localhost/billing"

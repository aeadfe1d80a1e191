from django.apps import AppConfig


class OrderingConfig(AppConfig):
    name = "ordering"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)

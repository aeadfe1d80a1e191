default_app_config = "ordering.apps.OrderingConfig"

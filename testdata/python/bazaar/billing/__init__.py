import importlib

importlib.import_module("billing.handlers")

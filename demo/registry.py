"""Finds the demo steps of every installed app."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings


def demo_steps():
    """All (order, label, function) steps, from each app's `demo` module, in order."""
    steps = []
    for config in apps.get_app_configs():
        # Only the project's own apps contribute demo content.
        if Path(config.path).parent != settings.BASE_DIR:
            continue
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is None:
            continue
        module = import_module(module_name)
        for order, function in getattr(module, "STEPS", []):
            steps.append((order, f"{config.label}.{function.__name__}", function))
    return sorted(steps, key=lambda step: (step[0], step[1]))

"""The settings a new process reads from its environment.

Settings are read from the environment once, when the settings module is imported: a test of
that reading starts a process of its own with the variables it wants, instead of reloading
config.settings inside the test process (which every other test shares).
"""

import json
import os
import subprocess
import sys

from tests.servers import BASE_DIR

PRINT_SETTINGS = """
import json, sys
from django.conf import settings
values = {name: getattr(settings, name) for name in sys.argv[1:]}
print(json.dumps(values, default=lambda value: value.total_seconds()))
"""


def read_settings(names, module="config.settings.test", **variables):
    """The values of the settings `names` in a new process with `variables` set in its environment
    (a value of None removes the variable). Durations come back as seconds."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": module}
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS, *names], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)

"""Facts about the related projects (partners/demo/project_facts.yaml), for the apps that build on them.

`project_facts()` returns the file as plain data: the SoftSkills4EU badge
scheme, ENTR21's competences and courses, the work-based learning
partnership's themes. Only facts from the reference data are in it.
"""

from functools import cache
from pathlib import Path

import yaml

FACTS_FILE = Path(__file__).resolve().parent / "demo" / "project_facts.yaml"


@cache
def project_facts():
    """{project name: facts}, read once per process."""
    with FACTS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)

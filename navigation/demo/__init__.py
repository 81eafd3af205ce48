"""Demo content of the site frame: the footer's funding notice (run by `manage.py load_demo`)."""

from .footer import build_footer

STEPS = [(5, build_footer)]

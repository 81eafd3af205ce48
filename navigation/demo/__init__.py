"""Demo content of the site frame: the footer's funding notice and the "About this
demonstration" page of the example banner (run by `manage.py load_demo`)."""

from .demonstration import build_demonstration_page
from .footer import build_footer

STEPS = [(5, build_footer), (21, build_demonstration_page)]

"""The site as the browser tests serve it: `config.wsgi`, with the public media beside it.

In production the front web server (or the bucket's CDN) serves `/media/`, never the Python
workers (README, "Deploying at scale"). A test server is gunicorn alone, so this puts
WhiteNoise in front of the site for `MEDIA_URL`, re-reading `MEDIA_ROOT` on each request
(`autorefresh`) since the site writes image renditions there as pages ask for them. The
browser then loads a page's images as a visitor's does: they count in the page weight, and
they take their place in the layout. The private storage is not under `MEDIA_ROOT` and stays
reachable only through its permission-checked view.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True)

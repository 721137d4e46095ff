"""WSGI entry point, used by gunicorn: `gunicorn blogsite.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.settings")

application = get_wsgi_application()

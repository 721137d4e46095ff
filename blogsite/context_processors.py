from django.conf import settings


def site(request):
    """Expose the canonical site URL to every template (canonical links, feeds, share row)."""
    return {"SITE_URL": settings.SITE_URL}

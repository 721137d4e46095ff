"""The old addresses (redirect rows) that lead to each exported item, written as its
`_blogsite_old_address` meta so that an import elsewhere answers them too."""

from collections import defaultdict

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from wordpress.batch import IN_QUERY_SIZE


def old_addresses(urls) -> dict[str, list[str]]:
    """Our address -> the old paths that lead to it, for these addresses of ours."""
    urls = list(dict.fromkeys(urls))
    found = defaultdict(list)
    site = Site.objects.get_current()
    for start in range(0, len(urls), IN_QUERY_SIZE):
        rows = Redirect.objects.filter(site=site, new_path__in=urls[start : start + IN_QUERY_SIZE])
        for old, new in rows.order_by("old_path").values_list("old_path", "new_path"):
            found[new].append(old)
    return found

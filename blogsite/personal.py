"""Pages that carry a reader's own data are private: no shared cache may keep them.

A remembered name and e-mail, a reader's own pending comment, a signed-in user's name in
the header: any code that puts such data on a page calls mark_personal(request), and
PersonalPageMiddleware then calls make_private(response). Anything else that builds a
response by hand may call make_private directly.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers

_FLAG = "_carries_personal_data"


def mark_personal(request) -> None:
    """Note that the response to request shows this reader's own data."""
    setattr(request, _FLAG, True)


def is_personal(request) -> bool:
    user = getattr(request, "user", None)
    return getattr(request, _FLAG, False) or bool(user and user.is_authenticated)


def make_private(response) -> None:
    """Keep response out of shared caches and have the browser revalidate it."""
    patch_cache_control(response, private=True, no_cache=True)
    if "max-age" in response.get("Cache-Control", ""):
        patch_cache_control(response, max_age=0)
    patch_vary_headers(response, ["Cookie"])


class PersonalPageMiddleware:
    """Make the response private when the request was marked personal (see mark_personal)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request):
            make_private(response)
        return response

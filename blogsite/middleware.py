"""Request-wide middleware of the site."""

from django.conf import settings


class ForwardedForMiddleware:
    """Take the client's address from X-Forwarded-For behind trusted reverse proxies.

    Rate limits, reaction caps and stored comment IPs use REMOTE_ADDR; behind a proxy it is
    the proxy's. With TRUSTED_PROXY_COUNT = N (> 0), the Nth address from the right of
    X-Forwarded-For, the one the outermost trusted proxy saw, becomes REMOTE_ADDR. Addresses
    further left are set by the client and are never trusted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if proxies > 0 and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if len(hops) >= proxies:
                request.META["REMOTE_ADDR"] = hops[-proxies]
        return self.get_response(request)

"""What browsers may do with our pages: the Content-Security-Policy (django-csp's
CSPMiddleware) and the Permissions-Policy (blogsite.middleware). Star-imported by
blogsite.settings.
"""

# No inline script or style anywhere: every script and stylesheet is a file under static/.
# JSON-LD needs no exception: a <script type="application/ld+json"> is a data block, which
# the browser never runs, so script-src does not apply to it (and cached pages stay free of
# per-request nonces). Images may come from other hosts: imported articles link them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features no page of ours uses, switched off for the page and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

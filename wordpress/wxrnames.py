"""The names of a WordPress export's tags: Clark notation ({uri}local) as "prefix:local",
whatever URI the file gives each prefix (any WXR version, http:// or https://)."""

import re

from wordpress.xmlclean import KNOWN_PREFIXES

# Any version: a newer WXR keeps the fields this reads.
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/[0-9.]+/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/[0-9.]+/excerpt/$")
# The other prefixes WordPress writes, by their URI (the same table the repair reads).
KNOWN_NAMESPACES = {KNOWN_PREFIXES[prefix]: prefix for prefix in ("content", "dc", "wfw")}


class TagNames:
    """Map Clark-notation tags ({uri}local) to "prefix:local" whatever URI the file uses."""

    def __init__(self):
        self.prefixes = dict(KNOWN_NAMESPACES)
        self.has_wp = False
        self._names = {}  # tag -> name, for the prefixes known so far

    def add(self, uri):
        self._names.clear()
        if WP_NAMESPACE.match(uri):
            self.prefixes[uri] = "wp"
            self.has_wp = True
        elif EXCERPT_NAMESPACE.match(uri):
            self.prefixes[uri] = "excerpt"

    def __call__(self, tag):
        name = self._names.get(tag)
        if name is None:
            name = tag
            if tag.startswith("{"):
                uri, local = tag[1:].split("}", 1)
                name = f"{self.prefixes.get(uri, uri)}:{local}"
            if len(self._names) > 1000:  # a file of made-up tags: keep memory flat
                self._names.clear()
            self._names[tag] = name
        return name

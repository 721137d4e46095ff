"""Moderation terms and links: one list, one matcher, one link count for every rule.

The moderation policy (comments.moderation: blocked -> trash, moderated or too many links
-> held) and the spam filter's evidence (comments.spam.checks) ask the same questions, so
both call these functions: which terms of a list a comment contains, and how many links
it has. Links are found by the spam filter's one regular expression (comments.spam.text),
on text normalised the same way (entities, tags, invisible characters).
"""

import ipaddress
from dataclasses import dataclass

from django.core.cache import cache

from comments.conf import comment_settings
from comments.spam.text import find_urls, normalize, url_host

CACHE_KEY = "comments:moderation-terms"
CACHE_SECONDS = 300  # saves and deletes clear it at once (see forget_terms)


@dataclass(frozen=True)
class Term:
    list: str  # ModerationTerm.List
    kind: str  # ModerationTerm.Kind
    value: str  # as written in the admin, shown in reasons


@dataclass(frozen=True)
class Text:
    """What a comment offers to the terms: its fields, normalised once."""

    body: str = ""
    author: str = ""
    url: str = ""
    email: str = ""
    ip_address: str | None = None
    account: str = ""  # the username of the commenter's account, if any

    @property
    def plain_body(self) -> str:
        return normalize(self.body)

    def hosts(self) -> set[str]:
        """Hosts of the body's links, of the author's website and of the e-mail address."""
        hosts = {url_host(link) for link in find_urls(self.plain_body)}
        if self.url:
            hosts.add(url_host(self.url))
        email_domain = self.email.strip().lower().rpartition("@")[2]
        if email_domain:
            hosts.add(email_domain.removeprefix("www."))
        return {host for host in hosts if host}


def count_links(body: str) -> int:
    """Return the number of links in a comment's body (bare host names count)."""
    return len(find_urls(normalize(body)))


def too_many_links(body: str) -> int | None:
    """Return the link count when it is above COMMENTS_MAX_LINKS, else None."""
    count = count_links(body)
    return count if count > int(comment_settings.MAX_LINKS) else None


def all_terms() -> list[Term]:
    """Return every moderation term, cached briefly (a save or delete clears the cache)."""
    terms = cache.get(CACHE_KEY)
    if terms is None:
        from comments.models import ModerationTerm

        terms = [
            Term(list=list_name, kind=kind, value=value)
            for list_name, kind, value in ModerationTerm.objects.values_list(
                "list", "kind", "value"
            )
            if value.strip()
        ]
        cache.set(CACHE_KEY, terms, CACHE_SECONDS)
    return terms


def forget_terms(sender=None, **kwargs) -> None:
    cache.delete(CACHE_KEY)


def matching_terms(text: Text, list_name: str, *, terms=None) -> list[Term]:
    """Return the terms of one list that the comment contains, in the list's order.

    A word matches anywhere in the body, author name, website or e-mail; an e-mail matches
    exactly; an IP matches a single address, a network ("10.0.0.0/8") or a prefix
    ("10.0."); a domain matches itself and its subdomains in links, the website and the
    e-mail's domain; an account matches its username exactly.
    """
    terms = [term for term in (all_terms() if terms is None else terms) if term.list == list_name]
    if not terms:
        return []
    email = text.email.strip().lower()
    haystack = " ".join([text.plain_body, text.author, text.url]).lower()
    hosts = None
    found = []
    for term in terms:
        value = term.value.strip().lower()
        if term.kind == "word":
            hit = value in haystack or value in email
        elif term.kind == "email":
            hit = value == email
        elif term.kind == "ip":
            hit = ip_matches(text.ip_address, value)
        elif term.kind == "account":
            hit = bool(text.account) and value == text.account.lower()
        else:
            if hosts is None:
                hosts = text.hosts()
            value = value.removeprefix("www.")
            hit = any(host == value or host.endswith("." + value) for host in hosts)
        if hit:
            found.append(term)
    return found


def ip_matches(ip: str | None, value: str) -> bool:
    """Match an address against a single IP, a network ("10.0.0.0/8") or a prefix ("10.0.")."""
    if not ip:
        return False
    try:
        if "/" in value:
            return ipaddress.ip_address(ip) in ipaddress.ip_network(value, strict=False)
        return ipaddress.ip_address(ip) == ipaddress.ip_address(value)
    except ValueError:
        return ip.startswith(value)

"""What a refused form carried, to be put back in front of the reader (never a secret)."""

# Fields put back as they were (never a password, the CSRF token or the honeypot).
KEPT_FIELDS = ("name", "email", "url", "parent", "notify_replies", "remember", "form_token")


def kept_text(request) -> str:
    """The text a refused form carried (a comment's body), to be shown again."""
    return request.POST.get("body", "") if request.method == "POST" else ""


def kept_fields(request) -> list[tuple[str, str]]:
    """The other fields of a refused form worth sending again with its text."""
    if request.method != "POST":
        return []
    return [(name, request.POST[name]) for name in KEPT_FIELDS if request.POST.get(name)]

"""Slugs for articles, pages and terms: unique within a language, readable in ASCII."""

from blogsite.slugs import ascii_slug

SLUG_CANDIDATES = 20  # slugs unique_slug() asks about in its first query


def unique_slug(model, text: str, *, language: str, exclude_pk=None, max_length=200) -> str:
    """A slug for `text` not yet used in `language` ("-2", "-3"... appended when it is).

    Accents are dropped ("Perché" -> "perche") and other scripts transliterated
    ("客户体验" -> "kehutiyan", see blogsite.slugs); a title with nothing left (only symbols)
    gets the model's name.
    """
    base = slug_base(model, text, max_length=max_length)

    def candidate(n: int) -> str:
        suffix = f"-{n}" if n > 1 else ""
        return base[: max_length - len(suffix)] + suffix

    rows = model.objects.filter(language=language).exclude(pk=exclude_pk)
    # The first few candidates by equality (the unique index answers): a prefix match would
    # read every "articolo-1..." of a large site to name "articolo-1".
    first = [candidate(n) for n in range(1, SLUG_CANDIDATES + 1)]
    taken = set(rows.filter(slug__in=first).values_list("slug", flat=True))
    for slug in first:
        if slug not in taken:
            return slug
    taken |= set(rows.filter(slug__startswith=base).values_list("slug", flat=True))
    n = SLUG_CANDIDATES + 1
    while candidate(n) in taken:
        n += 1
    return candidate(n)


def slug_base(model, text: str, *, max_length=200) -> str:
    """The slug unique_slug() gives `text` when it is free (its first candidate)."""
    return ascii_slug(text)[:max_length].strip("-") or ascii_slug(model._meta.model_name)

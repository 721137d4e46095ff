"""What a comment's spam and moderation reasons say, in the language of whoever reads them.

A reason is written once, when the comment is checked, while the commenter's page is in
their language, and read later by moderators in theirs: stored as finished text, the Italian
queue showed English reasons for every comment sent from the English pages. So a reason keeps
which message it is ("says") and what fills it ("params"), and each message is a function
here that says it in the active language with gettext and ngettext, where `makemessages`
finds the words. The reason's "message" keeps the English, for whatever reads the JSON as it
is; reasons stored before they had "says" are shown as they were written.
"""

from collections.abc import Callable

from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext

MESSAGES: dict[str, Callable[..., str]] = {}


def _says(name):
    def register(function):
        MESSAGES[name] = function
        return function

    return register


def reason(check: str, score: float, says: str, **params) -> dict:
    """A reason as Comment.spam_reasons keeps it; `params` must be JSON values."""
    with translation.override(None):  # the words as written in the code: English
        english = MESSAGES[says](**params)
    return {"check": check, "score": score, "message": english, "says": says, "params": params}


def text_of(reason: dict) -> str:
    """A stored reason's message in the active language."""
    if not isinstance(reason, dict):
        return ""
    function, params = MESSAGES.get(reason.get("says")), reason.get("params") or {}
    if function is not None and isinstance(params, dict):
        try:
            return function(**params)
        except (TypeError, KeyError, ValueError):
            pass  # written by another version of the message: say it as it was stored
    message = reason.get("message", "")
    return message if isinstance(message, str) else ""


# Said when it is shown (an e-mail rendered in the moderators' language, not the request's).
text_of_lazy = lazy(text_of, str)


# --- The form -------------------------------------------------------------------------------


@_says("honeypot")
def _honeypot():
    return gettext("The hidden anti-spam field was filled in.")


@_says("form_token")
def _form_token():
    return gettext("The form's signed timestamp is missing, forged or expired.")


def _seconds(value) -> str:
    """A number of seconds as the reader's language writes it ("1,7" in Italian, as the
    spam score beside it); a whole number without its ",0"."""
    value = float(value)
    return number_format(value, decimal_pos=0 if value.is_integer() else 1)


@_says("too_fast")
def _too_fast(elapsed, minimum):
    return gettext(
        "Sent %(elapsed)s seconds after the form was shown (a person needs at least %(minimum)s)."
    ) % {"elapsed": _seconds(round(float(elapsed), 1)), "minimum": _seconds(minimum)}


# --- The comment's content --------------------------------------------------------------------


@_says("links")
def _links(count, outside=0):
    if outside:
        return ngettext(
            "Contains %(count)d link, %(outside)d to a site that is not trusted.",
            "Contains %(count)d links, %(outside)d to sites that are not trusted.",
            count,
        ) % {"count": count, "outside": outside}
    return ngettext("Contains %(count)d link.", "Contains %(count)d links.", count) % {
        "count": count
    }


@_says("link_only")
def _link_only():
    return gettext("The comment is little more than a link.")


@_says("short_body")
def _short_body():
    return gettext("The comment is very short.")


@_says("phrases")
def _phrases(phrases):
    return gettext("Promotional phrases: %(phrases)s.") % {
        "phrases": ", ".join(f"“{phrase}”" for phrase in phrases)
    }


@_says("blocked_domain")
def _blocked_domain(domain):
    return gettext("Links to or writes from a blocked domain: %(domain)s.") % {"domain": domain}


@_says("blocked_email")
def _blocked_email():
    return gettext("The e-mail address is blocked.")


@_says("blocked_ip")
def _blocked_ip():
    return gettext("The IP address is blocked.")


@_says("blocked_word")
def _blocked_word(word):
    return gettext("Contains a blocked word: %(word)s.") % {"word": word}


@_says("duplicate")
def _duplicate(count, posts):
    if posts == 1:
        message = ngettext(
            "The same text was sent %(count)d time recently, on one article.",
            "The same text was sent %(count)d times recently, on one article.",
            count,
        )
    else:  # then count >= posts > 1: "times" is plural in every language
        message = ngettext(
            "The same text was sent %(count)d times recently, on %(posts)d article.",
            "The same text was sent %(count)d times recently, on %(posts)d articles.",
            posts,
        )
    return message % {"count": count, "posts": posts}


# --- The commenter --------------------------------------------------------------------------


@_says("burst")
def _burst(count, minutes):
    return gettext("%(count)d comments from this IP address in the last %(minutes)d minutes.") % {
        "count": count,
        "minutes": minutes,
    }


@_says("history_spam")
def _history_spam(count):
    return ngettext(
        "%(count)d earlier comment from this e-mail address was spam.",
        "%(count)d earlier comments from this e-mail address were spam.",
        count,
    ) % {"count": count}


@_says("history_approved")
def _history_approved(count):
    return ngettext(
        "%(count)d earlier comment from this e-mail address was approved.",
        "%(count)d earlier comments from this e-mail address were approved.",
        count,
    ) % {"count": count}


# --- The filter and Akismet -----------------------------------------------------------------


@_says("classifier")
def _classifier(percent):
    return gettext("Learned filter: %(percent)d%% likely spam.") % {"percent": percent}


@_says("starting_model")
def _starting_model():
    return gettext("Only the starting model points to spam: held for a moderator, not hidden.")


@_says("trusted_starting_model")
def _trusted_starting_model():
    return gettext(
        "The starting model points to spam, and this site's moderators have found it right."
    )


@_says("check_failed")
def _check_failed(error):
    return gettext("The spam check failed (%(error)s); held for a moderator.") % {"error": error}


@_says("akismet_invalid")
def _akismet_invalid(detail=""):
    return gettext("Akismet answered “invalid” (%(help)s); held for a moderator.") % {
        "help": detail or gettext("the API key or site is not valid")
    }


@_says("akismet_unexpected")
def _akismet_unexpected():
    return gettext("Akismet gave an unexpected answer; held for a moderator.")


@_says("akismet_unreachable")
def _akismet_unreachable():
    return gettext("Akismet could not be reached in time; held for a moderator.")


@_says("akismet_discard")
def _akismet_discard():
    return gettext("Akismet: blatant spam (pro-tip: discard).")


@_says("akismet_spam")
def _akismet_spam():
    return gettext("Akismet: spam.")


@_says("akismet_ham")
def _akismet_ham():
    return gettext("Akismet: not spam.")


# --- The moderation policy, readers and authors ---------------------------------------------


@_says("blocked_term")
def _blocked_term(term):
    return gettext("Blocked term: %(term)s") % {"term": term}


@_says("too_many_links")
def _too_many_links(count, limit):
    return gettext("%(count)s links (more than %(max)s)") % {"count": count, "max": limit}


@_says("moderated_term")
def _moderated_term(term):
    return gettext("Moderated term: %(term)s") % {"term": term}


@_says("hold_all")
def _hold_all():
    return gettext("All comments are held.")


@_says("trusted")
def _trusted(how):
    # comments.moderation.is_trusted says how: the evidence the commenter could not forge.
    evidence = {
        "account": gettext("an account with approved comments"),
        "browser": gettext("a browser with approved comments"),
        "confirmed-email": gettext("a confirmed e-mail address"),
    }
    return gettext("Trusted commenter (%(how)s)") % {"how": evidence.get(how, how)}


@_says("first_time")
def _first_time():
    return gettext("Commenter not trusted yet.")


@_says("flagged")
def _flagged(count):
    return ngettext("Flagged by %(count)d reader.", "Flagged by %(count)d readers.", count) % {
        "count": count
    }


@_says("deleted_by_author")
def _deleted_by_author():
    return gettext("Deleted by its author.")

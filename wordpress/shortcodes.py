"""The shortcodes a body still holds once the import converted those it knows.

WordPress drew them with the plugin that registered them (a contact form, a table, a
slider); here they stay as the text the author typed, which the import report names so
that the editor can replace them. Brackets in prose ("[sic]", "[1]", "[Fonte: Treccani]")
are no shortcode: one is counted when it has attributes (id="9"), a closing tag, a "/" at
its end, or a name no word has (contact-form-7, wp_table). Code is not read: a shortcode
written in a code block is shown, not run.
"""

import re

# WordPress's grammar (get_shortcode_regex), for any name: [[name]] shows the shortcode
# itself, as WordPress does.
SHORTCODE = re.compile(r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\[\]]*?)(/?)\](\]?)")
CLOSING = re.compile(r"\[/([A-Za-z][\w-]*)\]")
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def left_as_text(text: str) -> list[str]:
    """The distinct names of the shortcodes in `text`, in order, outside code."""
    text = COMMENT.sub("", CODE.sub("", text))
    closed = {match[1] for match in CLOSING.finditer(text)}
    names = []
    for match in SHORTCODE.finditer(text):
        escaped = match[1] == "[" and match[5] == "]"
        name = match[2]
        if not escaped and (
            "=" in match[3] or match[4] or name in closed or "-" in name or "_" in name
        ):
            names.append(name)
    return list(dict.fromkeys(names))

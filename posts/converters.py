from django.urls import register_converter


class PagePathConverter:
    """A static page's path: slugs separated by slashes ("chi-siamo", "servizi/consulenza").

    No dots, so "/sitemap.xml" or "/favicon.ico" never look like a page (and APPEND_SLASH
    does not redirect them to a page address that cannot exist).
    """

    regex = r"[-\w]+(?:/[-\w]+)*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PagePathConverter, "pagepath")

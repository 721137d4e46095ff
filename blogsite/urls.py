from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from blogsite import privacy, views
from blogsite.personal_data import views as personal_data
from blogsite.sitename import site_name_lazy
from posts.sitemaps import SITEMAPS
from posts.views import account_profile

admin.site.site_header = admin.site.site_title = site_name_lazy()
admin.site.site_url = "/"
# The admin signs in through allauth (rate limits, two factors): its own password form,
# which knows neither, is never shown.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("i18n/<str:language>/", views.choose_language, name="choose-language"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("health/", views.health, name="health"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Before the pages' catch-all below; in production the proxy or the storage serves them.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Italian lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    # First: a vote (the busiest write) is resolved without trying every pattern above it.
    path("", include("posts.reactions.urls")),
    path("accounts/profile/", account_profile, name="account_profile"),
    path("accounts/data/", personal_data.account_data, name="account-data"),
    path(
        "accounts/data/download/",
        personal_data.account_data_download,
        name="account-data-download",
    ),
    path("accounts/data/delete/", personal_data.account_delete, name="account-delete"),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("comments.urls")),
    path("privacy/", privacy.PrivacyView.as_view(), name="privacy"),
    path("privacy/request/", personal_data.request_data, name="privacy-request"),
    path("privacy/request/sent/", personal_data.request_sent, name="privacy-request-sent"),
    path("privacy/request/<str:token>/", personal_data.confirm_request, name="privacy-confirm"),
    path("subscriptions/", include("posts.subscriptions.urls")),
    path("", include("posts.urls")),
    prefix_default_language=False,
)

handler400 = "blogsite.views.bad_request"
handler403 = "blogsite.views.permission_denied"
handler404 = "blogsite.views.page_not_found"
handler500 = "blogsite.views.server_error"

/* Not served (see catalogue.py): the strings of Django's admin widgets (SelectFilter2.js,
   the tag and category choosers) that Django's own Italian catalogue lacks, written here so
   that `make messages` keeps them in locale/<language>/LC_MESSAGES/djangojs.po, which the
   admin's JavaScript catalogue reads after Django's, its translations winning. */
gettext('Choose %s by selecting them and then select the "Choose" arrow button.');
gettext("Choose all %s");
gettext("Choose selected %s");
gettext("Remove selected %s");
gettext('Remove %s by selecting them and then select the "Remove" arrow button.');
gettext("(click to clear)");
gettext("Remove all %s");

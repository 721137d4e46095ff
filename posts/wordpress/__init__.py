"""Move in from WordPress: read a WXR export (wxr), convert its markup (markup), import it
(importer) and keep the old addresses answering (redirects, middleware).

Posts owns the import but not comments or reactions: those apps register their part of
each item here (hooks.register_item_handler) from their AppConfig.ready().
"""

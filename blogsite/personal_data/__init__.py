"""A person's data on request: export (GDPR article 15) and erasure (article 17).

The foundation knows no app. Each app registers, from its AppConfig.ready(), a DataSource
in `registry`: how to export what it holds about a person, how to erase it, why an erasure
must not go ahead, and how to forget old network addresses (as WordPress core's plugins
register their personal-data exporters and erasers). `services` walks the registered
sources; the admin, the privacy page and the account page call `services`.
"""

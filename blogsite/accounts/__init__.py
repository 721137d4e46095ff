"""Accounts (django-allauth), as this site runs them: links on SITE_URL, e-mails a stranger
can trigger capped per address and per connection, two factors for staff."""

"""E-mail subscriptions to new articles: its own app (label "subscriptions").

Readers subscribe per language (double opt-in, or one click when signed in) to each new
article or to a weekly digest. Publishing an article, or a scheduled one coming due, creates
one Mailing (a unique row per article: never twice) and one Delivery per subscriber (unique
per mailing and subscriber), which task workers claim and send in batches. Posts never
imports this app: it listens to Post's post_save from SubscriptionsConfig.ready().
"""

"""The "+1" reactions row under each article: its own app (label "reactions").

Models, services, views, URLs, template tags and admin of reactions live here, as the spam
filter lives in comments/spam/. Reactions depend on posts; posts never imports them: the
counts on article cards are registered with posts.listing from ReactionsConfig.ready().
"""

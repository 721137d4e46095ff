"""Demo content for `manage.py load_demo`: articles as Markdown files, the rest as data.

- articles/*.md: one article per file, a small front matter header then the Markdown body.
- people.py: the demo authors, tags, comments.
"""

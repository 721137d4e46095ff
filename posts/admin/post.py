"""Admin for articles and tags."""

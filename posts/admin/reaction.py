"""Admin for reaction kinds and reactions."""

"""Models of the consent app (filled by its issue)."""

"""Models of the employers app (filled by its issue)."""

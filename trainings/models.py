"""Models of the trainings app (filled by its issue)."""

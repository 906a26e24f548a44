"""Starting content of the employers app, loaded by `manage.py load_content`."""


def load(*, force=False, stdout=None):
    """Create the starting rows that are missing; with force, overwrite staff edits too."""
    return {}

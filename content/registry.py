"""
The content registry: each feature app, in its AppConfig.ready(), registers what the
shared commands and caches need to know about it, so `content` never imports a feature app:

- `load`: the dotted path of its starting-content function, `rows(loader)`, which writes
  rows through `content.loading.ContentLoader` (run by `manage.py load_content`, in the
  order of INSTALLED_APPS, so careers loads before the apps that link to its roles);
- `demo`: {option name: dotted path of `seed(count, stdout=...)`} for `manage.py seed_demo`;
- `cached_models`: models whose changes invalidate the page cache.
"""

from dataclasses import dataclass, field

from content.pagecache import invalidate_on_change


@dataclass
class Registration:
    app_label: str
    load: str = ""
    demo: dict = field(default_factory=dict)


_registry: dict[str, Registration] = {}


def register(app_config, *, load="", demo=None, cached_models=()):
    _registry[app_config.label] = Registration(app_config.label, load, dict(demo or {}))
    invalidate_on_change(*cached_models)


def registrations():
    """Registrations in INSTALLED_APPS order."""
    from django.apps import apps

    order = [config.label for config in apps.get_app_configs()]
    return sorted(_registry.values(), key=lambda r: order.index(r.app_label))

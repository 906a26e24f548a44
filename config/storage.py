"""
The static files storage of production: whitenoise's compressed manifest storage, which
names each file by a hash of its content, with each file's address worked out once per
process.

The manifest does not change while the server runs (collectstatic writes it before the
server starts), and every page asks for the same few addresses: base.html alone for seven
(stylesheets, icons, the script, the logo). The manifest storage looks each name up and
joins and quotes the address again on every call, about 30 microseconds each (a tenth of
what a page with no query costs to render); kept, the second call is a dictionary lookup.
"""

from functools import lru_cache

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Names come from templates and code ({% static %}), never from a visitor: a few hundred
# files at most.
MAX_KEPT_URLS = 1024


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.url = lru_cache(maxsize=MAX_KEPT_URLS)(self.url)

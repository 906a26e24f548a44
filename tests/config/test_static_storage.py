"""The production static files storage (config/storage.py): whitenoise's manifest storage,
each file's address worked out once per process."""

import json

import pytest

from config.storage import ManifestStaticFilesStorage


def _storage(root, paths):
    (root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
    return ManifestStaticFilesStorage(location=root, base_url="/static/")


def test_each_address_comes_from_the_manifest_and_is_kept(tmp_path):
    storage = _storage(tmp_path, {"css/site.css": "css/site.0123456789ab.css"})
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
    # Kept: the manifest is not read again for a name already asked for.
    storage.hashed_files["css/site.css"] = "css/site.ba9876543210.css"
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"


def test_a_file_missing_from_the_manifest_is_still_an_error_each_time(tmp_path):
    storage = _storage(tmp_path, {})
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")

"""Property tests: no cookie value breaks the server, and `*` is the only wildcard."""

from hypothesis import given, settings
from hypothesis import strategies as st

from consent import registry, state
from consent.models import cookie_name_matches

NAMES = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=20)


@settings(max_examples=50, deadline=None)
@given(value=st.text(max_size=300))
def test_any_consent_cookie_value_is_read_without_error_and_grants_nothing(value):
    from django.conf import settings as django_settings
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.COOKIES[django_settings.CONSENT_COOKIE_NAME] = value
    consent = state.read(request)
    consent.loaded_registry = registry.Registry(revision=1)
    assert consent.has_choice is False
    assert consent.granted("analytics") is False
    assert consent.granted("necessary") is True


@settings(max_examples=50, deadline=None)
@given(prefix=NAMES.filter(lambda s: "*" not in s), suffix=NAMES)
def test_pattern_matches_any_suffix_and_only_that_prefix(prefix, suffix):
    assert cookie_name_matches(prefix + "*", prefix + suffix)
    assert cookie_name_matches(prefix, prefix)
    assert not cookie_name_matches(prefix, prefix + "x")
    # "x<prefix>*" matches only names that start with "x<prefix>".
    name = prefix + suffix
    assert cookie_name_matches("x" + prefix + "*", name) == name.startswith("x" + prefix)


def test_special_characters_in_patterns_are_literal():
    assert cookie_name_matches("a[b]*", "a[b]c")
    assert not cookie_name_matches("a[b]*", "abc")
    assert not cookie_name_matches("a?", "ab")

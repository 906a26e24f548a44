"""
The parts of a search page rendered once and reused (content.pagecache.cached_fragment):
the county map and the filters' field groups. Reused markup must still be right for the
search it appears in, follow content changes and the page's language, and what a visitor
types must never become one of the kept fragments.
"""

import re

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from content.pagecache import (
    MAX_FRAGMENT_BYTES,
    VERSION_KEY,
    ContentVersionMiddleware,
    bump_content_version,
    content_version,
    fragments_held,
)
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.places.test_county_map import counted, map_links
from tests.trainings.factories import ProviderFactory, TrainingFactory

pytestmark = pytest.mark.django_db


def selected_option(response, name):
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*selected>', select)


def test_each_search_shows_its_own_choices_picked(client):
    TrainingFactory(provider=ProviderFactory(county="Albany"))
    for county in ("Albany", "Bronx", "", "Albany"):
        response = client.get("/trainings/", {"county": county, "kind": "degree"})
        assert selected_option(response, "county") == [county]
        assert selected_option(response, "kind") == ["degree"]
    for county in ("Kings", "Erie", "Kings"):
        response = client.get("/employers/", {"county": county})
        assert selected_option(response, "county") == [county]


def test_a_ticked_box_is_ticked_only_where_it_was_ticked(client):
    ticked = client.get("/trainings/", {"free": "on"}).content.decode()
    plain = client.get("/trainings/").content.decode()
    box = re.compile(r'<input type="checkbox" name="free"[^>]*>')
    assert "checked" in box.search(ticked).group(0)
    assert "checked" not in box.search(plain).group(0)


def test_the_map_follows_content_changes(client):
    albany = ProviderFactory(county="Albany")
    TrainingFactory(provider=albany)
    first = map_links(client.get("/trainings/", {"q": "first"}))
    assert counted(first["Albany"][1]) == 1
    TrainingFactory(provider=albany)  # a save bumps the content version
    second = map_links(client.get("/trainings/", {"q": "second"}))
    assert counted(second["Albany"][1]) == 2
    location = LocationFactory(employer=EmployerFactory(), county="Kings", zip_code="11201")
    assert counted(map_links(client.get("/employers/"))["Kings"][1]) == 1
    location.delete()
    assert counted(map_links(client.get("/employers/"))["Kings"][1]) == 0


def test_fragments_are_in_the_page_language(client):
    TrainingFactory(provider=ProviderFactory(county="Albany"))
    english = client.get("/trainings/", {"county": "Albany"}).content.decode()
    spanish = client.get("/es/trainings/", {"county": "Albany"}).content.decode()
    assert "Any county" in english and "Any county" not in spanish
    assert "Cualquier condado" in spanish
    assert "Albany County: 1 training" in english
    assert "Condado de Albany" in spanish


def test_what_a_visitor_types_is_never_kept(client):
    client.get("/trainings/")
    client.get("/employers/")
    held, _ = fragments_held()
    for n in range(60):
        client.get("/trainings/", {"q": f"word{n}", "county": f"Nowhere{n}", "max_cost": n})
        client.get("/employers/", {"q": f"name{n}", "county": f"Nowhere{n}", "zip": "10001"})
    # Only the one choice-free rendering of each bad field and each plain one: no growth
    # with the number of distinct values sent.
    count, size = fragments_held()
    assert count - held <= 10
    assert size <= MAX_FRAGMENT_BYTES


def test_a_kept_result_card_shows_each_search_its_own_distance(client):
    near_albany = ProviderFactory(county="Albany", zip_code="12207", city="Albany")
    training = TrainingFactory(
        title="Kept card training", provider=near_albany, delivery="in_person"
    )
    distances = []
    for zip_code in ("12207", "12180", "12866"):  # Albany, Troy, Saratoga Springs
        html = client.get("/trainings/", {"zip": zip_code, "miles": "50"}).content.decode()
        card = html[html.index("Kept card training") :]
        card = card[: card.index("</li>")]
        distances.append(re.search(r"Distance</dt><dd>([^<]*)</dd>", card).group(1))
        assert "<!--" not in card
    assert len(set(distances)) == 3 and all(d.endswith(" miles") for d in distances)
    assert distances[0] == "0.0 miles"
    training.title = "Renamed card training"
    training.save()
    assert "Renamed card training" in client.get("/trainings/", {"zip": "12207"}).content.decode()


def employer_card(html, name):
    card = html[html.index(f">{name}</a>") :]
    return card[: card.index("</li>")]


def test_a_kept_employer_card_shows_each_search_its_own_distance_and_other_locations(client):
    employer = EmployerFactory(name="Kept card employer")
    LocationFactory(
        employer=employer, name="Albany office", city="Albany", county="Albany", zip_code="12207"
    )
    LocationFactory(
        employer=employer, name="Troy office", city="Troy", county="Rensselaer", zip_code="12180"
    )
    seen = []
    for zip_code, miles in (("12207", "5"), ("12207", "50"), ("12866", "50"), ("12207", "5")):
        html = client.get("/employers/", {"zip": zip_code, "miles": miles}).content.decode()
        card = employer_card(html, "Kept card employer")
        assert "<!--" not in card
        distance = re.search(r"([\d.]+) miles away:", card).group(1)
        others = re.search(r'<span class="muted">([^<]*)</span>', card)
        seen.append((distance, others.group(1) if others else ""))
        place = re.search(r"</strong>\s*([^<]*?)\s*(?:<span|</p>)", card).group(1)
        assert place == (
            "Troy office, Troy, Rensselaer County"
            if zip_code == "12866"
            else "Albany office, Albany, Albany County"
        )
    # Albany within 5 miles: the Albany office only; within 50: Troy too; from Saratoga
    # Springs, both again, nearest first and another distance; then the first search again.
    assert seen[0] == ("0.0", "") and seen[3] == seen[0]
    assert seen[1] == ("0.0", "(and 1 more location in range)")
    assert seen[2][0] not in ("0.0", "") and seen[2][1] == "(and 1 more location in range)"
    listed = employer_card(
        client.get("/employers/", {"county": "Albany"}).content.decode(), "Kept card employer"
    )
    assert "miles away" not in listed and "Albany office, Albany, Albany County" in listed
    spanish = client.get("/es/employers/", {"zip": "12207", "miles": "50"}).content.decode()
    assert "(y 1 sede más dentro de la distancia)" in employer_card(spanish, "Kept card employer")
    employer.name = "Renamed card employer"
    employer.save()
    renamed = client.get("/employers/", {"zip": "12207", "miles": "5"}).content.decode()
    assert "Renamed card employer" in renamed and "Kept card employer" not in renamed


def result_list(response):
    html = response.content.decode()
    return re.search(r'<ul class="training-list">.*?</ul>', html, re.S).group(0)


def kept_cards():
    """{(language, name): kept value} of the training cards this process keeps for the
    current content."""
    from content.pagecache import _fragments

    return {
        (language, name): kept[0]
        for (version, language, name), kept in _fragments._entries.items()
        if version == content_version() and name.startswith("trainings:card:")
    }


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_card_comes_back_from_its_compressed_copy_as_it_was_rendered(client, prefix):
    provider = ProviderFactory(county="Albany", zip_code="12207", city="Albany")
    for n in range(4):
        TrainingFactory(title=f"Kept compressed {n}", provider=provider, delivery="in_person")
    query = {"county": "Albany", "zip": "12207", "miles": "25"}
    rendered = result_list(client.get(f"{prefix}/trainings/", query))
    kept = kept_cards()
    assert len(kept) == 4
    for value in kept.values():
        assert isinstance(value, bytes)
    # The cards after the first are kept in a fraction of their markup (the first is the
    # dictionary the others are compressed with).
    card_markup = len(rendered.encode()) / 4
    assert sorted(len(value) for value in kept.values())[:3][-1] < card_markup / 3
    again = result_list(client.get(f"{prefix}/trainings/", query))
    assert kept_cards() == kept  # nothing rendered again
    assert again == rendered
    assert again.count("Kept compressed") == 8  # each title twice: link and checkbox label


def test_kept_fragments_stay_within_their_bound(client, monkeypatch):
    monkeypatch.setattr("content.pagecache._fragments.max_size", 20_000)
    provider = ProviderFactory(county="Albany")
    TrainingFactory.create_batch(30, provider=provider)
    for page in (1, 2):
        for county in ("", "Albany", "Bronx", "Erie"):
            response = client.get("/trainings/", {"county": county, "page": page})
            assert response.status_code == 200
            assert selected_option(response, "county") == [county]
    assert fragments_held()[1] <= 20_000


def test_a_kept_fragment_is_drawn_again_once_a_cached_page_would_have_expired(settings):
    """With a per-process cache a change saved by another process does not reach this
    process's content version; fragments then expire as cached pages do."""
    from content.pagecache import cached_fragment

    drawn = []

    def draw():
        drawn.append(1)
        return f"<p>{len(drawn)}</p>"

    assert cached_fragment("test:expiry", draw) == "<p>1</p>"
    assert cached_fragment("test:expiry", draw) == "<p>1</p>"
    settings.PAGE_CACHE_SECONDS = 0
    assert cached_fragment("test:expiry", draw) == "<p>2</p>"
    assert len(drawn) == 2


def test_a_search_reads_the_content_version_once(client, cache_reads):
    """Every kept fragment, card and page key of a request is keyed by one content version,
    read from the cache once: with a shared cache each read is a round trip (a trainings
    search made about thirty)."""
    for n in range(6):
        albany = ProviderFactory(city="Albany", county="Albany", zip_code="12207")
        TrainingFactory(title=f"Evening care course {n}", provider=albany)
    for query in ({"q": "evening care", "zip": "12207", "county": "Albany"}, {"q": "course"}):
        cache_reads.clear()
        response = client.get("/trainings/", query)
        assert response.status_code == 200
        assert response.content.decode().count('class="card training-card"') == 6
        assert cache_reads.count(VERSION_KEY) == 1, cache_reads


def test_within_a_request_the_content_version_holds_until_the_request_changes_content(rf):
    seen = []

    def view(request):
        seen.append(content_version())
        cache.set(VERSION_KEY, "saved-by-another-process")  # seen by the next request
        seen.append(content_version())
        bump_content_version()  # this request saved content: it reads the new version
        seen.append(content_version())
        seen.append(content_version())
        return HttpResponse()

    ContentVersionMiddleware(view)(rf.get("/"))
    first, after_elsewhere, after_own, again = seen
    assert first == after_elsewhere != after_own == again
    assert after_own not in (first, "saved-by-another-process")
    assert content_version() == after_own  # outside a request: read afresh each time
    cache.set(VERSION_KEY, "outside")
    assert content_version() == "outside"

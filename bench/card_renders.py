"""
How often the searches render a result card again instead of reading the copy this process
keeps (content.pagecache.cached_template), counted instead of timed: the same on every run,
so two versions of the fragment store compare on a machine whose timings swing by a quarter
between identical runs. One process sends the URL lists of the page types given (as
bench/site_sample.py writes them for `make bench`: each type's warm-up list, then its
measured list), interleaved, one request of each type in turn, as a worker of `make bench`
serves them all; the first half of the requests fill the store, the second half are counted.

    DATABASE_URL=sqlite:///$PWD/bench/http.sqlite3 \\
        python bench/card_renders.py URL_DIR [--requests 2000] \\
        [--types trainings-search es:-trainings-search employers-search]

Prints the cards rendered and shown in the counted half, and what the store then holds.
"""

import argparse
from pathlib import Path

import inprocess

inprocess.setup()

from content import pagecache  # noqa: E402


def url_list(directory, page_type):
    paths = [directory / f"{page_type}.warm.txt", directory / f"{page_type}.txt"]
    return [u for path in paths for u in path.read_text().split() if u.startswith("/")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("urls", type=Path, help="the directory of site_sample.py's lists")
    parser.add_argument("--requests", type=int, default=2000, help="of each page type")
    parser.add_argument(
        "--types",
        nargs="+",
        default=["trainings-search", "es:-trainings-search", "employers-search"],
    )
    args = parser.parse_args()
    lists = [url_list(args.urls, page_type) for page_type in args.types]
    counted = {"rendered": 0, "shown": 0}
    render = pagecache.render_to_string
    cached_template = pagecache.cached_template

    def counting_render(*render_args, **kwargs):
        counted["rendered"] += 1
        return render(*render_args, **kwargs)

    def counting_card(*card_args, **kwargs):
        counted["shown"] += 1
        return cached_template(*card_args, **kwargs)

    # Only cached_template renders through this module's render_to_string.
    pagecache.render_to_string = counting_render
    client = inprocess.client()
    half = args.requests // 2
    for n in range(args.requests):
        if n == half:
            counted.update(rendered=0, shown=0)
            # The card tags imported cached_template by name: count through their reference.
            for module in _card_modules():
                module.cached_template = counting_card
        for urls in lists:
            client.get(urls[n % len(urls)])
    entries, size = pagecache.fragments_held()
    shown, rendered = counted["shown"], counted["rendered"]
    print(f"requests {half:,} to {args.requests:,} of each of: {', '.join(args.types)}")
    print(f"cards shown {shown:,}, rendered again {rendered:,} ({rendered / max(shown, 1):.0%})")
    print(f"store: {entries:,} entries, {size:,} of {pagecache.MAX_FRAGMENT_BYTES:,} bytes")


def _card_modules():
    from employers.templatetags import employers_tags
    from trainings.templatetags import trainings_tags

    return [employers_tags, trainings_tags]


if __name__ == "__main__":
    main()

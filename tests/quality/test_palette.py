"""
The palette in static/css/site.css meets WCAG 2.2 AA contrast in the light scheme and in
the dark one (prefers-color-scheme: dark): 4.5:1 for text, 3:1 for borders and other
non-text parts people need to see. axe-core checks rendered pages too
(tests/browser/test_look.py), but it cannot see every pair (hover colors, notices that show
only after an action), so the pairs are checked here from the tokens themselves.
"""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_text()

# (foreground, background, minimum ratio)
TEXT = 4.5
NON_TEXT = 3.0
PAIRS = [
    ("text", "bg", TEXT),
    ("text", "surface", TEXT),
    ("muted", "bg", TEXT),
    ("muted", "surface", TEXT),
    ("brand", "bg", TEXT),
    ("brand", "surface", TEXT),
    ("brand-dark", "bg", TEXT),
    ("brand-dark", "surface", TEXT),
    ("on-brand", "brand", TEXT),
    ("on-brand", "brand-dark", TEXT),
    ("header-text", "header-bg", TEXT),
    ("error", "bg", TEXT),
    ("error", "error-bg", TEXT),
    ("text", "error-bg", TEXT),
    ("success", "success-bg", TEXT),
    ("text", "success-bg", TEXT),
    ("text", "warning-bg", TEXT),
    ("brand", "warning-bg", TEXT),
    ("border", "bg", NON_TEXT),
    ("warning-edge", "warning-bg", NON_TEXT),
    ("warning-edge", "bg", NON_TEXT),
    ("accent", "header-bg", NON_TEXT),
]


def _tokens(block):
    return dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-fA-F]{6})", block))


def schemes():
    light = _tokens(CSS[CSS.index(":root {") : CSS.index("}", CSS.index(":root {"))])
    dark_start = CSS.index("@media (prefers-color-scheme: dark)")
    dark_block = CSS[dark_start : CSS.index("}\n}", dark_start)]
    return {"light": light, "dark": {**light, **_tokens(dark_block)}}


def luminance(hex_color):
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_dark_scheme_redefines_the_colors_that_change():
    light, dark = schemes()["light"], schemes()["dark"]
    assert dark["bg"] != light["bg"]
    assert dark["text"] != light["text"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_palette_pair_meets_wcag_aa(scheme, fg, bg, minimum):
    colors = schemes()[scheme]
    ratio = contrast(colors[fg], colors[bg])
    assert ratio >= minimum, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_contrast_formula_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)

"""Subset KERN's Fira Sans into one file per face and script (`make fonts`).

A browser downloads a face's file for a script only when a page shows a character of that
script (`unicode-range` in static/css/fonts.css): a German or English page loads the Latin files
only, a page in Ukrainian the Cyrillic ones as well. Hinting is dropped (browsers render the
outlines without it); the layout features that pyftsubset keeps by default stay.

    .venv/bin/python tools/subset_fonts.py node_modules/@kern-ux/native/dist/fonts/fira-sans

writes static/vendor/kern-ux/fonts/FiraSans-<face>-<subset>.woff2 and static/css/fonts.css.
"""

import sys
from pathlib import Path

from fontTools import subset

BASE = Path(__file__).resolve().parents[1]
TARGET = BASE / "static" / "vendor" / "kern-ux" / "fonts"
STYLESHEET = BASE / "static" / "css" / "fonts.css"

# (file name, weight, style): only the faces KERN's CSS uses.
FACES = [
    ("Regular", 400, "normal"),
    ("Italic", 400, "italic"),
    ("Medium", 500, "normal"),
    ("SemiBold", 600, "normal"),
]

# The script ranges as the CSS Fonts module's examples and the common font services split them.
SUBSETS = {
    "latin": "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, "
    "U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
    "latin-ext": "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1D00-1DBF, "
    "U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, "
    "U+A720-A7FF",
    "cyrillic": "U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116, U+0460-052F, "
    "U+1C80-1C8A, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F",
    "greek": "U+0370-0377, U+037A-037F, U+0384-038A, U+038C, U+038E-03A1, U+03A3-03FF, U+1F00-1FFF",
}

HEADER = """/* Fira Sans from @kern-ux/native, subset by script (make fonts, tools/subset_fonts.py):
   the browser loads a file only for the characters a page shows. Generated: do not edit. */
"""

RULE = """@font-face {{
  font-family: "Fira Sans";
  src: url("../vendor/kern-ux/fonts/{file}") format("woff2");
  font-weight: {weight};
  font-style: {style};
  font-display: swap;
  unicode-range: {ranges};
}}
"""


def main(source):
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("FiraSans-*.woff2"):
        old.unlink()
    rules = []
    for face, weight, style in FACES:
        for name, ranges in SUBSETS.items():
            file = f"FiraSans-{face}-{name}.woff2"
            subset.main(
                [
                    str(Path(source) / f"FiraSans-{face}.woff2"),
                    f"--unicodes={ranges.replace(' ', '')}",
                    "--flavor=woff2",
                    "--no-hinting",
                    f"--output-file={TARGET / file}",
                ]
            )
            rules.append(RULE.format(file=file, weight=weight, style=style, ranges=ranges))
    STYLESHEET.write_text(HEADER + "".join(rules))


if __name__ == "__main__":
    main(sys.argv[1])

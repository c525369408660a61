"""Re-make course_lib/data/glyph_ink.npz, the offline glyph set's stored FreeType bitmaps.

    python scripts/render_glyph_ink.py

Run it only on purpose (a new alphabet or drawer): the bitmaps decide the offline one-shot
data set, so a new file changes chapters 14 and 15 and lab 4, and their stored outputs must be
re-made (make notebooks). The matplotlib version that drew them is stored with them.
"""

from __future__ import annotations

import sys

import matplotlib
import numpy as np

from course_lib.data import _glyphs


def main() -> int:
    path = _glyphs.write_ink_table()
    with np.load(path) as stored:
        count = len(stored["shapes"])
    print(f"wrote {path} ({count} bitmaps, matplotlib {matplotlib.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

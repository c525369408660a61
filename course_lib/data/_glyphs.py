"""One-shot learning data: glyphs rendered from matplotlib's fonts (offline), Omniglot (online).

Both come as a :class:`GlyphSet`: characters are classes, alphabets are
splits (the train split holds the *background* alphabets, the test split the
*evaluation* alphabets, never seen in training), and every image records its
*drawer*: the person who drew it (Omniglot) or the font that rendered it.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._validate import check_choice, check_int
from ._common import Dataset, fetch_file, real_or_fallback

# The 12 drawers of the offline set: DejaVu Sans, Serif and Sans Mono in four styles each.
# They ship with matplotlib and, unlike its STIX and Computer Modern fonts, cover all five scripts.
FONT_DRAWERS = tuple(
    f"DejaVu{family}{style}.ttf"
    for family, styles in (
        ("Sans", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Serif", ("", "-Bold", "-Italic", "-BoldItalic")),
        ("SansMono", ("", "-Bold", "-Oblique", "-BoldOblique")),
    )
    for style in styles
)


def _chars(*ranges, skip=()):
    return tuple(
        chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if c not in skip
    )


ALPHABETS = {
    "Latin": _chars((0x41, 0x5A), (0x61, 0x7A)),
    "Cyrillic": _chars((0x410, 0x44F)),
    "Greek": _chars(
        (0x391, 0x3A9), (0x3B1, 0x3C9), skip=(0x3A2, 0x3C2)
    ),  # no reserved code, no final sigma
    "Armenian": _chars((0x561, 0x586)),
    "Georgian": _chars((0x10D0, 0x10F0)),
}
BACKGROUND_ALPHABETS = ("Latin", "Cyrillic", "Greek")
EVALUATION_ALPHABETS = ("Armenian", "Georgian")
# Two characters whose plain renders differ in less than this fraction of their ink
# count as one glyph (Latin A and Cyrillic А: 0.006; Greek Γ and Cyrillic Г: 0.077;
# while Greek Θ and Latin O differ by 0.155, Latin l and I by 0.27).
HOMOGLYPH_TOLERANCE = 0.1


@dataclass(frozen=True)
class GlyphSet(Dataset):
    """A one-shot data set: ``drawers_*`` give each image's drawer, ``alphabet_of``
    each class's alphabet; train and test hold disjoint alphabets."""

    drawers_train: np.ndarray
    drawers_test: np.ndarray
    alphabet_of: tuple[str, ...]


def _font_path(font):
    import matplotlib

    return os.path.join(matplotlib.get_data_path(), "fonts", "ttf", font)


@functools.lru_cache(maxsize=None)
def _face(font):
    from matplotlib.ft2font import FT2Font

    face = FT2Font(_font_path(font))
    face.set_size(48, 72)
    return face


# Every character of ALPHABETS in every drawer, as FreeType draws it (48 px, anti-aliased,
# cropped to its ink), stored in the package: matplotlib's FreeType build and DejaVu files
# change between versions (3.10 and 3.11 differ in most bitmaps), and the data set, the
# pretrained glyph network and every result trained on it must not. Made by
# scripts/render_glyph_ink.py; tests/unit/test_one_shot_data.py re-renders it on the pinned
# versions.
INK_FILE = Path(__file__).with_name("glyph_ink.npz")
INK_THRESHOLD = 25  # a FreeType grey level above which a pixel counts as ink


def render_ink(char: str, font: str) -> np.ndarray:
    """``char`` drawn by matplotlib's FreeType in ``font`` (a FONT_DRAWERS file name) at
    48 px, anti-aliased, cropped to its ink: a uint8 array. This is what INK_FILE stores; the
    data set reads the stored copy (:func:`glyph_ink`) so that it does not depend on the
    installed matplotlib."""
    face = _face(font)
    face.set_text(char, 0.0)
    face.draw_glyphs_to_bitmap(antialiased=True)
    ink = np.asarray(face.get_image())
    rows, cols = np.nonzero(ink > INK_THRESHOLD)
    if rows.size == 0:
        raise ValueError(
            f"render_ink: {font} draws no ink for {char!r} (U+{ord(char):04X})"
        )
    return np.ascontiguousarray(
        ink[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    )


def _all_characters():
    return tuple(char for chars in ALPHABETS.values() for char in chars)


def write_ink_table(path: Path = INK_FILE) -> Path:
    """Render every (character, drawer) with :func:`render_ink` and store them in ``path``."""
    chars = _all_characters()
    inks = [render_ink(char, font) for char in chars for font in FONT_DRAWERS]
    import matplotlib

    np.savez_compressed(
        path,
        matplotlib_version=np.array(matplotlib.__version__),
        characters=np.array(chars),
        fonts=np.array(FONT_DRAWERS),
        shapes=np.array([ink.shape for ink in inks], "int16"),
        ink=np.concatenate([ink.ravel() for ink in inks]),
    )
    return Path(path)


@functools.lru_cache(maxsize=1)
def _ink_table() -> dict[tuple[str, str], np.ndarray]:
    with np.load(INK_FILE) as stored:
        chars, fonts = tuple(stored["characters"]), tuple(stored["fonts"])
        shapes, flat = stored["shapes"], stored["ink"]
    if chars != _all_characters() or fonts != FONT_DRAWERS:
        raise RuntimeError(
            f"{INK_FILE.name} does not hold ALPHABETS x FONT_DRAWERS; "
            "re-make it with scripts/render_glyph_ink.py"
        )
    table, start = {}, 0
    keys = [(char, font) for char in chars for font in fonts]
    for key, (height, width) in zip(keys, shapes):
        end = start + int(height) * int(width)
        table[key] = flat[start:end].reshape(int(height), int(width))
        start = end
    return table


def glyph_ink(char: str, font: str) -> np.ndarray:
    """The stored ink bitmap of ``char`` in ``font`` (see :func:`render_ink`)."""
    check_choice("glyph_ink", "font", font, FONT_DRAWERS)
    try:
        return _ink_table()[(char, font)]
    except KeyError:
        raise ValueError(
            f"glyph_ink: {char!r} is not a character of the offline alphabets "
            f"({', '.join(ALPHABETS)})"
        ) from None


def _ink_distance(a, b):
    """Fraction of the ink of two renders that differs: 0 for identical glyphs."""
    return float(np.abs(a - b).sum() / np.maximum(a, b).sum())


def _render(char, font, size, angle=0.0, scale=1.0, shift=(0.5, 0.5)):
    """One character, anti-aliased, cropped to its ink, fitted into a ``size`` square
    with a 4-pixel margin (like MNIST), optionally rotated, shrunk, and placed off
    centre (``shift``: where in the free space, 0 to 1 down and across; 0.5 centres)."""
    from PIL import Image

    ink = glyph_ink(char, font)
    side = max(ink.shape)
    square = np.zeros((side, side), np.uint8)
    top, left = (side - ink.shape[0]) // 2, (side - ink.shape[1]) // 2
    square[top : top + ink.shape[0], left : left + ink.shape[1]] = ink
    picture = Image.fromarray(square).rotate(
        angle, resample=Image.BILINEAR, expand=True
    )
    inner = max(1, round((size - 8) * scale))
    picture = (
        np.asarray(picture.resize((inner, inner), Image.BILINEAR), "float32") / 255.0
    )
    out = np.zeros((size, size), "float32")
    top, left = (round((size - inner) * f) for f in shift)
    out[top : top + inner, left : left + inner] = picture
    return out


# The characters dropped as homoglyphs of an earlier one (character -> the one it copies),
# with their ink distance on matplotlib 3.11's DejaVu fonts at 28x28. Fixed here instead of
# measured when the data are made: renders differ slightly between matplotlib versions, and a
# character close to the tolerance (Armenian \u057d against Latin u, 0.091) would be a class on
# one version and not on another, changing the data set and every result trained on it.
# tests/unit/test_one_shot_data.py re-measures the table on the pinned versions.
HOMOGLYPHS = {
    "\u0410": "\u0041",  # Cyrillic А = Latin A (0.006)
    "\u0412": "\u0042",  # Cyrillic В = Latin B (0.000)
    "\u0415": "\u0045",  # Cyrillic Е = Latin E (0.000)
    "\u041c": "\u004d",  # Cyrillic М = Latin M (0.000)
    "\u041d": "\u0048",  # Cyrillic Н = Latin H (0.000)
    "\u041e": "\u004f",  # Cyrillic О = Latin O (0.000)
    "\u0420": "\u0050",  # Cyrillic Р = Latin P (0.000)
    "\u0421": "\u0043",  # Cyrillic С = Latin C (0.000)
    "\u0422": "\u0054",  # Cyrillic Т = Latin T (0.000)
    "\u0425": "\u0058",  # Cyrillic Х = Latin X (0.000)
    "\u0430": "\u0061",  # Cyrillic а = Latin a (0.000)
    "\u0435": "\u0065",  # Cyrillic е = Latin e (0.000)
    "\u043e": "\u006f",  # Cyrillic о = Latin o (0.000)
    "\u0440": "\u0070",  # Cyrillic р = Latin p (0.000)
    "\u0441": "\u0063",  # Cyrillic с = Latin c (0.000)
    "\u0443": "\u0079",  # Cyrillic у = Latin y (0.007)
    "\u0445": "\u0078",  # Cyrillic х = Latin x (0.000)
    "\u0391": "\u0041",  # Greek Α = Latin A (0.015)
    "\u0392": "\u0042",  # Greek Β = Latin B (0.010)
    "\u0393": "\u0413",  # Greek Γ = Cyrillic Г (0.077)
    "\u0395": "\u0045",  # Greek Ε = Latin E (0.021)
    "\u0396": "\u005a",  # Greek Ζ = Latin Z (0.026)
    "\u0397": "\u0048",  # Greek Η = Latin H (0.000)
    "\u0399": "\u0049",  # Greek Ι = Latin I (0.022)
    "\u039a": "\u004b",  # Greek Κ = Latin K (0.000)
    "\u039c": "\u004d",  # Greek Μ = Latin M (0.000)
    "\u039d": "\u004e",  # Greek Ν = Latin N (0.000)
    "\u039f": "\u004f",  # Greek Ο = Latin O (0.030)
    "\u03a0": "\u041f",  # Greek Π = Cyrillic П (0.021)
    "\u03a1": "\u0050",  # Greek Ρ = Latin P (0.017)
    "\u03a4": "\u0054",  # Greek Τ = Latin T (0.025)
    "\u03a5": "\u0059",  # Greek Υ = Latin Y (0.000)
    "\u03a7": "\u0058",  # Greek Χ = Latin X (0.000)
    "\u03bf": "\u006f",  # Greek ο = Latin o (0.035)
    "\u057d": "\u0075",  # Armenian ս = Latin u (0.091)
    "\u0585": "\u006f",  # Armenian օ = Latin o (0.038)
}


def _distinct_characters():
    """(alphabet, character) pairs in ALPHABETS order, without the HOMOGLYPHS."""
    return tuple(
        (alphabet, char)
        for alphabet, chars in ALPHABETS.items()
        for char in chars
        if char not in HOMOGLYPHS
    )


def measured_homoglyphs(size: int = 28) -> dict[str, tuple[str, float]]:
    """Re-measure HOMOGLYPHS: every character whose plain renders in all drawers lie within
    HOMOGLYPH_TOLERANCE of an earlier kept character's -> (that character, distance)."""
    kept, renders, found = [], [], {}
    for chars in ALPHABETS.values():
        for char in chars:
            stack = np.stack([_render(char, font, size) for font in FONT_DRAWERS])
            distances = [_ink_distance(stack, other) for other in renders]
            nearest = int(np.argmin(distances)) if distances else None
            if nearest is not None and distances[nearest] < HOMOGLYPH_TOLERANCE:
                found[char] = (kept[nearest], distances[nearest])
                continue
            kept.append(char)
            renders.append(stack)
    return found


@functools.lru_cache(maxsize=4)
def _font_glyphs(size, seed):
    """All glyph images: each drawer renders each character once, rotated (+-12 degrees),
    scaled (80-100%) and moved off centre, as a hand would vary it."""
    rng = np.random.default_rng(seed)
    characters = _distinct_characters()
    images, labels, drawers = [], [], []
    for label, (_, char) in enumerate(characters):
        for drawer, font in enumerate(FONT_DRAWERS):
            images.append(
                _render(
                    char,
                    font,
                    size,
                    rng.uniform(-12, 12),
                    rng.uniform(0.8, 1.0),
                    rng.uniform(0.25, 0.75, 2),
                )
            )
            labels.append(label)
            drawers.append(drawer)
    return (
        np.stack(images)[..., None],
        np.array(labels, "int32"),
        np.array(drawers, "int32"),
        characters,
    )


def _split(images, labels, drawers, alphabet_of, background):
    """Train = images of background alphabets, test = the rest."""
    in_background = np.array([alphabet_of[label] in background for label in labels])
    return (
        images[in_background],
        labels[in_background],
        images[~in_background],
        labels[~in_background],
        drawers[in_background],
        drawers[~in_background],
    )


def font_glyphs(size: int = 28, seed: int = 0) -> GlyphSet:
    """The offline one-shot set the course generates: characters of five scripts
    rendered by 12 font 'drawers' (DejaVu Sans, Serif and Sans Mono in regular,
    bold, italic and bold italic, shipped with matplotlib), each rendering
    jittered by a random rotation and scale. Latin, Cyrillic and Greek are the
    background (train) alphabets; Armenian and Georgian, scripts the network
    never sees in training, are the evaluation (test) alphabets."""
    size = check_int("font_glyphs", "size", size, 16)
    seed = check_int("font_glyphs", "seed", seed, 0)
    images, labels, drawers, characters = _font_glyphs(size, seed)
    alphabet_of = tuple(alphabet for alphabet, _ in characters)
    x_train, y_train, x_test, y_test, d_train, d_test = _split(
        images, labels, drawers, alphabet_of, BACKGROUND_ALPHABETS
    )
    return GlyphSet(
        x_train,
        y_train,
        x_test,
        y_test,
        name="font glyphs",
        source=f"generated by course_lib.data.font_glyphs (seed {seed}): {len(characters)} characters "
        f"x {len(FONT_DRAWERS)} fonts; Omniglot replaces them when online",
        offline_fallback=True,
        class_names=tuple(char for _, char in characters),
        drawers_train=d_train,
        drawers_test=d_test,
        alphabet_of=alphabet_of,
    )


OMNIGLOT_URL = "https://raw.githubusercontent.com/brendenlake/omniglot/master/python/"


def _character_folders(root):
    """Folders holding the PNGs: ``.../<alphabet>/<character>/<id>_<drawer>.png``, at any depth
    (the archive's top folder may or may not be kept when it is extracted)."""
    return sorted({png.parent for png in Path(root).rglob("*.png")})


def _read_omniglot(characters, size):
    """Load every character folder; strokes become bright on black, like the other sets."""
    from PIL import Image

    images, labels, drawers, alphabet_of, names = [], [], [], [], []
    for label, character in enumerate(characters):
        names.append(f"{character.parent.name}/{character.name}")
        alphabet_of.append(character.parent.name)
        for png in sorted(character.glob("*.png")):
            picture = Image.open(png).convert("L").resize((size, size), Image.BILINEAR)
            images.append(1.0 - np.asarray(picture, "float32") / 255.0)
            labels.append(label)
            drawers.append(int(png.stem.rsplit("_", 1)[1]) - 1)
    return (
        np.stack(images)[..., None],
        np.array(labels, "int32"),
        np.array(drawers, "int32"),
        tuple(alphabet_of),
        tuple(names),
    )


OMNIGLOT_MD5 = {
    "background": "68d2efa1b9178cc56df9314c21c6e718",  # torchvision's Omniglot pins
    "evaluation": "6b91aef0f799c5bb55b94e3f2daec811",
}


def _omniglot_folders():
    return [
        fetch_file("Omniglot", OMNIGLOT_URL + f"images_{part}.zip", md5, extract=True)
        for part, md5 in OMNIGLOT_MD5.items()
    ]


def omniglot(size: int = 28) -> GlyphSet:
    """Omniglot (Lake et al. 2015): 1,623 handwritten characters from 50 alphabets,
    each drawn once by 20 people; the 30 background alphabets train, the 20
    evaluation alphabets test. Downloaded once (raises DataUnavailableError offline)."""
    size = check_int("omniglot", "size", size, 16)
    background, evaluation = (_character_folders(root) for root in _omniglot_folders())
    images, labels, drawers, alphabet_of, names = _read_omniglot(
        background + evaluation, size
    )
    background_alphabets = {character.parent.name for character in background}
    x_train, y_train, x_test, y_test, d_train, d_test = _split(
        images, labels, drawers, alphabet_of, background_alphabets
    )
    return GlyphSet(
        x_train,
        y_train,
        x_test,
        y_test,
        name="Omniglot",
        source="Omniglot (Lake et al. 2015): 30 background / 20 evaluation alphabets, 20 drawers",
        offline_fallback=False,
        class_names=names,
        drawers_train=d_train,
        drawers_test=d_test,
        alphabet_of=alphabet_of,
    )


def one_shot(source: str = "auto", size: int = 28, seed: int = 0) -> GlyphSet:
    """One-shot data for the Siamese chapter: "omniglot" (raises offline), "fonts"
    (:func:`font_glyphs`, offline), or "auto" (Omniglot unless COURSE_OFFLINE=1 or
    the download fails)."""
    func = "one_shot"
    check_choice(func, "source", source, ("auto", "omniglot", "fonts"))
    size, seed = check_int(func, "size", size, 16), check_int(func, "seed", seed, 0)
    return real_or_fallback(
        source, "omniglot", lambda: omniglot(size), lambda: font_glyphs(size, seed)
    )


def one_shot_trials(
    dataset: GlyphSet,
    n_way: int = 20,
    n_trials: int = 200,
    split: str = "test",
    seed: int = 0,
):
    """N-way one-shot trials as Koch et al. (2015) ran them: pick an alphabet, N of its
    characters and two drawers; the query is one character by the first drawer, the
    N candidates are all N characters by the second. Returns a list of
    ``(query, candidates, answer)``, ``answer`` being the index of the query's class
    among the candidates (for :func:`course_lib.models.one_shot.n_way_one_shot_accuracy`)."""
    func = "one_shot_trials"
    check_choice(func, "split", split, ("train", "test"))
    n_way, n_trials = (
        check_int(func, "n_way", n_way, 2),
        check_int(func, "n_trials", n_trials, 1),
    )
    check_int(func, "seed", seed, 0)
    x, y, drawers = (
        (dataset.x_train, dataset.y_train, dataset.drawers_train)
        if split == "train"
        else (dataset.x_test, dataset.y_test, dataset.drawers_test)
    )
    index = {
        (int(label), int(drawer)): i
        for i, (label, drawer) in enumerate(zip(y, drawers))
    }
    by_alphabet = {}
    for label in np.unique(y):
        by_alphabet.setdefault(dataset.alphabet_of[label], []).append(int(label))
    largest = max(len(labels) for labels in by_alphabet.values())
    check_int(
        func, "n_way", n_way, 2, largest, note=f"the largest {split} alphabet"
    )  # one alphabet per trial
    alphabets = sorted(a for a, labels in by_alphabet.items() if len(labels) >= n_way)
    all_drawers = np.unique(drawers)
    rng = np.random.default_rng(seed)
    trials = []
    while len(trials) < n_trials:
        labels = rng.choice(
            by_alphabet[alphabets[rng.integers(len(alphabets))]], n_way, replace=False
        )
        first, second = rng.choice(all_drawers, 2, replace=False)
        answer = int(rng.integers(n_way))
        keys = [(int(label), int(second)) for label in labels]
        if (int(labels[answer]), int(first)) not in index or any(
            k not in index for k in keys
        ):
            continue  # a drawer skipped a character
        trials.append(
            (
                x[index[int(labels[answer]), int(first)]],
                x[[index[k] for k in keys]],
                answer,
            )
        )
    return trials


def pairs(x, y, n_pairs: int, seed: int = 0):
    """Balanced training pairs for a Siamese network: half same-class, half not.
    Returns ``(left, right, same)`` with ``same`` 1.0 for a same-class pair."""
    n_pairs = check_int("pairs", "n_pairs", n_pairs, 2)
    check_int("pairs", "seed", seed, 0)
    rng = np.random.default_rng(seed)
    members = {int(label): np.flatnonzero(y == label) for label in np.unique(y)}
    labels = np.array(sorted(members))
    repeated = [label for label in labels if len(members[label]) >= 2]
    if not repeated or len(labels) < 2:
        raise ValueError(
            "pairs: needs two classes and a class with at least two images"
        )
    left, right = np.empty(n_pairs, int), np.empty(n_pairs, int)
    same = np.arange(n_pairs) % 2 == 0
    for i in range(n_pairs):
        if same[i]:
            label = rng.choice(repeated)
            left[i], right[i] = rng.choice(members[label], 2, replace=False)
        else:
            a, b = rng.choice(labels, 2, replace=False)
            left[i], right[i] = rng.choice(members[a]), rng.choice(members[b])
    return x[left], x[right], same.astype("float32")

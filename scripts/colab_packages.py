"""Colab's package versions, as the course's Colab job reproduces them (tests/colab/).

    python scripts/colab_packages.py --check                # the running env has Colab's versions
    python scripts/colab_packages.py --refresh FREEZE       # re-read them from a pip-freeze file

``--check`` runs after course_lib was installed the way Colab's first cell installs it: it fails
when that install replaced a package of Colab's stack (pip upgrading NumPy or Keras would
hand students a different, untested runtime). ``--refresh`` takes Colab's published
``pip-freeze.gpu.txt`` (googlecolab/backend-info; a path or an https URL) and rewrites the
pinned versions of tests/colab/colab-packages.txt, keeping its comments and its list of
packages; state the new date in the header by hand.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / "tests" / "colab" / "colab-packages.txt"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s#]+)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path = PACKAGES) -> dict[str, str]:
    """name -> version of every ``name==version`` line."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[_canonical(match.group(1))] = match.group(2)
    return found


def check(path: Path = PACKAGES) -> list[str]:
    """The pinned packages whose installed version differs (or that are missing)."""
    wrong = []
    for name, version in pinned(path).items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            wrong.append(f"{name}: not installed (Colab has {version})")
            continue
        if installed != version:
            wrong.append(f"{name}: {installed} installed, Colab has {version}")
    return wrong


def _read_freeze(source: str) -> dict[str, str]:
    if source.startswith("https://"):
        with urllib.request.urlopen(source, timeout=30) as response:
            text = response.read().decode("utf-8")
    else:
        text = Path(source).read_text(encoding="utf-8")
    versions = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            versions[_canonical(match.group(1))] = match.group(2)
    return versions


def refresh(source: str, path: Path = PACKAGES) -> list[str]:
    """Rewrite ``path``'s pins from a pip-freeze file; return the changes made."""
    versions = _read_freeze(source)
    lines, changes = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            name = _canonical(match.group(1))
            if name not in versions:
                raise SystemExit(
                    f"{source} does not list {match.group(1)}: Colab no longer ships it; "
                    "edit colab-packages.txt by hand"
                )
            if versions[name] != match.group(2):
                changes.append(f"{name}: {match.group(2)} -> {versions[name]}")
                line = f"{match.group(1)}=={versions[name]}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--refresh", metavar="FREEZE")
    args = parser.parse_args(argv)
    if args.check:
        wrong = check()
        for line in wrong:
            print(f"not Colab's stack: {line}", file=sys.stderr)
        if not wrong:
            print(f"Colab's stack intact: {len(pinned())} packages at Colab's versions")
        return 1 if wrong else 0
    for line in refresh(args.refresh) or ["no change"]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

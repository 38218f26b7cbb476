"""Figures saved one way: house style, fixed size and dpi, byte-for-byte reproducible PNG and SVG.

``save_figure`` strips what changes between runs (the PNG ``Software`` text, the SVG ``Date``),
fixes ``svg.hashsalt`` so SVG ids are stable, and writes the plotted numbers as CSV beside the
figure, with the package version and the lexicon hash in a comment header.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from . import paths

__all__ = ["save_figure", "STYLE", "use_house_style", "provenance"]

STYLE = paths.package_data_dir() / "house.mplstyle"
# a figure's name is a file name inside the figures folder, never a path out of it
_FIGURE_NAME = re.compile(r"\w[\w.\-]*")
FIGSIZE = (8.0, 4.5)
DPI = 150


def use_house_style() -> None:
    """Apply the house style (fonts, colours, grid) and the settings that make output reproducible.

    Text is drawn as written: labels come from the data (outlet names, speakers), and an outlet
    named ``$\\href{javascript:alert(1)}{x}$`` must be drawn as those characters, not parsed as
    mathtext (which raises on it) or handed to LaTeX.

    >>> use_house_style()
    >>> matplotlib.rcParams["text.parse_math"], matplotlib.rcParams["text.usetex"]
    (False, False)
    """
    plt.style.use(str(STYLE))
    matplotlib.rcParams["svg.hashsalt"] = "media-analysis"
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["text.usetex"] = False


def provenance(lexicon_sha256: str | None = None) -> dict[str, str]:
    """What produced a figure or table: the package version and, when given, the lexicon hash."""
    from . import __version__

    out = {"analysis_version": __version__}
    if lexicon_sha256:
        out["lexicon_sha256"] = lexicon_sha256
    return out


def save_figure(
    fig: plt.Figure,
    name: str,
    *,
    data: pd.DataFrame | None = None,
    folder: str | Path | None = None,
    lexicon_sha256: str | None = None,
    close: bool = False,
) -> list[Path]:
    """Write ``<name>.png`` and ``<name>.svg`` (and ``<name>.csv`` with ``data``) into the figures
    folder.

    Output is byte-for-byte reproducible: fixed size and dpi, no timestamps or software versions in
    the files, a fixed SVG hash salt. ``folder`` defaults to ``paths.figures_dir()``. Returns the
    paths written.

    >>> import matplotlib.pyplot as plt, tempfile
    >>> use_house_style()
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["threat_act", "violence"], [13, 9])
    >>> out = save_figure(fig, "example", data=pd.DataFrame({"measure": ["threat_act"], "n": [13]}),
    ...                   folder=tempfile.mkdtemp(), close=True)
    >>> [p.suffix for p in out]
    ['.png', '.svg', '.csv']
    """
    if not isinstance(name, str) or not _FIGURE_NAME.fullmatch(name):
        raise ValueError(
            f"name must be a file name of letters, digits, '_', '-' or '.' (got {name!r})"
        )
    use_house_style()
    folder = Path(folder) if folder is not None else paths.figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fig.set_size_inches(*FIGSIZE)
    written = []
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=DPI, metadata={"Software": None}, bbox_inches=None)
    written.append(png)
    svg = folder / f"{name}.svg"
    fig.savefig(svg, metadata={"Date": None, "Creator": None}, bbox_inches=None)
    written.append(svg)
    if data is not None:
        csv_path = folder / f"{name}.csv"
        header = "".join(f"# {k}: {v}\n" for k, v in provenance(lexicon_sha256).items())
        csv_path.write_text(header + data.to_csv(index=False), encoding="utf-8")
        written.append(csv_path)
    if close:
        plt.close(fig)  # in a notebook the figure stays open so it is shown under the cell
    return written


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file (used by tests to compare outputs)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()

"""The project's folders, resolved in one place.

Every folder can be moved with an environment variable, so a notebook run from any working
directory (or by papermill in a temporary folder) reads and writes the same places:

========================  =============================  ==============================
folder                    default                        override
========================  =============================  ==============================
project root              the checkout holding ``src/``  ``ANALYSIS_PROJECT_ROOT``
data                      ``<root>/data``                ``ANALYSIS_DATA_DIR``
figures                   ``<root>/figures``             ``ANALYSIS_FIGURES_DIR``
reports                   ``<root>/reports``             ``ANALYSIS_REPORTS_DIR``
shared (read-only)        ``<root>/../shared``           ``ANALYSIS_SHARED_DIR``
========================  =============================  ==============================

>>> from analysis import paths
>>> paths.data_dir().name
'data'
>>> (paths.data_dir() / "000_345e2a4f327659b1.txt").exists()
True
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "project_root",
    "data_dir",
    "figures_dir",
    "reports_dir",
    "shared_dir",
    "package_data_dir",
]

_PACKAGE_DIR = Path(__file__).resolve().parent


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else None


def project_root() -> Path:
    """The checkout root: ``ANALYSIS_PROJECT_ROOT`` or the folder above ``src/analysis``."""
    override = _env_path("ANALYSIS_PROJECT_ROOT")
    if override:
        return override
    candidate = _PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").exists():
        return candidate
    # installed without a checkout (not editable): fall back to the working directory
    return Path.cwd()


def data_dir() -> Path:
    """Folder of the shipped articles (``data/``)."""
    return _env_path("ANALYSIS_DATA_DIR") or project_root() / "data"


def figures_dir() -> Path:
    """Folder the figures are written to (``figures/``)."""
    return _env_path("ANALYSIS_FIGURES_DIR") or project_root() / "figures"


def reports_dir() -> Path:
    """Folder the executed notebooks and HTML reports are written to (``reports/``)."""
    return _env_path("ANALYSIS_REPORTS_DIR") or project_root() / "reports"


def shared_dir() -> Path:
    """The team's read-only ``shared/`` folder beside the checkout (may be absent)."""
    return _env_path("ANALYSIS_SHARED_DIR") or project_root().parent / "shared"


def package_data_dir() -> Path:
    """Data files that ship inside the package (lexicons, taxonomies, the plot style)."""
    return _PACKAGE_DIR / "data"

"""Browser libraries installed from npm (never a CDN): where they are and which files may be served.

``make install`` puts the pinned packages under ``<venv>/npm/node_modules`` (the same
``npm install --no-save --prefix`` as the map's country shapes). The app serves only the
files listed in ``ASSETS`` at ``/vendor/<package>/<path>``; a page whose library is absent
keeps its server-drawn fallback and says what is missing.

Where the packages are: ``$NEWSGRAPH_NPM`` (a ``node_modules`` folder) if set, else
``<venv>/npm/node_modules`` of the running Python, else the same under the repository's
``.venv``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = ["ASSETS", "CYTOSCAPE", "Asset", "asset_file", "asset_url", "modules_root", "served_file"]

#: Environment variable naming the ``node_modules`` folder.
NPM_ENV = "NEWSGRAPH_NPM"
MODULES_RELATIVE = Path("npm/node_modules")
URL_PREFIX = "/vendor/"


@dataclass(frozen=True, slots=True)
class Asset:
    package: str
    version: str  # the pin of the Makefile's npm install
    path: str  # inside the package, POSIX

    @property
    def key(self) -> str:
        return f"{self.package}/{self.path}"


#: The network page's graph drawing (MIT).
CYTOSCAPE = Asset("cytoscape", "3.34.4", "dist/cytoscape.min.js")
ASSETS: dict[str, Asset] = {a.key: a for a in (CYTOSCAPE,)}


def installed(env_var: str, relative: Path) -> Path:
    """Where an npm-installed file or folder is: ``env_var`` when set, else under the running
    environment's prefix, else under the checkout's ``.venv`` (the first that exists, else
    the first)."""
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    candidates = [Path(sys.prefix) / relative, Path(__file__).resolve().parents[2] / ".venv" / relative]
    return next((p for p in candidates if p.exists()), candidates[0])


def modules_root() -> Path:
    return installed(NPM_ENV, MODULES_RELATIVE)


def asset_file(asset: Asset) -> Path:
    """Where the asset's file is looked for (it may be absent)."""
    return modules_root() / asset.package / PurePosixPath(asset.path)


def asset_url(asset: Asset) -> str | None:
    """The URL the app serves the asset at, or None when the file is not installed."""
    return URL_PREFIX + asset.key if asset_file(asset).is_file() else None


def served_file(requested: str) -> Path | None:
    """The file ``/vendor/<requested>`` answers with: only a listed asset that is installed,
    and only inside the modules folder (a symlink pointing out of it is refused)."""
    asset = ASSETS.get(requested)
    if asset is None:
        return None
    root = modules_root().resolve()
    path = asset_file(asset).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path

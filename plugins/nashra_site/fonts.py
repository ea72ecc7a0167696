"""Self-hosted typefaces: copied from Python packages into the theme's static files.

No font comes from a CDN: readers' browsers fetch them from the site itself.  The
Arabic typeface is Amiri (SIL Open Font License 1.1), from the ``fontpkg-amiri``
package on PyPI; ``NASHRA_FONTS`` names the package resources to copy.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from . import settings as plugin_settings


def copy_fonts(pelican) -> None:
    """``finalized`` handler: copy the fonts into ``{THEME_STATIC_DIR}/fonts/``.

    Only the run that writes the theme's static files copies them.

    :raises ModuleNotFoundError: a font package is not installed.
    :raises FileNotFoundError: a font file is not in its package.
    """
    settings = pelican.settings
    if not settings["THEME_STATIC_PATHS"]:
        return
    target = Path(pelican.output_path) / settings["THEME_STATIC_DIR"] / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for package, files in plugin_settings.get(settings, "NASHRA_FONTS").items():
        root = resources.files(package)
        for name in files:
            with resources.as_file(root / name) as path:
                shutil.copyfile(path, target / Path(name).name)

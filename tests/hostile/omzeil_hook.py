"""MkDocs hook for tests only: hostile values planted *after* `socialekaart check` accepted the data.

Listed in a test project's mkdocs.yml after the real hook (tests/hostile/bouw.py writes it).
The data on disk stays valid, so check passes; the site is then built from records that hold
what check would refuse, and shows whether every output escapes on its own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the hostile package

from hostile.omzeilen import plant_in_dataset  # noqa: E402

from socialekaart.site import mkdocs_hooks  # noqa: E402

# The site's hook loads the data through this name; if it moves, planting must fail loudly,
# or the gate would pass on a site with nothing hostile in it.
_load_checked = mkdocs_hooks.load_checked


def _checked_then_planted(root, vandaag=None):
    dataset = _load_checked(root, vandaag)
    plant_in_dataset(dataset)
    return dataset


mkdocs_hooks.load_checked = _checked_then_planted

# A gate is only worth something if it can fail: this switch (tests only) takes the
# escaping of page titles away, as the site did before issue 10.
if os.environ.get("SOCIALEKAART_TEST_ZONDER_ESCAPE"):
    from socialekaart.site import veilig

    veilig.voor_thema = lambda tekst: tekst

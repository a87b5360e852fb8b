"""Builds the sociale kaart from data/; all logic lives in socialekaart.site.

(Not named socialekaart.py: MkDocs registers a hook under its file name, which would hide the package.)
"""

from socialekaart.site.mkdocs_hooks import (
    on_build_error, on_config, on_env, on_files, on_nav, on_page_content, on_post_build, on_serve,
)

__all__ = ["on_config", "on_files", "on_nav", "on_env", "on_page_content", "on_post_build", "on_build_error", "on_serve"]

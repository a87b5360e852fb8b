"""Builds the sociale kaart from data/; all logic lives in socialekaart.site.

(Not named socialekaart.py: MkDocs registers a hook under its file name, which would hide the package.)
"""

from socialekaart.site.mkdocs_hooks import on_config, on_env, on_files, on_page_content, on_post_build

__all__ = ["on_config", "on_env", "on_files", "on_page_content", "on_post_build"]

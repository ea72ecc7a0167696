"""Pelican settings for publication: absolute URLs, feeds with absolute links, no drafts.

Set ``NASHRA_SITEURL`` to the public address of the site (no trailing slash).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("NASHRA_SITEURL", "https://nashra.example.org").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
SITE_ABSOLUTE_URL = SITEURL

# Drafts never reach the public output (Pelican skips an empty SAVE_AS).
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

"""Nashra: the library behind a bilingual Arabic/English news digest built on Pelican.

Everything here can be used and tested without running Pelican: Arabic normalisers
(:mod:`nashra.arabic`), slugs (:mod:`nashra.slugs`), source decoding
(:mod:`nashra.encoding`), the copied-text reader and its chrome filter
(:mod:`nashra.sources`, :mod:`nashra.chrome`), the Post model (:mod:`nashra.post`),
the Markdown writer (:mod:`nashra.markdown_writer`), the importer
(:mod:`nashra.importer`) and Babel-based dates (:mod:`nashra.dates`).
"""

__version__ = "0.1.0"

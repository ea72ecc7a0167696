"""Turn a source file's bytes into text: encoding detection, NFC, line ends."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from nashra.errors import SourceError

#: Byte order marks we trust over any detection, longest first (UTF-32 LE starts
#: with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Share of control characters (Unicode category Cc, other than tab, CR, LF, FF)
#: above which decoded "text" is taken to be binary data.
MAX_CONTROL_RATIO = 0.001


def decode_source(data: bytes, path: str | Path) -> str:
    """Decode a source file's bytes to text in NFC with ``\\n`` line ends.

    A byte order mark decides the encoding; otherwise charset-normalizer detects it
    (it knows windows-1256 and ISO-8859-6 as well as UTF-8 and UTF-16).

    :param data: the file's bytes.
    :param path: the file's path, for error messages only.
    :returns: the text, Unicode-normalised to NFC (Unicode Standard Annex #15).
    :raises SourceError: the file is empty or holds only white space, or it is not
        text (NUL bytes without a UTF-16/32 mark, no encoding found, or control
        characters).
    """
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"starts with a {codec} byte order mark "
                                        f"but is not valid {codec}: {exc.reason}") from None
            break
    if text is None:
        if not data.strip():
            raise SourceError(path, "file is empty")
        if b"\x00" in data:
            raise SourceError(path, "not a text file (it contains NUL bytes)")
        best = from_bytes(data).best()
        if best is None:
            raise SourceError(path, "not a text file (no text encoding fits its bytes)")
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(path, "file is empty")
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\f"
    )
    if controls > MAX_CONTROL_RATIO * len(text):
        raise SourceError(path, "not a text file (it contains control characters)")
    return unicodedata.normalize("NFC", text)


def read_source(path: str | Path) -> tuple[bytes, str]:
    """Read a file and decode it with :func:`decode_source`.

    :returns: ``(raw bytes, text)``.
    :raises SourceError: the file cannot be read, or :func:`decode_source` refuses it.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror}") from None
    return data, decode_source(data, path)

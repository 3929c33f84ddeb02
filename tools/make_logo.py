"""Writes themes/default/static/logo.png: a 192x192 emblem (a folded newspaper on the masthead red).

Pure standard library, so the theme's only picture can be regenerated anywhere.
"""

import struct
import zlib
from pathlib import Path

SIZE = 192
RED, WHITE, GREY = (155, 17, 17), (255, 255, 255), (205, 190, 190)


def pixel(x: int, y: int) -> tuple[int, int, int]:
    if not (36 <= x < 156 and 44 <= y < 148):
        return RED
    if 52 <= y < 72 and 48 <= x < 144:                      # the paper's nameplate
        return RED
    if y >= 84 and (y - 84) % 14 < 6 and 48 <= x < (144 if x < 92 or y < 120 else 120):
        return GREY                                          # columns of text
    if 100 <= x < 144 and 84 <= y < 114:                     # a photo
        return (120, 120, 120)
    return WHITE


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "themes/default/static/logo.png"
    target.write_bytes(png())
    print(target, target.stat().st_size, "bytes")

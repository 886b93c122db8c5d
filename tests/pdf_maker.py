"""A minimal PDF writer for tests: text lines on pages, in Helvetica, with an optional info dictionary.

The PDF reader is tested on files whose every line is known; no PDF library writes text this simply.
"""

from __future__ import annotations


def make_pdf(pages: list[list[str | tuple[str, int]]], info: dict[str, str] | None = None) -> bytes:
    """A PDF with one text line per entry of each page's list (an empty entry leaves a line's space, a
    ``(text, size)`` entry is set in that size);
    ``pages=[[]]`` has no text layer at all."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    def _show(line: str | tuple[str, int]) -> str:
        if isinstance(line, tuple):  # (text, size): a line set in another size, spaced to match
            text, size = line
            return f"/F1 {size} Tf {round(size * 1.27)} TL ({escape(text)}) Tj T* /F1 11 Tf 14 TL"
        return f"({escape(line)}) Tj T*" if line else "T*"

    count = len(pages)
    font = 3 + 2 * count
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(count))}] /Count {count} >>"]
    for i, lines in enumerate(pages):
        stream = ("BT /F1 11 Tf 14 TL 50 780 Td " + " ".join(_show(line) for line in lines) + " ET"
                  if lines else "0 0 1 rg 10 10 100 100 re f")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if info:
        objects.append("<< " + " ".join(f"/{key} ({escape(value)})" for key, value in info.items()) + " >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {len(objects)} 0 R" if info else "") + " >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return out

"""Render a .docx to PDF with LibreOffice after updating its contents and fields, as Word does on
opening (`w:updateFields`); `soffice --convert-to pdf` alone shows the contents without page numbers.

Run by the tests with the system Python that has LibreOffice's `uno` module (python3-uno):
    /usr/bin/python3 tests/lo_render.py IN.docx OUT.pdf
It imports nothing from the project.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

CONNECT_TRIES = 600
"""How many times to try reaching the new LibreOffice (0.2 s apart): a busy machine starts it slowly."""


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def render(source: Path, target: Path) -> int:
    """0 when the PDF is written; 2 when LibreOffice could not be reached."""
    profile = tempfile.mkdtemp(prefix="wb-lo-")
    pipe = f"wb-render-{time.time_ns()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(CONNECT_TRIES):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.2)
        else:
            return 2
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(str(source.resolve()))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        indexes = document.getDocumentIndexes()
        for index in range(indexes.getCount()):
            indexes.getByIndex(index).update()
        document.getTextFields().refresh()
        out = uno.systemPathToFileUrl(str(target.resolve()))
        document.storeToURL(out, (_property("FilterName", "writer_pdf_Export"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
        return 0
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(render(Path(sys.argv[1]), Path(sys.argv[2])))

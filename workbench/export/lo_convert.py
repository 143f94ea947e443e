"""Convert a .docx to PDF with LibreOffice after updating its contents and fields, as Word does on
opening (`w:updateFields`): `soffice --convert-to pdf` alone leaves the contents without page numbers.

Run with a Python that has LibreOffice's `uno` module (python3-uno, or the one LibreOffice bundles),
by `workbench export --pdf` and by the render tests:
    python3 lo_convert.py IN.docx OUT.pdf [SOFFICE]
It imports nothing from the project, and `uno` only when it runs (importing it elsewhere fails).
Exit codes: 0 the PDF is written; 2 LibreOffice could not be reached; 3 it could not convert.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CONNECT_TRIES = 600
"""How many times to try reaching the new LibreOffice (0.2 s apart): a busy machine starts it slowly."""


def _property(uno: Any, name: str, value: object) -> Any:
    found = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    found.Name, found.Value = name, value
    return found


def render(source: Path, target: Path, soffice: str = "soffice") -> int:
    """0 when the PDF is written; 2 when LibreOffice could not be reached; 3 when it could not convert."""
    import uno  # type: ignore[import-not-found]  # LibreOffice's Python only

    profile = tempfile.mkdtemp(prefix="wb-lo-")
    pipe = f"wb-render-{time.time_ns()}"
    office = subprocess.Popen(  # noqa: S603 (LibreOffice, found on the PATH)
        [
            soffice,
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
                if office.poll() is not None:
                    return 2
                time.sleep(0.2)
        else:
            return 2
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        try:
            url = uno.systemPathToFileUrl(str(source.resolve()))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (_property(uno, "Hidden", True),))
            indexes = document.getDocumentIndexes()
            for index in range(indexes.getCount()):
                indexes.getByIndex(index).update()
            document.getTextFields().refresh()
            out = uno.systemPathToFileUrl(str(target.resolve()))
            document.storeToURL(out, (_property(uno, "FilterName", "writer_pdf_Export"),))
            document.close(True)
        except Exception as error:  # a document LibreOffice cannot open or write
            print(f"LibreOffice could not convert {source}: {error}", file=sys.stderr)
            return 3
        finally:
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
        return 0
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)  # LibreOffice's profile for this run, half a megabyte


if __name__ == "__main__":
    sys.exit(render(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4]))

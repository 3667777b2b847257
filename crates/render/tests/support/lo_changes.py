"""Opens a document in LibreOffice (headless, through UNO), optionally accepts or rejects every
tracked change (accept, reject) or updates every table of contents and other index (toc), and
saves it as UTF-8 text. Prints the number of tracked changes it found (toc: of indexes).

usage: lo_changes.py accept|reject|keep|toc IN OUT.txt
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    mode, src, dst = sys.argv[1:4]
    profile = tempfile.mkdtemp(prefix="concord-lo-")
    pipe = "concord%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
                )
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            print("error: could not reach soffice", file=sys.stderr)
            return 3
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),)
        )
        if doc is None:
            print("error: soffice could not open %s" % src, file=sys.stderr)
            return 4
        count = 0
        if mode == "toc":
            indexes = doc.getDocumentIndexes()
            count = indexes.getCount()
            for i in range(count):
                indexes.getByIndex(i).update()
        else:
            enum = doc.getRedlines().createEnumeration()
            while enum.hasMoreElements():
                enum.nextElement()
                count += 1
        print(count)
        if mode in ("accept", "reject"):
            helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            frame = doc.getCurrentController().getFrame()
            command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
            helper.executeDispatch(frame, command, "", 0, ())
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(dst)),
            (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")),
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

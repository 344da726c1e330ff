#!/usr/bin/env python3
"""`exemplar serve` in a real browser: a page reloads by itself after a save, a broken file
shows its errors over the last good page (file, line, message, hint, as text), and fixing it
clears them. Screenshots of the overlay land in artifacts/screenshots/.

    serve_browser.py EXEMPLAR
"""
import os, shutil, socket, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chromium  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROFILE = "individuals/bui-thi-hong-nhung.md"
URL_PATH = "/ca-nhan/bui-thi-hong-nhung/"


def wait(what, condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise SystemExit(f"FAIL: {what}")


def main():
    exemplar = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="exemplar-serve-browser-")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(REPO, "theme"), os.path.join(work, "theme"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([exemplar, "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False
        wait("serve answers", listening)
        driver = chromium(1280, 900)
        driver.get(f"http://127.0.0.1:{port}{URL_PATH}")
        profile = os.path.join(work, "content", PROFILE)
        original = open(profile, encoding="utf-8").read()
        time.sleep(1)  # the event stream connects

        driver.execute_script("window.__beforeSave = true;")
        open(profile, "w", encoding="utf-8").write(original.replace("name: Bùi Thị Hồng Nhung", "name: Bùi Thị Hồng Nhung Mới"))
        wait("the page reloads after a save", lambda: driver.execute_script("return window.__beforeSave !== true && document.readyState === 'complete';"))
        wait("the reloaded page shows the edit", lambda: "Bùi Thị Hồng Nhung Mới" in driver.find_element("tag name", "h1").text)
        print("ok: reloaded after a save")

        time.sleep(1)
        open(profile, "w", encoding="utf-8").write(original.replace("\nname:", "\nnam:"))
        overlay_text = "return (function(){var h=document.getElementById('exemplar-errors'); return h && h.shadowRoot ? h.shadowRoot.textContent : '';})();"
        text = wait("the errors show over the page", lambda: driver.execute_script(overlay_text))
        for part in (f"content/{PROFILE}:2:1", "name", "gợi ý"):
            if part not in text:
                raise SystemExit(f"FAIL: the overlay lacks {part!r}: {text[:300]}")
        if "Bùi Thị Hồng Nhung Mới" not in driver.find_element("tag name", "h1").text:
            raise SystemExit("FAIL: the last good page is not shown under the errors")
        os.makedirs(os.path.join(REPO, "artifacts", "screenshots"), exist_ok=True)
        for width in (390, 1280):
            driver.set_window_size(width, 900)
            time.sleep(0.3)
            driver.save_screenshot(os.path.join(REPO, "artifacts", "screenshots", f"serve-errors-{width}.png"))
        print("ok: errors shown over the last good page")

        open(profile, "w", encoding="utf-8").write(original)
        wait("fixing the file clears the errors", lambda: not driver.execute_script(overlay_text)
             and "Mới" not in driver.find_element("tag name", "h1").text)
        print("ok: fixing the file cleared the errors")
        print("serve in the browser: 3 passed, 0 failed")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

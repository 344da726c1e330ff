#!/usr/bin/env python3
"""Gate: behaviour in a real browser (headless Chromium through Selenium).

- responsive: at 360 px no page scrolls sideways (the document is no wider than the screen);
- skip link: the first Tab stop, visible when focused, and it moves to <main>;
- menu: at 390 px one closed button that opens every entry; at 1280 px every entry on one row;
- focus visible: every Tab stop of a list page with the filter and of a profile page looks
  different when focused (outline, shadow or background);
- the in-page filter (assets/filter.js), on exemplar lists and the models catalogue: the form
  shows only with JavaScript, once its selects hold the options of the list's choices file
  (`data-choices`, the page itself carries none); every choice of every select shows exactly the items of the whole list (all its pages, from its JSON) that
  hold it, two choices combine, the status line counts them or says there are none, the
  pagination hides while filtering, the address keeps the choices (and reopens with them),
  and the reset button shows the page's own cards again.

Usage: behaviour.py SITE_DIR SERVED_URL [--all]   (--all: every page at 360 px, not a sample)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, chromium, sample_pages, serve_url, set_viewport  # noqa: E402

FOCUS_STYLE = """
const el = document.activeElement;
const s = getComputedStyle(el);
return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + s.outlineWidth + s.outlineColor : '',
        shadow: s.boxShadow, background: s.backgroundColor, color: s.color, decoration: s.textDecorationLine};
"""

BLURRED_STYLE = """
const el = arguments[0]; el.blur();
const s = getComputedStyle(el);
return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + s.outlineWidth + s.outlineColor : '',
        shadow: s.boxShadow, background: s.backgroundColor, color: s.color, decoration: s.textDecorationLine};
"""


def check_responsive(driver, served, pages, report) -> int:
    set_viewport(driver, 360, 740)
    for path in pages:
        driver.get(serve_url(served, path))
        widths = driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth,"
            " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > d.clientWidth + 1"
            " && !e.closest('.nav, .table-wrap')).slice(0, 3).map(e => e.tagName + '.' + e.className)]")
        if widths[0] > widths[1]:
            report.error(f"/{path} @360px", f"the page is {widths[0]} px wide, wider than the {widths[1]} px screen: {widths[2]}")
    return len(pages)


def check_skip_link(driver, served, report) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    set_viewport(driver, 390)
    driver.get(serve_url(served, ""))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = driver.execute_script(
        "const a = document.activeElement, r = a.getBoundingClientRect();"
        "return {cls: a.className, href: a.getAttribute('href'), w: r.width, h: r.height, top: r.top, left: r.left};")
    if first["cls"] != "skip" or first["href"] != "#main":
        report.error("/", f"the first Tab stop is not the skip link to #main: {first}")
        return
    if first["w"] < 20 or first["h"] < 10 or first["top"] < 0 or first["left"] < 0:
        report.error("/", f"the skip link is not visible when focused: {first}")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    target = driver.execute_script("return location.hash")
    if target != "#main":
        report.error("/", f"following the skip link went to {target!r}, not #main")


def check_focus(driver, served, path, report, stops=40) -> int:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    set_viewport(driver, 1280)
    driver.get(serve_url(served, path))
    seen = 0
    for _ in range(stops):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        if element.tag_name.lower() == "body":
            break
        focused = driver.execute_script(FOCUS_STYLE)
        blurred = driver.execute_script(BLURRED_STYLE, element)
        driver.execute_script("arguments[0].focus()", element)
        seen += 1
        if all(focused[key] == blurred[key] for key in ("outline", "shadow", "background", "color", "decoration")):
            report.error(f"/{path}", f"no visible focus on Tab stop {seen}: <{focused['tag'].lower()}> {focused['text']!r}")
    return seen


MENU_STATE = """
const links = Array.from(document.querySelectorAll('.site-nav .nav > li'));
const button = document.querySelector('.nav-menu > summary');
return {shown: links.filter(li => li.checkVisibility()).length,
        total: links.length, rows: new Set(links.map(li => Math.round(li.getBoundingClientRect().top))).size,
        button: !!button && button.checkVisibility()};
"""


def check_menu(driver, served, pages, report) -> int:
    """On a phone the menu is one button that opens every entry (no script needed); on a
    desktop every entry shows on one row."""
    from selenium.webdriver.common.by import By

    checked = 0
    for path in pages[:6]:
        set_viewport(driver, 390)
        driver.get(serve_url(served, path))
        closed = driver.execute_script(MENU_STATE)
        if not closed["button"] or closed["shown"] != 0:
            report.error(f"/{path} @390px", f"the menu is not one closed button: {closed}")
        else:
            driver.find_element(By.CSS_SELECTOR, ".nav-menu > summary").click()
            opened = driver.execute_script(MENU_STATE)
            if opened["shown"] != opened["total"]:
                report.error(f"/{path} @390px", f"the menu button does not show every entry: {opened}")
        set_viewport(driver, 1280)
        driver.get(serve_url(served, path))
        wide = driver.execute_script(MENU_STATE)
        if wide["button"] or wide["shown"] != wide["total"] or wide["rows"] != 1:
            report.error(f"/{path} @1280px", f"the menu is not one row of every entry: {wide}")
        checked += 1
    return checked


def check_filter(driver, served, site, report) -> int:
    import json
    import re
    from urllib.parse import parse_qs, urlparse

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    pages = sorted(p for p in site.rglob("index.html") if 'data-filter-for="' in p.read_text(encoding="utf-8"))
    if not pages:
        report.error(str(site), "no page has the in-page filter to test")
        return 0
    # The first list, the fullest page, and the second page of a list with pages (which
    # must filter the whole list, not only its own cards).
    chosen = [pages[0], max(pages, key=lambda p: p.read_text(encoding="utf-8").count('class="card'))]
    chosen += [p for p in pages if "/trang/2/" in p.as_posix() and "data-source=" in p.read_text(encoding="utf-8")][:1]
    # The models catalogue filters by unit, field and kind.
    chosen += [p for p in pages if p == site / "mo-hinh" / "index.html"]
    checks = 0
    set_viewport(driver, 1280)
    for file in dict.fromkeys(chosen):
        path = file.parent.relative_to(site).as_posix() + "/"
        html = file.read_text(encoding="utf-8")
        if re.search(r'<option value="[^"]', html):
            report.error(f"/{path}", "the page carries filter options itself instead of its list's choices file")
        driver.get(serve_url(served, path))
        form = driver.find_element(By.CSS_SELECTOR, "form[data-filter-for]")
        try:
            # Shown once the choices file is loaded.
            WebDriverWait(driver, 5).until(lambda d: form.is_displayed())
        except Exception:
            report.error(f"/{path}", "the filter form stays hidden with JavaScript on")
            continue
        choices_url = form.get_attribute("data-choices") or ""
        choices_file = site / urlparse(choices_url).path[len(urlparse(served).path):]
        if not choices_url or not choices_file.is_file():
            report.error(f"/{path}", f"the filter names no published choices file ({choices_url!r})")
            continue
        published = json.loads(choices_file.read_text(encoding="utf-8"))
        for select_element in form.find_elements(By.TAG_NAME, "select"):
            name = select_element.get_attribute("name")
            offered = driver.execute_script(
                "return Array.from(arguments[0].options).filter(o => o.value).map(o => [o.value, o.text])", select_element)
            if offered != published.get(name):
                report.error(f"/{path}", f"the {name} select offers {offered[:3]}…, not the choices file's {str(published.get(name))[:80]}")
        list_id = form.get_attribute("data-filter-for")
        source = form.get_attribute("data-source")
        none_text = form.get_attribute("data-none")
        if source:
            # Every item of the whole list, as published for the filter.
            local = site / urlparse(source).path[len(urlparse(served).path):]
            items = [(i["url"], {k: (v or "") for k, v in i["match"].items()})
                     for i in json.loads(local.read_text(encoding="utf-8"))["items"]]
        else:
            items = [(li.find_element(By.CSS_SELECTOR, ".card-title a").get_attribute("pathname"),
                      {n: li.get_attribute(f"data-{n}") or "" for n in ("unit", "year", "field", "award", "kind")})
                     for li in driver.find_elements(By.CSS_SELECTOR, f"#{list_id} > li")]
        page_cards = [a.get_attribute("pathname") for a in driver.find_elements(By.CSS_SELECTOR, f"#{list_id} > li .card-title a")]
        total = len(items)
        status = form.find_element(By.CSS_SELECTOR, ".filter-status")
        reset = form.find_element(By.CSS_SELECTOR, "button[type=reset]")

        def shown() -> list[str]:
            return driver.execute_script(
                "return Array.from(document.querySelectorAll(arguments[0])).filter(li => !li.hidden)"
                ".map(li => li.querySelector('.card-title a').pathname)", f"#{list_id} > li")

        # A filter that failed once on a page is not checked again there: every later choice
        # would wait out its time only to repeat the first error.
        broken = False

        def expect(choices: dict[str, str]) -> None:
            nonlocal checks, broken
            if broken:
                return
            checks += 1
            if choices:
                wanted = [urlparse(u).path for u, match in items if all(v in match[n].split() for n, v in choices.items())]
            else:
                wanted = page_cards
            try:
                WebDriverWait(driver, 5).until(lambda d: shown() == wanted)
            except Exception:
                report.error(f"/{path}", f"filter {choices}: shows {len(shown())} cards, expected {len(wanted)}")
                broken = True
                return
            expected_status = (f"{len(wanted)} / {total}" if wanted else none_text) if choices else ""
            if not status.text.startswith(expected_status):
                report.error(f"/{path}", f"filter {choices}: status says {status.text!r}, expected {expected_status!r}")
            pagination = driver.find_elements(By.CSS_SELECTOR, ".pagination")
            if pagination and pagination[0].is_displayed() == bool(choices and source):
                report.error(f"/{path}", f"filter {choices}: the pagination should {'hide' if choices else 'show'}")
            query = {k: v[0] for k, v in parse_qs(urlparse(driver.current_url).query).items()}
            if query != choices:
                report.error(f"/{path}", f"filter {choices}: the address keeps {query}")

        selects = form.find_elements(By.TAG_NAME, "select")
        for select_element in selects:
            name = select_element.get_attribute("name")
            select = Select(select_element)
            for option in [o.get_attribute("value") for o in select.options if o.get_attribute("value")]:
                select.select_by_value(option)
                expect({name: option})
            reset.click()
            driver.execute_script("return new Promise(r => setTimeout(r, 20))")
            expect({})
        if len(selects) >= 2:
            first, second = Select(selects[0]), Select(selects[1])
            a = [o.get_attribute("value") for o in first.options if o.get_attribute("value")][0]
            first.select_by_value(a)
            b = [o.get_attribute("value") for o in second.options if o.get_attribute("value")][-1]
            second.select_by_value(b)
            choices = {selects[0].get_attribute("name"): a, selects[1].get_attribute("name"): b}
            expect(choices)
            # A shared address opens with the same choices applied.
            driver.get(driver.current_url)
            form = driver.find_element(By.CSS_SELECTOR, "form[data-filter-for]")
            status = form.find_element(By.CSS_SELECTOR, ".filter-status")
            reset = form.find_element(By.CSS_SELECTOR, "button[type=reset]")
            expect(choices)
            reset.click()
            driver.execute_script("return new Promise(r => setTimeout(r, 20))")
            expect({})
            if any(s.get_attribute("value") for s in form.find_elements(By.TAG_NAME, "select")):
                report.error(f"/{path}", "the reset button left a choice in a select")
    return checks


def main() -> int:
    site, served = Path(sys.argv[1]).resolve(), sys.argv[2]
    report = Report("behaviour")
    driver = chromium()
    try:
        pages = check_responsive(driver, served, sample_pages(site, "--all" in sys.argv[3:]), report)
        check_skip_link(driver, served, report)
        list_page = next((p for p in ("ca-nhan/", "tap-the/") if (site / p / "index.html").is_file()), "")
        profile = "ca-nhan/nguyen-thi-hoa/" if (site / "ca-nhan/nguyen-thi-hoa/index.html").is_file() else ""
        menus = check_menu(driver, served, sample_pages(site, False), report)
        stops = check_focus(driver, served, list_page, report) + check_focus(driver, served, profile, report)
        filters = check_filter(driver, served, site, report)
    finally:
        driver.quit()
    return report.finish(f"{pages} pages at 360 px, skip link, menu on {menus} pages, {stops} focus stops, {filters} filter states")


if __name__ == "__main__":
    sys.exit(main())

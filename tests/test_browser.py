"""The built site in a real browser (Debian's headless chromium through Selenium).

Checks what only layout shows: the Arabic edition runs right to left without anything
mirrored by hand, the English one left to right, at phone and desktop widths.
Screenshots are written to ``test-output/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT, article_pages

webdriver = pytest.importorskip("selenium.webdriver")

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)",
)
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--hide-scrollbars",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots() -> Path:
    """``test-output/screenshots/`` in the project (ignored by git), for a person to see."""
    folder = ROOT / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


LAYOUT_SCRIPT = """
const main = document.querySelector('main').getBoundingClientRect();
const style = getComputedStyle(document.querySelector('main'));
const inner = {left: main.left + parseFloat(style.paddingLeft),
               right: main.right - parseFloat(style.paddingRight)};
const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                       return {left: r.left, right: r.right}; };
const words = (sel) => { const range = document.createRange();
  range.selectNodeContents(document.querySelector(sel));
  const rects = [...range.getClientRects()];
  return {left: Math.min(...rects.map(r => r.left)),
          right: Math.max(...rects.map(r => r.right))}; };
return {direction: getComputedStyle(document.documentElement).direction,
        inner: inner, h1: words('article h1'), p: words('.article__body p'),
        siteName: box('.site-name a'), switcher: box('.language-switcher a'),
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth};
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_article_reads_in_its_direction(site, server, browser, screenshots, lang,
                                        direction, width):
    page = article_pages(site, lang)[0]
    browser.set_window_size(WIDTHS[width], 1200)
    browser.get(server + quote(page.relative_to(site).parent.as_posix()) + "/")
    layout = browser.execute_script(LAYOUT_SCRIPT)
    browser.save_screenshot(str(screenshots / f"{lang}-article-{width}.png"))

    assert layout["direction"] == direction
    assert layout["scrollWidth"] <= layout["clientWidth"]  # nothing overflows sideways
    inner, tolerance = layout["inner"], 2
    start = "right" if direction == "rtl" else "left"
    for block in ("h1", "p"):  # text starts at the start edge of the column
        assert abs(layout[block][start] - inner[start]) <= tolerance, (block, layout)
    # the site name sits at the start side, the language switcher towards the end
    if direction == "rtl":
        assert layout["siteName"]["right"] > layout["switcher"]["right"]
    else:
        assert layout["siteName"]["left"] < layout["switcher"]["left"]


def test_arabic_text_is_set_in_the_self_hosted_typeface(site, server, browser):
    page = article_pages(site, "ar")[0]
    browser.set_window_size(1280, 900)
    browser.get(server + quote(page.relative_to(site).parent.as_posix()) + "/")
    loaded = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        document.fonts.load('400 16px Amiri', 'لافروف').then(() => document.fonts.ready)
          .then(() => done([...document.fonts].filter(f => f.family.replace(/"/g, '') ===
                 'Amiri' && f.status === 'loaded').length));""")
    assert loaded >= 1
    family = browser.execute_script(
        "return getComputedStyle(document.querySelector('.article__body p')).fontFamily")
    assert family.replace('"', "").startswith("Amiri")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["ar/", "en/", "", "ar/tags/"])
def test_pages_fit_their_width_and_are_captured(site, server, browser, screenshots, path,
                                                width):
    browser.set_window_size(WIDTHS[width], 1200)
    browser.get(server + quote(path))
    size = browser.execute_script("return [document.documentElement.scrollWidth, "
                                  "document.documentElement.clientWidth]")
    assert size[0] <= size[1]
    name = (path.strip("/").replace("/", "-") or "front-door") + f"-{width}.png"
    browser.save_screenshot(str(screenshots / name))
    assert (screenshots / name).stat().st_size > 10_000


def test_no_serious_accessibility_violations(site, server, browser):
    """axe-core (4.9, bundled by selenium-axe-python) on the front door, an Arabic
    article, an English article and a tag page."""
    from selenium_axe_python import Axe

    paths = ["", article_pages(site, "ar")[0].relative_to(site).parent.as_posix() + "/",
             article_pages(site, "en")[0].relative_to(site).parent.as_posix() + "/",
             "ar/tag/روسيا/"]
    browser.set_window_size(1280, 1000)
    for path in paths:
        browser.get(server + quote(path))
        axe = Axe(browser)
        axe.inject()
        results = axe.run()
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                   for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (path, serious)
        assert results["passes"], path  # axe did run its rules


@pytest.mark.parametrize("lang, query, direction", [
    ("ar", "التنازلات", "rtl"),   # not in the text, which has تنازلات: found by stemming
    ("en", "negotiations", "ltr"),
])
def test_search_finds_the_story_in_its_edition(site, server, browser, lang, query,
                                               direction):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1280, 900)
    browser.get(server + f"{lang}/search/")
    box = WebDriverWait(browser, 10).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#search input")))
    box.send_keys(query)
    links = WebDriverWait(browser, 10).until(ec.presence_of_all_elements_located(
        (By.CSS_SELECTOR, "#search .pagefind-ui__result-link")))
    target = article_pages(site, lang)[0].relative_to(site).parent.as_posix()
    assert quote(target) in links[0].get_attribute("href")
    assert browser.execute_script(
        "return getComputedStyle(document.querySelector('#search')).direction") == direction

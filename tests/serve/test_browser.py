"""The Analyze page in Debian's headless Chromium (Playwright): highlights, linking, details, keyboard, phone, XSS.

Screenshots go to ``test-artifacts/`` (git-ignored).
"""
from __future__ import annotations

import pytest

import onrecord
from onrecord.serialize import article_to_dict

from .conftest import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PUBLISHED = "2024-05-02"


@pytest.fixture(scope="module")
def server():
    from onrecord.serve import create_app

    with LiveServer(create_app(None)) as live:
        yield live


@pytest.fixture(scope="module")
def court_text(examples_dir) -> str:
    return (examples_dir / "court-fraud-trial.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def expected(court_text) -> dict:
    return article_to_dict(onrecord.analyze(court_text, PUBLISHED))


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    yield page
    context.close()


def analyze_in_page(page, server, text, published=PUBLISHED):
    page.goto(f"{server.url}/analyze")
    page.fill("#text", text)
    page.fill("#published", published)
    page.click("#analyze-button")
    page.wait_for_selector("#article-text.is-highlighted")


def segments_of(page, i: int) -> list[str]:
    return page.eval_on_selector_all(
        "#article-text .seg",
        "(segs, i) => segs.filter(s => s.dataset.attrs.split(' ').includes(String(i))).map(s => s.textContent)",
        i,
    )


def test_analyze_page_highlights_every_part_and_lists_the_speakers(page, server, court_text, expected, artifacts):
    analyze_in_page(page, server, court_text)
    # highlighting keeps the text exactly
    assert page.text_content("#article-text") == court_text
    # each attribution's highlighted segments spell out its source, cue and content spans, in text order
    for i, attribution in enumerate(expected["attributions"]):
        spans = sorted(attribution["source"] + attribution["cue"] + attribution["content"])
        assert "".join(segments_of(page, i)) == "".join(court_text[s:e] for s, e in spans)
    items = page.locator("#attribution-list .attr-item")
    assert items.count() == len(expected["attributions"])
    names = {a["speaker"]["name"] if a["speaker"] else "unresolved speaker" for a in expected["attributions"]}
    legend = {t.rsplit(" ", 1)[0].strip() for t in page.locator(".legend li").all_text_contents()}
    assert legend == names
    assert page.locator(".seg.is-source").count() >= sum(bool(a["source"]) for a in expected["attributions"])
    page.screenshot(path=str(artifacts / "analyze-wide.png"), full_page=True)
    assert page.errors == []


def test_hovering_a_part_lights_up_the_other_parts(page, server, court_text, expected):
    analyze_in_page(page, server, court_text)
    i = next(k for k, a in enumerate(expected["attributions"]) if a["source"] and a["cue"] and a["content"])
    source = page.locator(f"#article-text .seg.is-source[data-attr='{i}']").first
    source.hover()
    lit = page.eval_on_selector_all("#article-text .seg.lit", "segs => segs.map(s => s.textContent).join('')")
    assert lit == "".join(segments_of(page, i))
    assert "lit" in page.locator("#attribution-list .attr-item").nth(i).get_attribute("class")
    page.mouse.move(1, 1)
    assert page.locator("#article-text .seg.lit").count() == 0


def test_clicking_a_highlight_shows_its_details(page, server, court_text, expected, artifacts):
    analyze_in_page(page, server, court_text)
    i = next(k for k, a in enumerate(expected["attributions"]) if a["speaker"] and a["content"])
    attribution = expected["attributions"][i]
    page.locator(f"#article-text .seg[data-attr='{i}']").first.click()
    details = page.locator("#details")
    assert details.is_visible()
    text = details.text_content()
    assert attribution["speaker"]["name"] in text
    assert f"{attribution['confidence']:.2f}" in text
    for term in ("Stance", "Verification", "Said on", "Confidence"):
        assert term in text
    page.screenshot(path=str(artifacts / "analyze-details.png"))


def test_the_speaker_list_opens_details_too(page, server, court_text, expected):
    analyze_in_page(page, server, court_text)
    last = len(expected["attributions"]) - 1
    page.locator("#attribution-list .attr-button").nth(last).click()
    assert page.locator("#details").is_visible()
    assert expected["attributions"][last]["cue_lemma"] in page.text_content("#details")


def test_keyboard_tab_enter_escape(page, server, court_text):
    analyze_in_page(page, server, court_text)
    page.focus("#analyze-button")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('seg')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('seg')"), "highlights are reachable by Tab"
    focused_attr = page.evaluate("document.activeElement.dataset.attr")
    assert page.locator("#article-text .seg.lit").count() > 0  # focus lights up the attribution like hover
    page.keyboard.press("Enter")
    assert page.locator("#details").is_visible()
    assert page.evaluate("document.activeElement.id") == "details"
    page.keyboard.press("Escape")
    assert not page.locator("#details").is_visible()
    assert page.evaluate("document.activeElement.dataset.attr") == focused_attr


def test_phone_sized_screen(browser, server, court_text, artifacts):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        analyze_in_page(page, server, court_text)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling"
        article = page.locator(".article-panel").bounding_box()
        who = page.locator(".who-panel").bounding_box()
        assert who["y"] >= article["y"] + article["height"] - 1, "the list goes below the article"
        page.locator("#article-text .seg.is-content").nth(1).tap()
        box = page.locator("#details").bounding_box()
        assert box["y"] + box["height"] <= 740 + 1 and box["y"] > 740 / 3, "details open as a sheet at the bottom"
        chosen = page.locator("#article-text .seg.selected")
        assert chosen.count() > 0, "the tapped attribution stays marked while its details are open"
        first = chosen.first.bounding_box()
        assert 0 <= first["y"] and first["y"] + first["height"] <= box["y"], "and is scrolled above the sheet"
        page.screenshot(path=str(artifacts / "analyze-phone.png"))
    finally:
        context.close()


HOSTILE = """Council <script>window.__pwned = 'script'; alert('script')</script> meeting
“We will not <img src=x onerror="window.__pwned='img'; alert('img')"> back down,” said <b onmouseover="window.__pwned='b'">Ana Ruiz</b>, the mayor.
<svg onload="window.__pwned='svg'"></svg><a href="javascript:window.__pwned='a'">link</a> "Nothing <iframe srcdoc='<script>parent.__pwned=1</script>'></iframe> changes," she added."""


def test_script_injection_runs_nothing(page, server, artifacts):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    analyze_in_page(page, server, HOSTILE)
    for seg in page.locator("#article-text .seg").all():
        seg.hover()
        seg.click()
    page.locator("#attribution-list .attr-button").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("#article-text *:not(.seg)").count() == 0  # the text became text, not elements
    assert page.locator("#details img, #details script, #attribution-list img, #attribution-list b").count() == 0
    assert page.text_content("#article-text") == HOSTILE
    page.screenshot(path=str(artifacts / "analyze-hostile.png"), full_page=True)


def test_script_injection_by_upload_runs_nothing(page, server, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, "utf-8")
    page.goto(f"{server.url}/analyze")
    page.set_input_files("#file", str(path))
    page.click("#analyze-button")
    page.wait_for_selector("#article-text.is-highlighted")
    page.locator("#article-text .seg").first.click()
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert "hostile" in page.text_content("#article-title")


def test_api_docs_load_from_local_files(page, server, artifacts):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server.url}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    assert "/api/analyze" in page.text_content("#swagger-ui")
    assert requests and all(url.startswith((server.url, "data:")) for url in requests), requests
    page.screenshot(path=str(artifacts / "api-docs.png"))
    assert page.errors == []


# ---------------------------------------------------------------- store pages (a real SQLite store)


@pytest.fixture(scope="module")
def store_server(examples_dir, tmp_path_factory):
    from onrecord.serve import create_app
    from onrecord.store import Store

    from .test_pages import DATES, hostile_article

    articles = []
    for stem, published in DATES.items():
        text = (examples_dir / f"{stem}.txt").read_text("utf-8")
        articles.append(onrecord.analyze(text, published, id=stem, title=text.splitlines()[0]))
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-store') / 'web.db'}"
    store = Store.open(url)
    store.add_articles([*articles, hostile_article()])
    store.close()
    with LiveServer(create_app(url)) as live:
        yield live


@pytest.mark.parametrize(("path", "name"), [("/speakers", "speakers"), ("/search?q=will", "search"), ("/articles", "articles")])
def test_store_pages_fit_a_phone(browser, store_server, artifacts, path, name):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(store_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert page.evaluate("window.__pwned") is None and dialogs == []
        page.screenshot(path=str(artifacts / f"{name}-phone.png"), full_page=True)
    finally:
        context.close()


def test_speaker_timeline_is_reachable_by_keyboard(page, store_server, artifacts):
    page.goto(f"{store_server.url}/speakers")
    page.click("#speakers-table tbody tr:first-child a")
    page.wait_for_selector("#timeline")
    dots = page.locator("#timeline a.dot-link")
    statements = page.locator("#statements li.quote")
    assert dots.count() == statements.count() > 0
    page.focus("#timeline a.dot-link >> nth=0")
    assert page.evaluate("document.activeElement.closest('svg') !== null")
    page.screenshot(path=str(artifacts / "speaker.png"), full_page=True)
    page.keyboard.press("Enter")
    page.wait_for_selector("#details:not([hidden])")  # the dot's link opens its attribution in the article
    assert "/articles/" in page.url and "#attr-" in page.url


def test_search_form_filters_and_links_to_the_article(page, store_server, artifacts):
    page.goto(f"{store_server.url}/search")
    page.fill("#q", "charges")
    page.click("#search-button")
    page.wait_for_selector("#results")
    assert page.locator("#results mark").count() >= 1
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)
    page.locator("#results .quote-meta a[href^='/articles/']").first.click()
    page.wait_for_selector("#details:not([hidden])")
    assert "charges" in page.text_content("#details").lower()


# ---------------------------------------------------------------- attribution kinds (hand-built articles)


@pytest.fixture(scope="module")
def kinds_server(tmp_path_factory):
    from onrecord.serve import create_app
    from onrecord.store import Store

    from .test_kinds import kinds_articles

    url = f"sqlite:///{tmp_path_factory.mktemp('browser-kinds') / 'web.db'}"
    with Store.open(url) as store:
        store.add_articles(kinds_articles())
    with LiveServer(create_app(url)) as live:
        yield live


def _shown_kinds(page, selector: str) -> list[str]:
    return sorted(page.eval_on_selector_all(f"{selector} li.quote .kind", "spans => spans.map(s => s.textContent)"))


def test_quotes_only_is_one_click_on_search_and_speaker_pages(page, kinds_server, artifacts):
    page.goto(f"{kinds_server.url}/search")
    page.fill("#q", "ferry")
    page.click("#search-button")
    page.wait_for_selector("#results")
    assert _shown_kinds(page, "#results") == ["evidence", "intention", "speech", "thought", "writing"]
    page.click("#kind-quotes")
    page.wait_for_selector("#kind-quotes[aria-current]")
    assert _shown_kinds(page, "#results") == ["speech", "writing"]
    assert page.input_value("#q") == "ferry" and page.is_checked("#kinds input[value=writing]")
    page.screenshot(path=str(artifacts / "search-quotes-only.png"), full_page=True)
    page.uncheck("#kinds input[value=speech]")  # the boxes refine it: writing alone
    page.click("#search-button")
    page.wait_for_selector("#kinds input[value=writing]:checked")
    assert _shown_kinds(page, "#results") == ["writing"]

    page.goto(f"{kinds_server.url}/speakers/lena-ortiz")
    assert _shown_kinds(page, "#statements") == ["intention", "speech", "writing"]
    page.click("#kind-quotes")
    page.wait_for_selector("#kind-quotes[aria-current]")
    assert _shown_kinds(page, "#statements") == ["speech", "writing"]
    assert page.locator("#timeline a.dot-link").count() == 2
    page.screenshot(path=str(artifacts / "speaker-quotes-only.png"), full_page=True)
    assert page.errors == []


def test_article_view_shows_each_attributions_kind(page, kinds_server, artifacts):
    page.goto(f"{kinds_server.url}/articles/ferry-2")
    page.wait_for_selector("#article-text.is-highlighted")
    assert page.eval_on_selector_all("#attribution-list .attr-meta .kind", "s => s.map(x => x.textContent)") == ["evidence", "intention"]
    page.click("#attribution-list .attr-button >> nth=1")
    page.wait_for_selector("#details:not([hidden])")
    assert "intention" in page.text_content("#details-list")
    page.screenshot(path=str(artifacts / "article-kinds.png"), full_page=True)
    assert page.errors == []

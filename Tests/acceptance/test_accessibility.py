"""The example site in headless Chromium (Selenium with Debian's chromium-driver) from a plain
file server on 127.0.0.1: axe-core (axe-selenium-python, which bundles axe-core 3.1: its rules
tagged WCAG 2 A and AA; it predates the wcag21 tags) finds no violation on the home page, a post, an event, a report, a page, a Spanish page and a
list, in light and in dark mode; and the menu folds behind a button on a phone that works
without JavaScript. The browser resolves no name but 127.0.0.1: nothing can come from elsewhere."""

from __future__ import annotations

import pytest

import support

PAGES = {
    "home": "/",
    "post": "/posts/court-watch-week-one/",
    "event": "/posts/community-assembly-and-potluck/",
    "report": "/posts/court-watch-report-fall-2026/",
    "page": "/about/",
    "spanish page": "/es/conoce-tus-derechos/",
    "spanish home": "/es/",
    "list": "/categories/detention/",
    "series": "/series/week-of-action-for-due-process/",
    "newsletter edition": "/newsletter/2026-w38/",
    "search": "/search/",
    "spanish search": "/es/buscar/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 600])
def test_the_email_edition_fits_a_phone_and_its_column_in_both_schemes(driver, served_site, site, width, scheme):
    """Issue 17: an edition's e-mail as a mail client's web view draws it: no sideways scroll at
    a phone's 375 pixels or its own 600, dark where the reader asked for dark, and axe-clean."""
    from axe_selenium_python import Axe

    assert (site / "newsletter/2026-w38/email.html").is_file()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        driver.get(base(served_site) + "/newsletter/2026-w38/email.html")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        card = driver.execute_script("return getComputedStyle(document.querySelector('.bs-card')).backgroundColor")
        assert card == ("rgb(23, 23, 26)" if scheme == "dark" else "rgb(255, 255, 255)"), card
        Axe(driver).inject()
        driver.set_script_timeout(60)
        result = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}})
              .then(r => done({violations: r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 5).map(n => n.target.join(" "))])}))
              .catch(e => done({error: String(e)}));
        """)
        assert not result.get("error") and not result["violations"], result
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def base(served_site) -> str:
    return support.address(served_site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(driver, served_site, site, name, scheme):
    from axe_selenium_python import Axe

    path = PAGES[name]
    assert (site / path.lstrip("/") / "index.html").is_file(), f"the example site has no {path}"
    driver.set_window_size(1280, 1000)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(base(served_site) + path)
    assert driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches"), scheme
    Axe(driver).inject()
    # Only what the test reads comes back: the whole result, with every node checked, took longer
    # than WebDriver waits.
    driver.set_script_timeout(60)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}})
          .then(r => done({version: axe.version, checked: r.passes.length,
                           violations: r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 5).map(n => n.target.join(" "))])}))
          .catch(e => done({error: String(e)}));
    """)
    assert "error" not in result, result
    assert result["checked"] > 10, f"axe {result['version']} checked almost nothing on {path}: {result}"
    assert not result["violations"], f"{path} in {scheme} mode (axe {result['version']}): {result['violations']}"


def test_the_menu_folds_behind_a_button_on_a_phone(driver, served_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.set_window_size(390, 900)
        driver.get(base(served_site) + "/")
        menu = driver.find_element(By.CSS_SELECTOR, ".site-nav ul")
        button = driver.find_element(By.CSS_SELECTOR, ".menu-button")
        assert button.is_displayed() and button.text.startswith("Menu")
        assert not menu.is_displayed(), "the menu is open on a phone before the button is pressed"
        button.click()
        assert menu.is_displayed(), "pressing the button did not open the menu"
        assert driver.find_element(By.LINK_TEXT, "Donate").is_displayed()
        # The keyboard: the checkbox behind the button takes the focus and the space bar.
        toggle = driver.find_element(By.ID, "menu-toggle")
        toggle.send_keys(Keys.SPACE)
        assert not menu.is_displayed(), "the space bar did not close the menu"
        driver.set_window_size(1280, 900)
        driver.get(base(served_site) + "/")
        assert driver.find_element(By.CSS_SELECTOR, ".site-nav ul").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".menu-button").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# Text colour on ground colour, as the theme's rules pair them (a button's text is the page's
# ground on the accent). Read from the stylesheet itself, in both modes.
PAIRS = [("text", "background"), ("muted", "background"), ("accent", "background"), ("background", "accent"),
         ("text", "tint"), ("muted", "tint"), ("accent", "tint")]


def theme_colours(css: str) -> dict[str, dict[str, str]]:
    import re

    def variables(block: str) -> dict[str, str]:
        return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))

    light = css[css.index(":root {"):css.index("}", css.index(":root {"))]
    dark_start = css.index("@media (prefers-color-scheme: dark)")
    dark = css[dark_start:css.index("}", dark_start)]
    return {"light": variables(light), "dark": {**variables(light), **variables(dark)}}


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, bl = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_colour_pair_of_the_theme_passes_wcag_aa(source):
    css = (source / "themes/default/static/css/style.css").read_text(encoding="utf-8")
    assert "color-mix(" not in css, "a colour made with color-mix() cannot be checked here, nor by axe-core 3"
    for mode, colours in theme_colours(css).items():
        for fg, bg in PAIRS:
            assert fg in colours and bg in colours, f"{mode} mode has no --{fg} or --{bg}: {colours}"
            ratio = contrast(colours[fg], colours[bg])
            assert ratio >= 4.5, f"{mode} mode: --{fg} {colours[fg]} on --{bg} {colours[bg]} is {ratio:.2f}:1, under 4.5:1"

//! The customer portal as a customer sees it: headless Debian Chromium driven through
//! chromedriver, with a fresh profile and a download folder of its own.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::portal::temp_dir;
use crate::{Prerequisites, WebDriverProcess, chromedriver, chromium_capabilities, save_screenshot, webdriver_client};

/// How long a page may take to show what a test waits for.
const WAIT: Duration = Duration::from_secs(15);

/// A Chromium window on the portal.
#[derive(Debug)]
pub struct Browser {
    pub client: Client,
    /// The portal's address, `http://127.0.0.1:<port>`.
    pub url: String,
    /// Where files the customer downloads land.
    pub downloads: PathBuf,
    profile: PathBuf,
    test: String,
    // Dropped last: kills chromedriver and Chromium even after a failed assertion.
    _driver: WebDriverProcess,
}

impl Browser {
    /// Opens Chromium on `url` preferring `accept_language`. `None` (after a loud SKIPPED notice)
    /// when chromedriver or Chromium is missing; a failure instead when `TESSERA_REQUIRE_E2E=1`.
    pub async fn open(test: &str, url: &str, accept_language: &str) -> Option<Self> {
        let mut needs = Prerequisites::new();
        let driver_program = needs.program("chromedriver", "cargo xtask setup, or apt-get install chromium-driver");
        let chromium = needs.program("chromium", "cargo xtask setup, or apt-get install chromium");
        if !needs.satisfied(test) {
            return None;
        }
        let profile = temp_dir(&format!("chromium-{test}"));
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).expect("a download folder");
        let driver = chromedriver(&driver_program.expect("checked above")).expect("chromedriver starts");
        let mut capabilities = chromium_capabilities(&chromium.expect("checked above"), &profile, accept_language);
        if let Some(options) = capabilities.get_mut("goog:chromeOptions") {
            options["prefs"]["download.default_directory"] = json!(downloads);
            options["prefs"]["download.prompt_for_download"] = json!(false);
        }
        let client = webdriver_client(&driver, capabilities).await.expect("a Chromium session opens");
        client.set_window_size(1280, 1000).await.expect("window size");
        Some(Self { client, url: url.to_owned(), downloads, profile, test: test.to_owned(), _driver: driver })
    }

    /// Opens the portal page at `path`.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.url);
        self.client.goto(&url).await.unwrap_or_else(|error| panic!("{}: cannot open {url}: {error}", self.test));
    }

    /// The first element matching `css`, once it is there.
    async fn element(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => {
                self.evidence().await;
                panic!("{}: {css} is not on the page: {error}", self.test)
            }
        }
    }

    /// The visible text of `css`, with the no-break spaces of French money and punctuation as
    /// plain spaces (as WebDriver gives some of them back).
    pub async fn text_of(&self, css: &str) -> String {
        self.element(css).await.text().await.expect("text").replace(['\u{A0}', '\u{202F}'], " ")
    }

    /// The text of `css` once it reads `expected`, waiting while a form's round trip replaces the
    /// page (an element of the old page may go stale meanwhile); what it read last otherwise.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        let deadline = std::time::Instant::now() + WAIT;
        let mut last = String::new();
        while std::time::Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = element.text().await
            {
                last = text.replace(['\u{A0}', '\u{202F}'], " ");
                if last == expected {
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        last
    }

    /// Whether an element matching `css` is on the page now.
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.map(|found| found.len()).unwrap_or(0)
    }

    /// Clicks the element `css`; found again if the page replaced it between finding and
    /// clicking (a form's round trip still arriving).
    pub async fn click(&self, css: &str) {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            match self.element(css).await.click().await {
                Ok(_) => return,
                Err(error) if error.is_stale_element_reference() && std::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("{}: cannot click {css}: {error}", self.test),
            }
        }
    }

    /// Types `text` into a field key by key, as a customer would.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.element(css).await;
        field.clear().await.unwrap_or_else(|error| panic!("{}: cannot clear {css}: {error}", self.test));
        field.send_keys(text).await.unwrap_or_else(|error| panic!("{}: cannot type into {css}: {error}", self.test));
    }

    /// Presses Tab until the element `css` has the keyboard focus, as a keyboard user moves
    /// through the page, and fails if it is not reached or shows no focus ring there.
    pub async fn tab_to(&self, css: &str) {
        let target = self.element(css).await;
        for _ in 0..40 {
            let active = self.client.active_element().await.expect("the focused element");
            if active.element_id() == target.element_id() {
                let ring = "const s = getComputedStyle(document.activeElement); \
                            return s.outlineStyle !== 'none' || s.boxShadow !== 'none';";
                let shown = self.client.execute(ring, vec![]).await.expect("the check runs");
                assert_eq!(shown, json!(true), "{}: {css} has the focus but shows no focus ring", self.test);
                return;
            }
            active.send_keys(&key(fantoccini::key::Key::Tab)).await.expect("Tab");
        }
        self.evidence().await;
        panic!("{}: 40 presses of Tab do not reach {css}", self.test);
    }

    /// Types `text` where the keyboard focus is, then `Enter` when `submit`.
    pub async fn type_here(&self, text: &str, submit: bool) {
        let active = self.client.active_element().await.expect("the focused element");
        active.send_keys(text).await.expect("typing");
        if submit {
            active.send_keys(&key(fantoccini::key::Key::Enter)).await.expect("Enter");
        }
    }

    /// Chooses `file` in the file field `css`, as the file dialog would.
    pub async fn choose_file(&self, css: &str, file: &Path) {
        let path = file.to_str().expect("a UTF-8 path");
        self.element(css)
            .await
            .send_keys(path)
            .await
            .unwrap_or_else(|error| panic!("{}: cannot choose {path} in {css}: {error}", self.test));
    }

    /// The value of a field.
    pub async fn value_of(&self, css: &str) -> String {
        self.element(css).await.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Waits until a file named `name` is fully downloaded and returns its contents.
    pub async fn downloaded(&self, name: &str) -> String {
        let path = self.downloads.join(name);
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            // Chromium writes `<name>.crdownload` and renames it when the download is complete.
            if let Ok(text) = std::fs::read_to_string(&path) {
                return text;
            }
            if tokio::time::Instant::now() > deadline {
                let found: Vec<_> = std::fs::read_dir(&self.downloads)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect();
                panic!("{}: {name} was not downloaded; the download folder holds {found:?}", self.test);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Checks what a screen reader and a keyboard user need on the page now, and fails naming
    /// each problem: the page's language is `language`, it has a title and one `h1`, every field
    /// has a label, every link and button says what it does, every table has header cells.
    pub async fn assert_accessible(&self, language: &str) {
        const CHECKS: &str = r#"
            const problems = [];
            const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim()
                || (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id))
                    .filter(Boolean).map((l) => l.textContent.trim()).join(' ')
                || (el.querySelector('img[alt]') ? el.querySelector('img[alt]').alt.trim() : '');
            const describe = (el) => el.outerHTML.slice(0, 120);
            if (document.documentElement.lang !== arguments[0]) {
                problems.push(`the page's language is "${document.documentElement.lang}", not "${arguments[0]}"`);
            }
            if (!document.title.trim()) problems.push('the page has no title');
            const headings = document.querySelectorAll('h1').length;
            if (headings !== 1) problems.push(`the page has ${headings} h1 headings`);
            for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                const labelled = field.labels.length > 0 || field.getAttribute('aria-label')
                    || field.getAttribute('aria-labelledby');
                if (!labelled) problems.push(`a field without a label: ${describe(field)}`);
            }
            for (const control of document.querySelectorAll('a[href], button')) {
                if (!name(control)) problems.push(`a link or button that says nothing: ${describe(control)}`);
            }
            for (const table of document.querySelectorAll('table')) {
                if (!table.querySelector('th')) problems.push(`a table without header cells: ${describe(table)}`);
            }
            // WCAG 2 contrast of every visible text against the first opaque background behind it:
            // 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled controls are exempt.
            const rgb = (color) => (color.match(/[\d.]+/g) || []).map(Number);
            const luminance = ([r, g, b]) => {
                const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
            };
            const background = (el) => {
                for (let at = el; at; at = at.parentElement) {
                    const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
                    if (a >= 0.99) return [r, g, b];
                }
                return [255, 255, 255];
            };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const seen = new Set();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!node.textContent.trim() || seen.has(el) || el.closest('[aria-hidden=true], .disabled, .sr-only')) continue;
                seen.add(el);
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
                const [fg, bg] = [luminance(rgb(style.color)), luminance(background(el))];
                const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
                const size = parseFloat(style.fontSize);
                const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
                if (ratio < (large ? 3 : 4.5)) {
                    problems.push(`text with contrast ${ratio.toFixed(2)}:1: "${node.textContent.trim().slice(0, 40)}" (${style.color} on ${getComputedStyle(el).backgroundColor})`);
                }
            }
            return problems;
        "#;
        let found = self.client.execute(CHECKS, vec![json!(language)]).await.expect("the checks run");
        let problems: Vec<String> = serde_json::from_value(found).expect("a list of problems");
        if !problems.is_empty() {
            self.evidence().await;
            let at = self.client.current_url().await.map(|url| url.to_string()).unwrap_or_default();
            panic!("{}: {at} is not accessible:\n  {}", self.test, problems.join("\n  "));
        }
    }

    /// What sticks out sideways on the page now, or `None` when it fits its window: the page's
    /// width against the viewport's, and the elements whose right edge passes the viewport.
    pub async fn horizontal_overflow(&self) -> Option<String> {
        const MEASURE: &str = r#"
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const wide = [...document.body.querySelectorAll('*')]
                .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
                .filter((el) => !el.closest('.table-wrap') || el.classList.contains('table-wrap'))
                .slice(0, 5)
                .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
            return `the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window: ${wide.join(', ')}`;
        "#;
        let found = self.client.execute(MEASURE, vec![]).await.expect("the measure runs");
        found.as_str().map(str::to_owned)
    }

    /// The tables that scroll inside their box now (their last columns hidden), by id.
    pub async fn scrolling_tables(&self) -> Vec<String> {
        const MEASURE: &str = r#"
            return [...document.querySelectorAll('.table-wrap')]
                .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
                .map((wrap) => `${(wrap.querySelector('table') || wrap).id || 'a table'} (${wrap.scrollWidth} px in ${wrap.clientWidth} px)`);
        "#;
        let found = self.client.execute(MEASURE, vec![]).await.expect("the measure runs");
        serde_json::from_value(found).unwrap_or_default()
    }

    /// The `href` of the first link matching `css`.
    pub async fn href_of(&self, css: &str) -> String {
        self.element(css).await.attr("href").await.ok().flatten().unwrap_or_default()
    }

    /// Saves a screenshot as `tests/artifacts/<name>.png`, a moment after the page settled.
    pub async fn screenshot(&self, name: &str) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let path = save_screenshot(name, &png).expect("saved");
        eprintln!("screenshot: {}", path.display());
    }

    /// Resizes the window, e.g. to a phone's 390 × 844.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.expect("window size");
    }

    /// What the page showed when an expectation failed: a screenshot and the address.
    async fn evidence(&self) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = save_screenshot(&format!("{}-failure", self.test), &png);
        }
        if let Ok(url) = self.client.current_url().await {
            eprintln!("{}: the browser was at {url}", self.test);
        }
    }

    /// Ends the session and removes the profile.
    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The WebDriver text that presses `key`.
fn key(key: fantoccini::key::Key) -> String {
    char::from(key).to_string()
}

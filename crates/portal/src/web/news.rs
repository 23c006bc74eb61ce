//! The News page (seed 002): the vendor's news about the programs, newest first, for every signed-in customer.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, Pager, WebError, render};
use crate::error::Result;
use crate::state::AppState;
use crate::store;

/// One piece of news, its text split into paragraphs of lines.
#[derive(Debug)]
pub struct Item {
    pub published_at: i64,
    pub title: String,
    pub paragraphs: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "web/news.html")]
struct NewsPage {
    page: Page,
    items: Vec<Item>,
    pager: Option<Pager>,
}

#[derive(Debug, Deserialize)]
pub struct NewsQuery {
    page: Option<i64>,
}

/// Plain text as paragraphs (separated by blank lines) of lines; the template escapes each line.
fn paragraphs(body: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

pub async fn news(
    State(state): State<AppState>,
    who: SignedIn,
    Query(query): Query<NewsQuery>,
) -> Result<Response, WebError> {
    let news = store::news::page(&state.pool, query.page).await?;
    let at = news.at;
    let items = news
        .rows
        .into_iter()
        .map(|n| Item { published_at: n.published_at, title: n.title, paragraphs: paragraphs(&n.body) })
        .collect();
    let page = Page::new(&who.visit, "news", format!("/news?page={}", at.page));
    let pager = page.pager(at, |n| format!("/news?page={n}"));
    render(&NewsPage { page, items, pager })
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn blank_lines_separate_paragraphs_and_single_breaks_stay_lines() {
        let cases: [(&str, Vec<Vec<&str>>); 4] = [
            ("One line.", vec![vec!["One line."]]),
            ("First.\n\nSecond,\r\nstill second.", vec![vec!["First."], vec!["Second,", "still second."]]),
            ("\n\n  Padded.  \n \n\n\nLast.\n", vec![vec!["Padded."], vec!["Last."]]),
            ("   \n\n", vec![]),
        ];
        for (body, expected) in cases {
            assert_eq!(paragraphs(body), expected, "{body:?}");
        }
    }
}

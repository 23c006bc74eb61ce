//! The one way a table is paged: count its rows, clamp the page asked for, fetch that window.

use std::future::Future;

use crate::error::Result;

/// Rows on one page of every table.
pub const PER_PAGE: i64 = 10;

/// Which page of a table, from `?page=` and the number of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub pages: i64,
}

impl Paging {
    /// The page asked for, within `1..=pages` (a page past the end is the last one).
    #[must_use]
    pub fn new(requested: Option<i64>, rows: i64) -> Self {
        let pages = ((rows + PER_PAGE - 1) / PER_PAGE).max(1);
        Self { page: requested.unwrap_or(1).clamp(1, pages), pages }
    }

    /// The rows before this page.
    #[must_use]
    pub fn offset(self) -> i64 {
        (self.page - 1) * PER_PAGE
    }
}

/// One page of rows, and where it is in the table.
#[derive(Debug)]
pub struct Paged<T> {
    pub rows: Vec<T>,
    pub at: Paging,
}

/// Counts, then fetches the page asked for: `fetch` gets the clamped page.
pub(super) async fn paged<T, F, Fut>(requested: Option<i64>, count: i64, fetch: F) -> Result<Paged<T>>
where
    F: FnOnce(Paging) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let at = Paging::new(requested, count);
    Ok(Paged { rows: fetch(at).await?, at })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_past_the_end_is_the_last_and_an_empty_table_has_one_page() {
        assert_eq!(Paging::new(Some(9), 21), Paging { page: 3, pages: 3 });
        assert_eq!(Paging::new(Some(0), 21).offset(), 0);
        assert_eq!(Paging::new(None, 0), Paging { page: 1, pages: 1 });
        assert_eq!(Paging::new(Some(2), 20).offset(), 10);
    }
}

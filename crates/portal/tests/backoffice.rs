//! The back office: staff created from the shell (the password piped in), signing in with a
//! session shorter than customers', the dashboard's figures, orders awaiting payment and
//! recording one's payment; a support account refused every admin-only route, the list taken
//! from the router.

mod common;

use common::admin::ok;

use common::staff::{create_staff, signed_in_staff};
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_portal::domain::Needs;

const PASSWORD: &str = "staff horse battery";

on_both_databases!(
    staff_sign_in_see_the_figures_and_only_admins_touch_money,
    |portal: common::TestPortal| async move {
        // Arrange: an admin and a support person; an order of Contoso's awaiting payment.
        let (created, out) = create_staff(&portal, "Boss@Acme.example", "admin", PASSWORD);
        assert!(created && out.contains("can sign in to /admin as admin"), "{out}");
        assert!(create_staff(&portal, "help@acme.example", "support", PASSWORD).0);
        let (short, why) = create_staff(&portal, "x@acme.example", "support", "short");
        assert!(!short && why.contains("at least"), "a short password is refused: {why}");
        let (twice, why) = create_staff(&portal, "help@acme.example", "support", PASSWORD);
        assert!(!twice && why.contains("exists already"), "{why}");
        ok(
            &portal,
            &[
                "add-plan",
                "--product",
                "acme-ledger",
                "--edition",
                "Standard",
                "--sku",
                "LED-STD-1Y",
                "--price",
                "299.25",
            ],
        )
        .await;
        let placed =
            ok(&portal, &["place-order", "--customer-email", "it@contoso.example", "--plan", "LED-STD-1Y:2"]).await;
        let reference = placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned();

        // The demo's accounts sign in with the credentials the demo prints.
        let demo = signed_in_staff(&portal, "support@acme.example", "demo-support-password").await;
        drop(demo);

        // Nobody signed in, or a customer: the sign-in page. A wrong password says no more than that.
        let mut stranger = Visitor::new(&portal.url);
        assert_eq!(stranger.get("/admin").await.location.as_deref(), Some("/admin/login"));
        let form = stranger.get("/admin/login").await;
        let wrong = stranger
            .post(
                "/admin/login",
                &[("csrf", &form.csrf()), ("email", "boss@acme.example"), ("password", "not it at all")],
            )
            .await;
        let unknown = stranger
            .post("/admin/login", &[("csrf", &form.csrf()), ("email", "nobody@acme.example"), ("password", PASSWORD)])
            .await;
        assert_eq!((wrong.status, unknown.status), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
        assert_eq!(wrong.text_of("problem"), unknown.text_of("problem"), "one message for both");
        let customer = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
        let mut customer = customer;
        assert_eq!(
            customer.get("/admin/orders").await.location.as_deref(),
            Some("/admin/login"),
            "customers are not staff"
        );

        // Support: the figures and the orders, no payment form; every admin-only route refused.
        let mut support = signed_in_staff(&portal, "help@acme.example", PASSWORD).await;
        let dashboard = support.get("/admin").await;
        assert_eq!(dashboard.status, StatusCode::OK);
        assert_eq!(dashboard.text_of("staff-who").as_deref(), Some("support person · support"));
        let awaiting = dashboard.body.split(r#"id="figure-awaiting""#).nth(1).expect("the awaiting figure");
        assert!(
            awaiting.contains(r#"<span class="figure">1</span>"#) && awaiting.contains("€598.50"),
            "{awaiting:.400}"
        );
        let orders = support.get("/admin/orders").await;
        assert!(orders.body.contains(&format!(r#"id="order-{reference}""#)), "the order is listed");
        assert!(!orders.body.contains("/payment\""), "support is offered no payment form");
        let csrf = orders.csrf();
        let admin_only: Vec<&str> = tessera_portal::web::backoffice::needs()
            .into_iter()
            .filter(|(_, needs)| *needs == Needs::Admin)
            .map(|(path, _)| path)
            .collect();
        assert!(!admin_only.is_empty(), "the router has admin-only routes");
        for path in &admin_only {
            let path = path.replace("{reference}", &reference);
            let get = support.get(&path).await.status;
            let post = support
                .post(
                    &path,
                    &[("csrf", &csrf), ("amount", "598.50"), ("paid_on", "2026-01-01"), ("bank_reference", "S-1")],
                )
                .await
                .status;
            assert!([get, post].contains(&StatusCode::FORBIDDEN), "{path}: GET {get}, POST {post}");
            assert!(
                [get, post].iter().all(|s| [StatusCode::FORBIDDEN, StatusCode::METHOD_NOT_ALLOWED].contains(s)),
                "{path}: GET {get}, POST {post}"
            );
        }
        let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&portal.pool)
            .await
            .expect("the order");
        assert_eq!(status, "awaiting_payment", "support recorded nothing");

        // The admin records the transfer: a wrong amount is refused on the page, the right one pays.
        let mut admin = signed_in_staff(&portal, "boss@acme.example", PASSWORD).await;
        let orders = admin.get("/admin/orders").await;
        assert!(
            orders.body.contains(&format!(r#"action="/admin/orders/{reference}/payment""#)),
            "the admin has the form"
        );
        let csrf = orders.csrf();
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        let path = format!("/admin/orders/{reference}/payment");
        let short = admin
            .post(&path, &[("csrf", &csrf), ("amount", "500.00"), ("paid_on", &today), ("bank_reference", "")])
            .await;
        assert_eq!(short.status, StatusCode::CONFLICT);
        assert!(short.text_of("notice").is_some_and(|n| n.contains("598.50")), "{:?}", short.text_of("notice"));
        let paid = admin
            .post(&path, &[("csrf", &csrf), ("amount", "598.50"), ("paid_on", &today), ("bank_reference", "UB-9")])
            .await;
        assert_eq!(paid.status, StatusCode::OK, "{}", paid.body);
        let notice = paid.text_of("notice").expect("a notice");
        assert!(
            notice.starts_with(&format!("The payment of order {reference} is recorded; licenses issued: ")),
            "{notice}"
        );
        assert!(!paid.body.contains(&format!(r#"id="order-{reference}""#)), "no longer awaiting");
        let events = ok(&portal, &["events", "--kind", "payment_recorded"]).await;
        assert!(events.contains("staff:boss@acme.example") && events.contains(&reference), "{events}");

        // Signing out ends the session.
        let page = admin.get("/admin").await;
        admin.post("/admin/logout", &[("csrf", &page.csrf())]).await;
        assert_eq!(admin.get("/admin").await.location.as_deref(), Some("/admin/login"));
    }
);

//! `tessera-portal admin pool …`: a partner and its reseller added, license-years granted from
//! a paid order and moved to the reseller, the balances printed; over the balance is refused.

mod common;

use common::admin;

on_both_databases!(the_vendor_fills_a_partner_s_pool_from_the_shell, |portal: common::TestPortal| async move {
    let said = admin::ok(&portal, &["pool", "partner", "--name", "Contoso Partners"]).await;
    let partner = said.strip_prefix("partner ").expect("the partner's id").to_owned();
    let said = admin::ok(&portal, &["pool", "reseller", "--partner", &partner, "--name", "North"]).await;
    let reseller = said.strip_prefix("reseller ").expect("the reseller's id").to_owned();

    let grant = [
        "pool",
        "grant",
        "--partner",
        &partner,
        "--order",
        "JWT19",
        "--product",
        "acme-ledger",
        "--license-years",
        "40",
    ];
    let said = admin::ok(&portal, &grant).await;
    assert!(said.ends_with("the pool holds 40"), "{said}");
    let again = admin::run(&portal, &grant).await.expect_err("once per order");
    assert!(again.starts_with("BAD_REQUEST"), "{again}");

    let move_ = |n: &'static str| {
        [
            "pool",
            "transfer",
            "--partner",
            &partner,
            "--reseller",
            &reseller,
            "--product",
            "acme-ledger",
            "--license-years",
            n,
        ]
        .map(str::to_owned)
    };
    let args = move_("15");
    admin::ok(&portal, &args.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let args = move_("26");
    let over = admin::run(&portal, &args.iter().map(String::as_str).collect::<Vec<_>>()).await.expect_err("over");
    assert!(over.starts_with("INSUFFICIENT_LICENSES"), "{over}");

    let partner_balance = admin::ok(&portal, &["pool", "balance", "--organisation", &partner]).await;
    assert!(partner_balance.ends_with("acme-ledger\t25"), "{partner_balance}");
    let reseller_balance = admin::ok(&portal, &["pool", "balance", "--organisation", &reseller]).await;
    assert!(reseller_balance.ends_with("acme-ledger\t15"), "{reseller_balance}");
});

//! What the demo portal holds: the vendor's products, two customers with their orders,
//! licenses and support terms (seed 000), their managers, the vendor's news and contracts
//! (seed 002). Plain data: `demo::seed` makes it through the services.

pub struct OrderSpec {
    pub reference: &'static str,
    pub days_ago: i64,
    pub currency: &'static str,
    pub items: &'static [(&'static str, &'static str, &'static str, i64, i64)],
}

pub struct LicenseSpec {
    pub serial: &'static str,
    pub order: usize,
    pub product: &'static str,
    pub edition: &'static str,
    pub users: i64,
    pub machines: i64,
    pub term_years: Option<i64>,
    pub support_years: Option<i64>,
}

pub struct CustomerSpec {
    pub company: &'static str,
    pub email: &'static str,
    pub country: &'static str,
    pub city: &'static str,
    pub contact: (&'static str, &'static str),
    pub orders: &'static [OrderSpec],
    pub licenses: &'static [LicenseSpec],
}

pub const CUSTOMERS: &[CustomerSpec] = &[
    CustomerSpec {
        company: "Northwind Traders",
        email: "demo@northwind.example",
        country: "France",
        city: "Lyon",
        contact: ("Camille", "Durand"),
        orders: &[
            OrderSpec {
                reference: "JWT11408",
                days_ago: 30,
                currency: "EUR",
                items: &[("acme-ledger", "LED-ENT-3", "Acme Ledger Enterprise, 3 users", 1, 89_900)],
            },
            OrderSpec {
                reference: "JWT19",
                days_ago: 540,
                currency: "EUR",
                items: &[
                    ("acme-ledger", "LED-ENT-10", "Acme Ledger Enterprise, 10 users", 1, 249_000),
                    ("acme-ledger", "SUP-2Y", "Support and updates, 2 years", 1, 49_800),
                ],
            },
            OrderSpec {
                reference: "JWT18",
                days_ago: 760,
                currency: "EUR",
                items: &[("acme-payroll", "PAY-PRO-25", "Acme Payroll Professional, 25 users", 1, 399_000)],
            },
        ],
        licenses: &[
            LicenseSpec {
                serial: "P30",
                order: 0,
                product: "acme-ledger",
                edition: "Enterprise",
                users: 3,
                machines: 2,
                term_years: Some(1),
                support_years: Some(1),
            },
            LicenseSpec {
                serial: "P65",
                order: 1,
                product: "acme-ledger",
                edition: "Enterprise",
                users: 10,
                machines: 5,
                term_years: None,
                support_years: Some(2),
            },
            LicenseSpec {
                serial: "P24",
                order: 2,
                product: "acme-payroll",
                edition: "Professional",
                users: 25,
                machines: 1,
                term_years: Some(3),
                support_years: None,
            },
        ],
    },
    CustomerSpec {
        company: "Contoso Pharmacy",
        email: "it@contoso.example",
        country: "Italy",
        city: "Torino",
        contact: ("Giulia", "Romano"),
        orders: &[OrderSpec {
            reference: "JWT20417",
            days_ago: 12,
            currency: "EUR",
            items: &[("acme-ledger", "LED-STD-1", "Acme Ledger Standard, 1 user", 1, 29_900)],
        }],
        licenses: &[LicenseSpec {
            serial: "P71",
            order: 0,
            product: "acme-ledger",
            edition: "Standard",
            users: 1,
            machines: 1,
            term_years: Some(1),
            support_years: Some(1),
        }],
    },
];

/// Each demo customer's manager and telephone (seed 002's profile), by e-mail.
pub const PROFILES: &[(&str, &str, &str, &str)] = &[
    ("demo@northwind.example", "Hélène Marchand", "+33 4 72 10 45 80", "FR40303265045"),
    ("it@contoso.example", "Marco Bianchi", "+39 011 561 2290", "IT07643520567"),
];

/// The vendor's news: days ago, title, text (a blank line between paragraphs).
pub const NEWS: &[(i64, &str, &str)] = &[
    (
        3,
        "Acme Ledger 5.2 is out",
        "Version 5.2 brings the new VAT return forms and a faster year-end closing.\n\n\
         Customers with support and updates download it from the Programs and keys page; \
         the activation key stays the same.",
    ),
    (
        20,
        "Support hours over the holidays",
        "Between Christmas and New Year our support desk answers from 10:00 to 14:00 (CET).\n\
         Licensing questions sent by e-mail are answered on the next working day.\n\n\
         We wish you happy holidays!",
    ),
    (
        45,
        "New: offline activation in the portal",
        "A computer without internet can now be activated from the Offline activation page: upload \
         the request file the program saves, then take the response file back to the computer.\n\n\
         A deactivation receipt frees a seat the same way.",
    ),
    (
        90,
        "Acme Payroll 3.4: new payslip layouts",
        "Acme Payroll 3.4 adds two payslip layouts and exports payments as SEPA XML.\n\n\
         The update is free for customers with a support term.",
    ),
];

pub struct ContractSpec {
    pub customer: &'static str,
    pub days_ago: i64,
    pub document_type: &'static str,
    pub subscription_type: &'static str,
    pub monthly_price_minor: i64,
    pub status: &'static str,
}

/// Northwind's contracts over the years and Contoso's one (seed 002's Contracts).
pub const CONTRACTS: &[ContractSpec] = &[
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 760,
        document_type: "contract",
        subscription_type: "annual",
        monthly_price_minor: 12_900,
        status: "expired",
    },
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 395,
        document_type: "contract",
        subscription_type: "annual",
        monthly_price_minor: 124_000,
        status: "active",
    },
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 30,
        document_type: "annex",
        subscription_type: "annual",
        monthly_price_minor: 2_490,
        status: "active",
    },
    ContractSpec {
        customer: "it@contoso.example",
        days_ago: 12,
        document_type: "contract",
        subscription_type: "monthly",
        monthly_price_minor: 4_275,
        status: "active",
    },
];

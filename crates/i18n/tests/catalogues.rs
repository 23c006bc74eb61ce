//! The catalogues in `locales/` are complete and consistent: same ids, same variables, every plural form, no Fluent errors.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement, VariantKey};
use intl_pluralrules::{PluralRuleType, PluralRules};
use tessera_i18n::{Language, catalogue_source};

/// The translations, English being the reference.
const TRANSLATIONS: [Language; 4] = [Language::Fr, Language::It, Language::Bg, Language::Ru];

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Integers a message may be given: every plural form of every language shows up among them.
const SAMPLE_NUMBERS: [i64; 16] = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000, 1_000_000];

type Message = ast::Message<&'static str>;

/// Every message of a catalogue by id; fails on syntax errors and on ids defined twice.
fn messages(language: Language) -> BTreeMap<&'static str, Message> {
    let resource = match fluent_syntax::parser::parse(catalogue_source(language)) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("locales/{}/tessera.ftl has syntax errors: {errors:#?}", language.code()),
    };
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name;
                assert!(messages.insert(id, message).is_none(), "locales/{}: `{id}` is defined twice", language.code());
            }
            Entry::Junk { content } => panic!("locales/{}/tessera.ftl cannot read: {content}", language.code()),
            _ => {}
        }
    }
    messages
}

/// How a message uses one variable: shown as it is, or choosing among variants.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Usage {
    /// Keys of the selects on this variable, defaults included.
    keys: BTreeSet<String>,
}

impl Usage {
    /// Whether it chooses plural forms: some key is a plural category or a number.
    fn is_plural(&self) -> bool {
        self.keys.iter().any(|k| PLURAL_CATEGORIES.contains(&k.as_str()) || k.parse::<f64>().is_ok())
    }

    /// Keys that are words (`activation-key`), not plural categories or numbers.
    fn choices(&self) -> BTreeSet<String> {
        if self.is_plural() { BTreeSet::new() } else { self.keys.clone() }
    }
}

/// A select expression found in a message: its variable, its keys and its default key.
#[derive(Debug)]
struct Select {
    variable: String,
    keys: Vec<String>,
    default: String,
}

#[derive(Debug, Default)]
struct Walk {
    variables: BTreeMap<String, Usage>,
    selects: Vec<Select>,
}

fn key_name(key: &VariantKey<&str>) -> String {
    match key {
        VariantKey::Identifier { name } => (*name).to_owned(),
        VariantKey::NumberLiteral { value } => (*value).to_owned(),
    }
}

fn walk_pattern(pattern: &ast::Pattern<&str>, walk: &mut Walk) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, walk);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, walk: &mut Walk) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, walk),
        Expression::Select { selector, variants } => {
            walk_inline(selector, walk);
            if let InlineExpression::VariableReference { id } = selector {
                let keys: Vec<String> = variants.iter().map(|v| key_name(&v.key)).collect();
                let default = variants.iter().find(|v| v.default).map(|v| key_name(&v.key)).unwrap_or_default();
                walk.variables.entry(id.name.to_owned()).or_default().keys.extend(keys.iter().cloned());
                walk.selects.push(Select { variable: id.name.to_owned(), keys, default });
            }
            for variant in variants {
                walk_pattern(&variant.value, walk);
            }
        }
    }
}

fn walk_inline(inline: &InlineExpression<&str>, walk: &mut Walk) {
    match inline {
        InlineExpression::VariableReference { id } => {
            walk.variables.entry(id.name.to_owned()).or_default();
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, walk),
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, walk);
            }
            for argument in &arguments.named {
                walk_inline(&argument.value, walk);
            }
        }
        _ => {}
    }
}

fn walk(message: &Message) -> Walk {
    let mut walk = Walk::default();
    if let Some(value) = &message.value {
        walk_pattern(value, &mut walk);
    }
    for attribute in &message.attributes {
        walk_pattern(&attribute.value, &mut walk);
    }
    walk
}

/// Panics with every problem at once, so one run shows all a translator has to fix.
fn report(what: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{what}: {} problem(s)\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn every_catalogue_has_exactly_the_message_ids_of_english() {
    let english: BTreeSet<&str> = messages(Language::En).into_keys().collect();
    let mut problems = Vec::new();
    for language in TRANSLATIONS {
        let ids: BTreeSet<&str> = messages(language).into_keys().collect();
        let missing: Vec<&str> = english.difference(&ids).copied().collect();
        let extra: Vec<&str> = ids.difference(&english).copied().collect();
        if !missing.is_empty() {
            problems.push(format!("{}: missing {} id(s): {}", language.code(), missing.len(), missing.join(", ")));
        }
        if !extra.is_empty() {
            problems.push(format!("{}: {} id(s) not in English: {}", language.code(), extra.len(), extra.join(", ")));
        }
    }
    report("catalogues differ from English", &problems);
}

#[test]
fn every_message_has_a_text_in_every_language() {
    let mut problems = Vec::new();
    for language in Language::ALL {
        for (id, message) in messages(language) {
            if message.value.is_none() {
                problems.push(format!("{}: `{id}` has no value", language.code()));
            }
        }
    }
    report("messages without text", &problems);
}

#[test]
fn every_translation_uses_the_variables_of_the_english_message() {
    let english = messages(Language::En);
    let mut problems = Vec::new();
    for language in TRANSLATIONS {
        for (id, message) in messages(language) {
            let Some(reference) = english.get(id) else { continue };
            let expected: BTreeSet<String> = walk(reference).variables.into_keys().collect();
            let found: BTreeSet<String> = walk(&message).variables.into_keys().collect();
            if expected != found {
                problems.push(format!("{}: `{id}` uses {found:?}, English uses {expected:?}", language.code()));
            }
        }
    }
    report("variables differ from English", &problems);
}

#[test]
fn every_select_on_a_word_offers_the_english_choices() {
    let english = messages(Language::En);
    let mut problems = Vec::new();
    for language in TRANSLATIONS {
        for (id, message) in messages(language) {
            let Some(reference) = english.get(id) else { continue };
            let reference = walk(reference);
            for (variable, usage) in walk(&message).variables {
                let Some(expected) = reference.variables.get(&variable) else { continue };
                if usage.is_plural() != expected.is_plural() {
                    problems.push(format!("{}: `{id}` ${variable}: plural in one language only", language.code()));
                } else if usage.choices() != expected.choices() {
                    problems.push(format!(
                        "{}: `{id}` ${variable} chooses among {:?}, English among {:?}",
                        language.code(),
                        usage.choices(),
                        expected.choices()
                    ));
                }
            }
        }
    }
    report("choices differ from English", &problems);
}

#[test]
fn every_plural_select_has_every_plural_form_of_its_language() {
    let mut problems = Vec::new();
    for language in Language::ALL {
        let rules = PluralRules::create(
            language.code().parse::<unic_langid::LanguageIdentifier>().expect("language id"),
            PluralRuleType::CARDINAL,
        )
        .expect("plural rules for every language");
        for (id, message) in messages(language) {
            for select in walk(&message).selects {
                let categories: Vec<&String> =
                    select.keys.iter().filter(|k| PLURAL_CATEGORIES.contains(&k.as_str())).collect();
                // A select whose only category is its default says the same for every form
                // (`[1] the only seat *[other] all seats`): nothing to decline.
                if categories.is_empty() || (categories.len() == 1 && *categories[0] == select.default) {
                    continue;
                }
                for n in SAMPLE_NUMBERS {
                    let category = rules.select(n).expect("an integer has a plural form");
                    let key = format!("{category:?}").to_lowercase();
                    if !select.keys.contains(&key) && !select.keys.contains(&n.to_string()) {
                        problems.push(format!(
                            "{}: `{id}` ${} has no [{key}] form (needed for {n})",
                            language.code(),
                            select.variable
                        ));
                    }
                }
            }
        }
    }
    problems.dedup_by(|a, b| a.split(" (needed").next() == b.split(" (needed").next());
    report("plural forms missing", &problems);
}

/// A plain value for a variable shown as it is.
fn sample_text(variable: &str) -> FluentValue<'static> {
    match variable {
        "email" => "ada@example.com".into(),
        "path" => "/home/ada/tessera-request.txt".into(),
        "key" => "NAQR4-HVW5K-7MZ2P-QX9TB-C3D8F".into(),
        "date" => "2025-03-01".into(),
        "state" => "Valid".into(),
        "store" => "system keyring".into(),
        "changed" => "processor, network adapter".into(),
        "character" => "O".into(),
        "label" => "TESSERA LICENSE".into(),
        "kid" => "7f3a9c01".into(),
        "algorithm" => "rsa-sha1".into(),
        "code" => "FILE_DAMAGED".into(),
        "expected" | "found" => "Product".into(),
        _ => "sample".into(),
    }
}

/// Argument sets that visit every variant of every select: one base set, then one set per
/// choice of each word variable and per sample number of each plural variable.
fn argument_sets(walk: &Walk) -> Vec<FluentArgs<'static>> {
    let base: BTreeMap<&str, FluentValue<'static>> = walk
        .variables
        .iter()
        .map(|(name, usage)| {
            let value = if usage.is_plural() {
                FluentValue::from(3)
            } else if let Some(choice) = usage.choices().into_iter().next() {
                FluentValue::from(choice)
            } else {
                sample_text(name)
            };
            (name.as_str(), value)
        })
        .collect();
    let to_args = |values: &BTreeMap<&str, FluentValue<'static>>| {
        values.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect::<FluentArgs<'static>>()
    };
    let mut sets = vec![to_args(&base)];
    for (name, usage) in &walk.variables {
        let values: Vec<FluentValue<'static>> = if usage.is_plural() {
            SAMPLE_NUMBERS.iter().map(|n| FluentValue::from(*n)).collect()
        } else {
            usage.choices().into_iter().map(FluentValue::from).collect()
        };
        for value in values {
            let mut varied = base.clone();
            varied.insert(name.as_str(), value);
            sets.push(to_args(&varied));
        }
    }
    sets
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let english = messages(Language::En);
    let mut problems = Vec::new();
    for language in Language::ALL {
        let mut bundle = FluentBundle::new_concurrent(vec![language.code().parse().expect("language id")]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(catalogue_source(language).to_owned()).expect("parses");
        bundle.add_resource(resource).expect("no duplicate ids");
        for (id, reference) in &english {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
            // The English message decides the arguments: a translation must work with what callers pass.
            for args in argument_sets(&walk(reference)) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                if !errors.is_empty() {
                    problems.push(format!("{}: `{id}`: {errors:?}", language.code()));
                } else if text.trim().is_empty() || text.contains('{') || text.contains('}') {
                    problems.push(format!("{}: `{id}` formats as {text:?}", language.code()));
                }
            }
        }
    }
    problems.dedup();
    report("messages that do not format", &problems);
}

/// Every stable code the programs show a message for, with the tessera crate that defines it.
const ERROR_CODES: [(&str, &[&str]); 3] = [
    (
        "tessera-core",
        &[
            "CODE_EMPTY",
            "CODE_LENGTH",
            "CODE_CHARACTER",
            "CODE_CHECKSUM",
            "CODE_UNSUPPORTED",
            "FILE_NOT_ARMOURED",
            "FILE_WRONG_KIND",
            "FILE_DAMAGED",
            "FILE_UNSUPPORTED_VERSION",
            "FILE_UNSUPPORTED_ALGORITHM",
            "UNKNOWN_SIGNING_KEY",
            "BAD_SIGNATURE",
            "RESPONSE_MISMATCH",
            "PRODUCT_MISMATCH",
            "MACHINE_ID_UNAVAILABLE",
            "INVALID_SIGNING_KEY",
            "RANDOMNESS_UNAVAILABLE",
        ],
    ),
    (
        "tessera-portal",
        &[
            "BAD_REQUEST",
            "UNAUTHENTICATED",
            "SIGN_IN_FAILED",
            "MACHINE_SIGNATURE_INVALID",
            "KEY_NOT_FOUND",
            "NOT_FOUND",
            "NOT_ACTIVATED",
            "SUSPENDED",
            "REVOKED",
            "EXPIRED",
            "TOO_MANY_MACHINES",
            "REPLAYED",
            "STALE_REQUEST",
            "NOT_ENTITLED",
            "NOT_PAID",
            "AMOUNT_MISMATCH",
            "ALREADY_PAID",
            "PAYMENT_CONFLICT",
            "WRONG_ORDER_STATUS",
            "CHANGED_MEANWHILE",
            "INSUFFICIENT_LICENSES",
            "PAYMENT_DECLINED",
            "PROVIDER_UNAVAILABLE",
            "TOKEN_INVALID",
            "SCOPE_MISSING",
            "METHOD_NOT_ALLOWED",
            "PAYLOAD_TOO_LARGE",
            "HEADERS_TOO_LARGE",
            "RATE_LIMITED",
            "INTERNAL",
            "USER_SIGN_IN_FAILED",
            "NO_SEAT",
            "SEAT_NOT_STARTED",
            "USER_TOO_MANY_MACHINES",
            "NOT_COMPANY_ADMIN",
            "CLIENT_ALREADY_LINKED",
            "CLIENT_HAS_ADMIN",
            "USER_CODE_WRONG",
            "USER_CODE_EXPIRED",
        ],
    ),
    (
        "tessera-client",
        &[
            "NETWORK_UNREACHABLE",
            "PROXY_FAILED",
            "TLS_FAILED",
            "PORTAL_TIMEOUT",
            "PORTAL_NOT_GENUINE",
            "NOT_A_PORTAL",
            "ALREADY_ACTIVATED",
            "LICENSE_HELD",
            "UNEXPECTED_ANSWER",
            "STATE_CORRUPT",
            "STORAGE_FAILED",
            "CREDENTIAL_STORE_FAILED",
            "NOT_ACTIVATED",
            "NO_PENDING_REQUEST",
            "INVALID_SETTING",
            "NOT_SIGNED_IN",
        ],
    ),
];

const STATE_CODES: [&str; 11] = [
    "NOT_ACTIVATED",
    "VALID",
    "GRACE",
    "EXPIRED",
    "SUSPENDED",
    "REVOKED",
    "FINGERPRINT_MISMATCH",
    "CLOCK_TAMPERED",
    "TIME_UNCONFIRMED",
    "REGISTERED",
    "INVALID",
];

fn kebab(code: &str) -> String {
    code.to_ascii_lowercase().replace('_', "-")
}

#[test]
fn every_error_code_and_license_state_has_a_message() {
    let english = messages(Language::En);
    let mut problems = Vec::new();
    for (origin, codes) in ERROR_CODES {
        for code in codes {
            let id = format!("error-{}", kebab(code));
            if !english.contains_key(id.as_str()) {
                problems.push(format!("{origin} code {code}: no `{id}`"));
            }
        }
    }
    for code in STATE_CODES {
        let label = format!("state-{}", kebab(code));
        let has_message = english.keys().any(|id| id.starts_with(&label) && id.ends_with("-message"));
        if !english.contains_key(label.as_str()) || !has_message {
            problems.push(format!("state {code}: needs `{label}` and a `{label}…-message`"));
        }
    }
    for id in ["state-expired-term-ended-message", "state-expired-refresh-overdue-message"] {
        if !english.contains_key(id) {
            problems.push(format!("no `{id}`"));
        }
    }
    report("codes without a message", &problems);
}

/// What each language calls the app's Refresh button and Settings screen in a sentence.
const APP_WORDS: [(Language, &[&str]); 5] = [
    (Language::En, &["click Refresh", "Click Refresh", "in Settings", "Open Settings"]),
    (
        Language::Fr,
        &["cliquez sur Actualiser", "Cliquez sur Actualiser", "dans les Paramètres", "Ouvrez les Paramètres"],
    ),
    (Language::It, &["fai clic su Aggiorna", "Fai clic su Aggiorna", "nelle Impostazioni", "Apri le Impostazioni"]),
    (Language::Bg, &["„Обновяване“", "„Настройки“"]),
    (Language::Ru, &["«Обновить»", "в настройках", "«Настройки»"]),
];

#[test]
fn every_message_that_names_the_apps_buttons_has_the_command_lines_own_words() {
    let mut problems = Vec::new();
    for (language, words) in APP_WORDS {
        let source = catalogue_source(language);
        let ids: BTreeSet<&str> = messages(language).into_keys().collect();
        for line in source.lines() {
            let Some((id, text)) = line.split_once(" = ") else { continue };
            let names_the_app = words.iter().any(|word| text.contains(word));
            if id.starts_with("cli--") && names_the_app {
                problems.push(format!("{}: {id} names the app's buttons: {text}", language.code()));
            }
            // Messages the CLI prints (states and errors) need their own wording.
            let printed_by_the_cli = id.starts_with("state-") || id.starts_with("error-");
            if printed_by_the_cli && names_the_app && !ids.contains(format!("cli--{id}").as_str()) {
                problems.push(format!("{}: {id} names the app's buttons and has no cli--{id}", language.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

//! Arithmetic and percentages: one operation or formula (stage 1), several steps
//! such as a discount then tax, growth and conversions (stage 2), everyday money
//! problems such as splitting a bill or a loan payment (stage 4).

use super::super::problem::{Phrase, Problem, capitalize};
use super::super::rng::Rng;
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "arithmetic",
    about: "arithmetic and percentages: operations, powers and roots, discounts, interest, conversions, bills, loans",
    stages: &[1, 2, 4],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => match rng.below(4) {
            0 => percent_of(rng),
            1 => expression(rng),
            2 => power_or_root(rng),
            _ => tip(rng),
        },
        2 => match rng.below(4) {
            0 => discount_then_tax(rng),
            1 => compound_interest(rng),
            2 => percent_change(rng),
            _ => conversion(rng),
        },
        _ => match rng.below(2) {
            0 => split_bill(rng),
            _ => loan_payment(rng),
        },
    }
}

/// An amount of money with cents, as written in a program and in prose.
fn money(rng: &mut Rng, lo: i64, hi: i64) -> String {
    let cents = rng.range(lo * 100, hi * 100);
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

/// A CALC `name` with `params` whose body is `lines`, then `RESULT CALC name(args)`.
fn calc(name: &str, params: &[&str], lines: &[String], args: &[String]) -> String {
    let mut p = Program::default();
    p.line(format!("CALC {name}"));
    if !params.is_empty() {
        let vars: Vec<String> = params.iter().map(|v| format!("${v}")).collect();
        p.line(format!("INPUT {}", vars.join(" ")));
    }
    for l in lines {
        p.line(l);
    }
    p.line("END")
        .line(format!("RESULT CALC {name}({})", args.join(", ")));
    p.text()
}

fn percent_of(rng: &mut Rng) -> Problem {
    let (pct, value) = (rng.range(1, 99), rng.range(2, 20000));
    let program = if rng.chance(0.5) {
        format!("RESULT {value} * {pct} / 100")
    } else {
        calc(
            "percentage",
            &["value", "percent"],
            &["RESULT $value * $percent / 100".into()],
            &[value.to_string(), pct.to_string()],
        )
    };
    Problem {
        question: phrasing(
            rng,
            &[
                "What is {p}% of {v}?",
                "Calculate {p} percent of {v}.",
                "How much is {p}% of {v}?",
            ],
        )
        .replace("{p}", &pct.to_string())
        .replace("{v}", &value.to_string()),
        steps: vec![
            format!("{pct}% of a value is value × {pct} / 100."),
            "Division is exact: an uneven quotient keeps its decimals.".into(),
        ],
        program,
        intro: "I'll compute the percentage:".into(),
        phrases: vec![Phrase::value(format!("{pct}% of {value} is {{}}."))],
    }
}

fn expression(rng: &mut Rng) -> Problem {
    let (a, b, c) = (rng.range(2, 999), rng.range(2, 99), rng.range(1, 999));
    let (code, words) = match rng.below(4) {
        0 => (
            format!("{a} * {b} + {c}"),
            format!("{a} times {b}, plus {c}"),
        ),
        1 => (
            format!("({a} + {c}) * {b}"),
            format!("the sum of {a} and {c}, times {b}"),
        ),
        2 => (
            format!("{a} * {b} - {c}"),
            format!("{a} times {b}, minus {c}"),
        ),
        _ => (
            format!("({a} + {b} + {c}) / 3"),
            format!("the average of {a}, {b} and {c}"),
        ),
    };
    Problem {
        question: phrasing(rng, &["What is {w}?", "Compute {w}.", "Work out {w}."])
            .replace("{w}", &words),
        steps: vec![
            format!("Write it as the expression {code}."),
            "* and / bind tighter than + and -.".into(),
        ],
        program: format!("RESULT {code}"),
        intro: "One RESULT evaluates the expression:".into(),
        phrases: vec![Phrase::value(format!("{} is {{}}.", capitalize(&words)))],
    }
}

fn power_or_root(rng: &mut Rng) -> Problem {
    if rng.chance(0.5) {
        let (base, exp) = (rng.range(2, 60), rng.range(2, 9));
        Problem {
            question: phrasing(
                rng,
                &[
                    "What is {b} to the power of {e}?",
                    "Calculate {b} raised to {e}.",
                ],
            )
            .replace("{b}", &base.to_string())
            .replace("{e}", &exp.to_string()),
            steps: vec![format!("POW({base}, {exp}) is an Int power of Ints.")],
            program: calc(
                "power",
                &["base", "exponent"],
                &["RESULT POW($base, $exponent)".into()],
                &[base.to_string(), exp.to_string()],
            ),
            intro: "POW computes the power:".into(),
            phrases: vec![Phrase::value(format!(
                "{base} to the power of {exp} is {{}}."
            ))],
        }
    } else {
        let n = rng.range(2, 100000);
        let digits = rng.range(0, 3);
        Problem {
            question: format!(
                "What is the square root of {n}, rounded to {}?",
                match digits {
                    0 => "a whole number".to_string(),
                    1 => "one decimal place".to_string(),
                    d => format!("{d} decimal places"),
                }
            ),
            steps: vec![
                "SQRT gives the root as a Float.".into(),
                format!("ROUND(x, {digits}) rounds half away from zero."),
            ],
            program: format!("RESULT ROUND(SQRT({n}), {digits})"),
            intro: "SQRT and ROUND do it in one expression:".into(),
            phrases: vec![Phrase::value(format!(
                "The square root of {n} is about {{}}."
            ))],
        }
    }
}

fn tip(rng: &mut Rng) -> Problem {
    let bill = money(rng, 8, 400);
    let pct = [10, 12, 15, 18, 20, 22, 25][rng.below(7)];
    Problem {
        question: phrasing(
            rng,
            &[
                "What is a {p}% tip on a bill of {b}?",
                "How much should I tip at {p}% if the bill is {b}?",
            ],
        )
        .replace("{p}", &pct.to_string())
        .replace("{b}", &bill),
        steps: vec![
            format!("The tip is {bill} × {pct} / 100."),
            "Round to cents with ROUND(x, 2).".into(),
        ],
        program: format!("RESULT ROUND({bill} * {pct} / 100, 2)"),
        intro: "The tip is a percentage of the bill, rounded to cents:".into(),
        phrases: vec![Phrase::value("The tip is {}.")],
    }
}

fn discount_then_tax(rng: &mut Rng) -> Problem {
    let price = money(rng, 5, 2000);
    let (off, tax) = (rng.range(5, 60), rng.range(3, 25));
    let lines = vec![
        "LET $discounted = $price * (100 - $off) / 100".to_string(),
        "LET $total = $discounted * (100 + $tax) / 100".to_string(),
        "RESULT ROUND($total, 2)".to_string(),
    ];
    Problem {
        question: phrasing(rng, &["An item costs {p}. It is {d}% off, and then {t}% sales tax is added. What do I pay?", "What is the final price of a {p} item after a {d}% discount and {t}% tax?"])
            .replace("{p}", &price)
            .replace("{d}", &off.to_string())
            .replace("{t}", &tax.to_string()),
        steps: vec![
            format!("Take {off}% off: price × (100 − {off}) / 100."),
            format!("Add {tax}% tax to the discounted price."),
            "Round the total to cents.".into(),
        ],
        program: calc("final_price", &["price", "off", "tax"], &lines, &[price.clone(), off.to_string(), tax.to_string()]),
        intro: "The discount applies first, the tax to the discounted price:".into(),
        phrases: vec![Phrase::value("The final price is {}.")],
    }
}

fn compound_interest(rng: &mut Rng) -> Problem {
    let principal = rng.range(1, 500) * 100;
    let rate = rng.range(1, 12);
    let years = rng.range(1, 30);
    Problem {
        question: phrasing(rng, &["{p} is invested at {r}% interest compounded yearly. How much is it worth after {y} years?", "What does a deposit of {p} grow to in {y} years at {r}% a year, compounded annually?"])
            .replace("{p}", &principal.to_string())
            .replace("{r}", &rate.to_string())
            .replace("{y}", &years.to_string()),
        steps: vec![format!("The value is principal × (1 + {rate}/100)^{years}."), "Round to cents.".into()],
        program: calc(
            "grow",
            &["principal", "rate", "years"],
            &["RESULT ROUND($principal * POW(1 + $rate / 100, $years), 2)".into()],
            &[principal.to_string(), rate.to_string(), years.to_string()],
        ),
        intro: "Compound growth is one POW:".into(),
        phrases: vec![Phrase::value(format!("After {years} years it is worth {{}}."))],
    }
}

fn percent_change(rng: &mut Rng) -> Problem {
    let (from, to) = (rng.range(10, 5000), rng.range(10, 5000));
    Problem {
        question: phrasing(
            rng,
            &[
                "A price went from {a} to {b}. What is the percentage change?",
                "By what percent did sales change from {a} to {b}?",
            ],
        )
        .replace("{a}", &from.to_string())
        .replace("{b}", &to.to_string()),
        steps: vec![
            "The change is (new − old) / old × 100.".into(),
            "Round to one decimal; a negative result is a decrease.".into(),
        ],
        program: format!(
            "LET $old = {from}\nLET $new = {to}\nRESULT ROUND(($new - $old) / $old * 100, 1)"
        ),
        intro: "Global LETs name the two values:".into(),
        phrases: vec![Phrase::value("The change is {}%.")],
    }
}

/// Unit conversions: (from, to, CALC name, formula over `$x`).
const CONVERSIONS: &[(&str, &str, &str, &str)] = &[
    ("°C", "°F", "to_fahrenheit", "$x * 9 / 5 + 32"),
    ("°F", "°C", "to_celsius", "($x - 32) * 5 / 9"),
    ("km", "miles", "to_miles", "$x / 1.609344"),
    ("miles", "km", "to_km", "$x * 1.609344"),
    ("kg", "pounds", "to_pounds", "$x * 2.20462262"),
    ("pounds", "kg", "to_kg", "$x / 2.20462262"),
    ("liters", "US gallons", "to_gallons", "$x / 3.785411784"),
    ("inches", "cm", "to_cm", "$x * 2.54"),
];

fn conversion(rng: &mut Rng) -> Problem {
    let (from, to, name, formula) = CONVERSIONS[rng.below(CONVERSIONS.len())];
    let tenths = rng.range(if from.starts_with('°') { -400 } else { 1 }, 20000);
    let x = if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    };
    let x = if (-9..0).contains(&tenths) {
        format!("-{x}")
    } else {
        x
    };
    Problem {
        question: phrasing(
            rng,
            &[
                "What is {x} {from} in {to}, to two decimals?",
                "Convert {x} {from} to {to} (two decimals).",
            ],
        )
        .replace("{x}", &x)
        .replace("{from}", from)
        .replace("{to}", to),
        steps: vec![
            format!("{to} = {}.", formula.replace("$x", from)),
            "Round to two decimals.".into(),
        ],
        program: calc(
            name,
            &["x"],
            &[format!("RESULT ROUND({formula}, 2)")],
            std::slice::from_ref(&x),
        ),
        intro: "The conversion formula in a CALC:".into(),
        phrases: vec![Phrase::value(format!("{x} {from} is {{}} {to}."))],
    }
}

fn split_bill(rng: &mut Rng) -> Problem {
    let bill = money(rng, 20, 900);
    let tip = rng.range(0, 25);
    let people = rng.range(2, 12);
    let lines = vec![
        "LET $with_tip = $bill * (100 + $tip) / 100".to_string(),
        "RESULT ROUND($with_tip / $people, 2)".to_string(),
    ];
    Problem {
        question: phrasing(rng, &["{n} friends share a dinner bill of {b} and add a {t}% tip. How much does each pay?", "A bill of {b} plus {t}% tip is split evenly {n} ways. What is each share?"])
            .replace("{n}", &people.to_string())
            .replace("{b}", &bill)
            .replace("{t}", &tip.to_string()),
        steps: vec![format!("Add the {tip}% tip to the bill."), format!("Divide by {people} and round to cents.")],
        program: calc("share", &["bill", "tip", "people"], &lines, &[bill.clone(), tip.to_string(), people.to_string()]),
        intro: "A CALC adds the tip and splits the total:".into(),
        phrases: vec![Phrase::value("Each person pays {}.")],
    }
}

fn loan_payment(rng: &mut Rng) -> Problem {
    let principal = rng.range(10, 500) * 1000;
    let rate = rng.range(2, 12);
    let years = rng.range(1, 30);
    let lines = vec![
        "LET $r = $rate / 100 / 12".to_string(),
        "LET $n = $years * 12".to_string(),
        "RESULT ROUND($principal * $r / (1 - POW(1 + $r, -$n)), 2)".to_string(),
    ];
    Problem {
        question: phrasing(rng, &["What is the monthly payment on a {p} loan at {r}% a year over {y} years?", "A {y}-year loan of {p} has {r}% yearly interest. How much is each monthly installment?"])
            .replace("{p}", &principal.to_string())
            .replace("{r}", &rate.to_string())
            .replace("{y}", &years.to_string()),
        steps: vec![
            "The monthly rate is r = rate / 100 / 12 and there are n = years × 12 payments.".into(),
            "An annuity pays principal × r / (1 − (1 + r)^−n) per month.".into(),
            "Round to cents.".into(),
        ],
        program: calc("monthly_payment", &["principal", "rate", "years"], &lines, &[principal.to_string(), rate.to_string(), years.to_string()]),
        intro: "The annuity formula in a CALC:".into(),
        phrases: vec![Phrase::value("The monthly payment is {}.")],
    }
}

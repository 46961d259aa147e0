//! Hybrid logic + CALC: relations read by CALC loops — department averages, stock
//! values, student averages (stage 3); multi-domain problems where rules call CALCs
//! and CALCs read derived relations — orders and bills, payroll with overtime, course
//! loads (stage 4).

use super::super::problem::{Phrase, Problem, name, prose};
use super::super::rng::Rng;
use super::super::words::{COURSES, DEPARTMENTS, ITEMS, PEOPLE, SUBJECTS};
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "hybrid",
    about: "logic + CALC: averages over relations, stock values, orders and bills, payroll, course loads",
    stages: &[3, 4],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        3 => match rng.below(3) {
            0 => department_average(rng),
            1 => stock_value(rng),
            _ => student_average(rng),
        },
        _ => match rng.below(3) {
            0 => order_bill(rng),
            1 => payroll(rng),
            _ => course_load(rng),
        },
    }
}

/// A price in dollars with cents, in `lo..=hi` cents, as a program literal.
fn dollars(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

fn department_average(rng: &mut Rng) -> Problem {
    let depts = rng.sample(DEPARTMENTS, 2);
    let staff = rng.sample_between(PEOPLE, 3..=8);
    let dept = depts[0];
    let mut p = Program::default();
    p.rels(&["works_in", "salary"]);
    let works: Vec<Vec<&str>> = staff
        .iter()
        .map(|s| vec![*s, depts[rng.below(2)]])
        .collect();
    p.facts("works_in", &works);
    let pay: Vec<Vec<String>> = staff
        .iter()
        .map(|s| vec![s.to_string(), (rng.range(300, 1500) * 100).to_string()])
        .collect();
    p.facts("salary", &pay)
        .line("CALC average_salary")
        .line("INPUT $dept")
        .line("LET $total = 0")
        .line("LET $count = 0")
        .line("FOR e IN (QUERY works_in ? $dept)")
        .line("  FOR s IN (QUERY salary e.a ?)")
        .line("    LET $total = $total + s.b")
        .line("    LET $count = $count + 1")
        .line("  END")
        .line("END")
        .line("IF $count == 0 THEN")
        .line("  RESULT 0")
        .line("END")
        .line("RESULT ROUND($total / $count, 2)")
        .line("END")
        .line(format!("RESULT CALC average_salary(\"{dept}\")"));
    let d = prose(dept);
    Problem {
        question: phrasing(
            rng,
            &[
                "What is the average salary in {d}?",
                "How much does someone in the {d} department earn on average?",
            ],
        )
        .replace("{d}", &d),
        steps: vec![
            "Store who works where and each salary.".into(),
            format!("Loop over the employees of {dept}, joining each with their salary."),
            "Divide the total by the count (0 when the department is empty).".into(),
        ],
        program: p.text(),
        intro: "A CALC joins the two relations in nested loops:".into(),
        phrases: vec![Phrase::value(format!("The average salary in {d} is {{}}."))],
    }
}

fn stock_value(rng: &mut Rng) -> Problem {
    let items = rng.sample_between(&ITEMS.iter().map(|i| i.0).collect::<Vec<_>>(), 3..=7);
    let mut p = Program::default();
    p.rels(&["stock", "price", "value"]);
    let stock: Vec<Vec<String>> = items
        .iter()
        .map(|i| vec![i.to_string(), rng.range(0, 200).to_string()])
        .collect();
    p.facts("stock", &stock);
    let prices: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            let (_, lo, hi) = ITEMS
                .iter()
                .find(|(n, _, _)| n == i)
                .copied()
                .unwrap_or((i, 100, 1000));
            vec![i.to_string(), dollars(rng.range(lo, hi))]
        })
        .collect();
    p.facts("price", &prices)
        .line("RULE value: SCAN stock, JOIN price $0, EMIT value $0 ($1 * $2)")
        .line("SOLVE")
        .line("CALC total_value")
        .line("LET $sum = 0")
        .line("FOR v IN (QUERY value ? ?)")
        .line("  LET $sum = $sum + v.b")
        .line("END")
        .line("RESULT ROUND($sum, 2)")
        .line("END")
        .line("QUERY value ? ?")
        .line("RESULT CALC total_value()");
    Problem {
        question: phrasing(rng, &["Given the stock counts and unit prices, what is each item's stock worth, and what is the whole stock worth?", "What is the value of the inventory, item by item and in total?"]).to_string(),
        steps: vec![
            "Store the count and the unit price of each item.".into(),
            "A rule multiplies them per item: SCAN stock, JOIN price $0.".into(),
            "Query the per-item values, and sum them in a CALC.".into(),
        ],
        program: p.text(),
        intro: "A rule computes each item's value, a CALC the total:".into(),
        phrases: vec![
            Phrase::list("Per item: {}.", "There is no stock.", false),
            Phrase::value("The whole stock is worth {}."),
        ],
    }
}

fn student_average(rng: &mut Rng) -> Problem {
    let students = rng.sample_between(PEOPLE, 2..=4);
    let subjects = rng.sample_between(SUBJECTS, 2..=5);
    let who = students[0];
    let mut p = Program::default();
    p.rels(&["score"]);
    let mut scores = Vec::new();
    for s in &students {
        for sub in &subjects {
            scores.push(vec![
                s.to_string(),
                sub.to_string(),
                rng.range(40, 100).to_string(),
            ]);
        }
    }
    p.facts("score", &scores)
        .line("CALC average")
        .line("INPUT $student")
        .line("LET $sum = 0")
        .line("LET $n = 0")
        .line("FOR s IN (QUERY score $student ? ?)")
        .line("  LET $sum = $sum + s.c")
        .line("  LET $n = $n + 1")
        .line("END")
        .line("RESULT ROUND($sum / $n, 1)")
        .line("END")
        .line(format!("RESULT CALC average(\"{who}\")"));
    let n = name(who);
    Problem {
        question: phrasing(
            rng,
            &[
                "What is {n}'s average score across subjects?",
                "Averaged over all subjects, how did {n} score?",
            ],
        )
        .replace("{n}", &n),
        steps: vec![
            "Store scores as `score student subject points`.".into(),
            format!("Loop over {n}'s scores: column c is the points."),
            "Divide the sum by the count, rounded to one decimal.".into(),
        ],
        program: p.text(),
        intro: "A CALC averages one student's rows:".into(),
        phrases: vec![Phrase::value(format!("{n}'s average is {{}}."))],
    }
}

fn order_bill(rng: &mut Rng) -> Problem {
    let customers = rng.sample(PEOPLE, 2);
    let items: Vec<(&str, i64, i64)> = {
        let mut all = ITEMS.to_vec();
        rng.shuffle(&mut all);
        let keep = rng.range(3, 6) as usize;
        all.truncate(keep);
        all
    };
    let who = customers[0];
    let threshold = rng.range(5, 40) * 10;
    let off = rng.range(5, 20);
    let mut p = Program::default();
    p.rels(&["ordered", "price", "line"]);
    let mut orders = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let c = if i == 0 { who } else { customers[rng.below(2)] };
        orders.push(vec![
            c.to_string(),
            it.0.to_string(),
            rng.range(1, 6).to_string(),
        ]);
    }
    p.facts("ordered", &orders);
    let prices: Vec<Vec<String>> = items
        .iter()
        .map(|(n, lo, hi)| vec![n.to_string(), dollars(rng.range(*lo, *hi))])
        .collect();
    p.facts("price", &prices)
        .line("RULE line: SCAN ordered, JOIN price $1, EMIT line $0 $1 ($2 * $3)")
        .line("SOLVE")
        .line("CALC bill")
        .line("INPUT $customer")
        .line("LET $total = 0")
        .line("FOR l IN (QUERY line $customer ? ?)")
        .line("  LET $total = $total + l.c")
        .line("END")
        .line(format!("IF $total > {threshold} THEN"))
        .line(format!("  LET $total = $total * (100 - {off}) / 100"))
        .line("END")
        .line("RESULT ROUND($total, 2)")
        .line("END")
        .line(format!("QUERY line {who} ? ?"))
        .line(format!("RESULT CALC bill(\"{who}\")"));
    let n = name(who);
    Problem {
        question: format!(
            "Orders over {threshold} get {off}% off. What did {n} order (with line totals), and what is {n}'s bill?"
        ),
        steps: vec![
            "Store orders (customer, item, quantity) and unit prices.".into(),
            "A rule computes each order line: quantity × price.".into(),
            format!(
                "Query {n}'s lines; a CALC adds them and applies the discount above {threshold}."
            ),
        ],
        program: p.text(),
        intro: "Rules price the lines; a CALC totals and discounts:".into(),
        phrases: vec![
            Phrase::list(
                format!("{n}'s order lines: {{}}."),
                format!("{n} ordered nothing."),
                false,
            ),
            Phrase::value(format!("{n}'s bill comes to {{}}.")),
        ],
    }
}

fn payroll(rng: &mut Rng) -> Problem {
    let staff = rng.sample_between(PEOPLE, 3..=6);
    let mut p = Program::default();
    p.rels(&["hours", "rate", "pay"]);
    let hours: Vec<Vec<String>> = staff
        .iter()
        .map(|s| vec![s.to_string(), rng.range(10, 60).to_string()])
        .collect();
    let rates: Vec<Vec<String>> = staff
        .iter()
        .map(|s| vec![s.to_string(), rng.range(15, 60).to_string()])
        .collect();
    p.facts("hours", &hours)
        .facts("rate", &rates)
        .line("CALC wage")
        .line("INPUT $hours $rate")
        .line("IF $hours <= 40 THEN")
        .line("  RESULT $hours * $rate")
        .line("END")
        .line("RESULT 40 * $rate + ($hours - 40) * $rate * 1.5")
        .line("END")
        .line("RULE pay: SCAN hours, JOIN rate $0, EMIT pay $0 CALC wage($1, $2)")
        .line("SOLVE")
        .line("CALC payroll")
        .line("LET $total = 0")
        .line("FOR p IN (QUERY pay ? ?)")
        .line("  LET $total = $total + p.b")
        .line("END")
        .line("RESULT $total")
        .line("END")
        .line("QUERY pay ? ?")
        .line("RESULT CALC payroll()");
    Problem {
        question: phrasing(rng, &["Hours past 40 a week are paid at 1.5 times the rate. What does each person earn this week, and what is the payroll?", "With time-and-a-half after 40 hours, what is everyone's weekly pay and the total?"]).to_string(),
        steps: vec![
            "Store hours worked and hourly rates.".into(),
            "A CALC wage applies overtime above 40 hours.".into(),
            "A rule calls it for each person; another CALC sums the pay.".into(),
        ],
        program: p.text(),
        intro: "A rule calls a CALC per employee:".into(),
        phrases: vec![
            Phrase::list("Weekly pay: {}.", "Nobody worked.", true),
            Phrase::value("The total payroll is {}."),
        ],
    }
}

fn course_load(rng: &mut Rng) -> Problem {
    let students = rng.sample_between(PEOPLE, 2..=5);
    let courses = rng.sample_between(COURSES, 3..=6);
    let limit = rng.range(8, 16);
    let mut p = Program::default();
    p.rels(&["student", "enrolled", "credits", "load", "overloaded"]);
    let st: Vec<Vec<&str>> = students.iter().map(|s| vec![*s]).collect();
    p.facts("student", &st);
    let mut enrolled = Vec::new();
    for s in &students {
        for c in &courses {
            if rng.chance(0.6) {
                enrolled.push(vec![*s, *c]);
            }
        }
    }
    p.facts("enrolled", &enrolled);
    let credits: Vec<Vec<String>> = courses
        .iter()
        .map(|c| vec![c.to_string(), rng.range(2, 6).to_string()])
        .collect();
    p.facts("credits", &credits)
        .line("CALC credits_of")
        .line("INPUT $student")
        .line("LET $sum = 0")
        .line("FOR e IN (QUERY enrolled $student ?)")
        .line("  FOR c IN (QUERY credits e.b ?)")
        .line("    LET $sum = $sum + c.b")
        .line("  END")
        .line("END")
        .line("RESULT $sum")
        .line("END")
        .line("RULE load: SCAN student, EMIT load $0 CALC credits_of($0)")
        .line(format!(
            "RULE overloaded: SCAN load, WHERE $1 > {limit}, EMIT overloaded $0"
        ))
        .line("SOLVE")
        .line("QUERY load ? ?")
        .line("QUERY overloaded ?");
    Problem {
        question: format!(
            "Each student may take at most {limit} credits. How many credits does each student take, and who is over the limit?"
        ),
        steps: vec![
            "Store students, enrollments and course credits.".into(),
            "A CALC sums a student's credits by reading enrolled and credits.".into(),
            "A rule calls it per student (load); another keeps loads above the limit.".into(),
        ],
        program: p.text(),
        intro: "Rules call a CALC that reads the enrollments:".into(),
        phrases: vec![
            Phrase::list("Credits per student: {}.", "There are no students.", true),
            Phrase::list(
                format!("Over the {limit}-credit limit: {{}}."),
                format!("Nobody is over the {limit}-credit limit."),
                true,
            ),
        ],
    }
}

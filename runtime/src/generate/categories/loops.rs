//! Loops and recursion: sums and counts over ranges (stage 1), factorials, Fibonacci,
//! Euclid's algorithm, digit sums, Collatz and primes with FOR, WHILE and BREAK
//! (stage 2), the same done by recursive CALCs (stage 3).

use super::super::problem::{Phrase, Problem};
use super::super::rng::Rng;
use super::{Category, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "loops",
    about: "loops and recursion: range sums, multiples, factorials, Fibonacci, GCD, digit sums, Collatz, primes",
    stages: &[1, 2, 3],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => match rng.below(3) {
            0 => range_sum(rng),
            1 => multiples(rng),
            _ => sum_of_squares(rng),
        },
        2 => match rng.below(10) {
            0 => factorial_loop(rng),
            1 => fibonacci_loop(rng),
            2 | 3 => gcd_loop(rng),
            4 | 5 => digit_sum(rng),
            6 | 7 => collatz(rng),
            _ => primes(rng),
        },
        // Factorials and Fibonacci numbers have few inputs that fit an Int: drawn less.
        _ => match rng.below(10) {
            0 => factorial_recursive(rng),
            1 => fibonacci_recursive(rng),
            2 | 3 => gcd_recursive(rng),
            4 | 5 => power_recursive(rng),
            6 | 7 => digit_sum_recursive(rng),
            _ => triangular_recursive(rng),
        },
    }
}

/// A problem whose program is `body` (a CALC) then `RESULT CALC call`.
fn calc_problem(
    question: String,
    steps: &[&str],
    body: &str,
    call: String,
    intro: &str,
    phrase: String,
) -> Problem {
    Problem {
        question,
        steps: steps.iter().map(|s| s.to_string()).collect(),
        program: format!("{body}\nRESULT CALC {call}"),
        intro: intro.to_string(),
        phrases: vec![Phrase::value(phrase)],
    }
}

fn range_sum(rng: &mut Rng) -> Problem {
    let a = rng.range(-50, 500);
    let b = a + rng.range(1, 2000);
    let body = "CALC sum_range\nINPUT $from $to\nLET $total = 0\nFOR $i IN RANGE($from, $to + 1)\n  LET $total = $total + $i\nEND\nRESULT $total\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "What is the sum of the whole numbers from {a} to {b}?",
                "Add up every integer from {a} through {b}.",
            ],
        )
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string()),
        &[
            "RANGE(a, b) excludes b, so loop to $to + 1.",
            "Add each number to a running total.",
        ],
        body,
        format!("sum_range({a}, {b})"),
        "A FOR loop adds the range:",
        format!("The sum from {a} to {b} is {{}}."),
    )
}

fn multiples(rng: &mut Rng) -> Problem {
    let k = rng.range(2, 30);
    let a = rng.range(1, 1000);
    let b = a + rng.range(10, 2000);
    let body = "CALC count_multiples\nINPUT $k $from $to\nLET $n = 0\nFOR $i IN RANGE($from, $to + 1)\n  IF $i % $k == 0 THEN\n    LET $n = $n + 1\n  END\nEND\nRESULT $n\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "How many multiples of {k} are there from {a} to {b}?",
                "Count the numbers between {a} and {b} (inclusive) divisible by {k}.",
            ],
        )
        .replace("{k}", &k.to_string())
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string()),
        &["Loop over the range.", "$i % $k == 0 means $k divides $i."],
        body,
        format!("count_multiples({k}, {a}, {b})"),
        "A loop with MOD counts them:",
        format!("There are {{}} multiples of {k} from {a} to {b}."),
    )
}

fn sum_of_squares(rng: &mut Rng) -> Problem {
    let a = rng.range(1, 500);
    let b = a + rng.range(1, 800);
    let body = "CALC squares\nINPUT $from $to\nLET $total = 0\nFOR $i IN RANGE($from, $to + 1)\n  LET $total = $total + $i * $i\nEND\nRESULT $total\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "What is {a}² + … + {b}²?",
                "What is the sum of the squares of the integers from {a} to {b}?",
            ],
        )
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string()),
        &["Loop i from a to b.", "Add i * i to the total."],
        body,
        format!("squares({a}, {b})"),
        "A loop adds the squares:",
        format!("The sum of the squares from {a} to {b} is {{}}."),
    )
}

/// One of several names for the same CALC.
fn named<'a>(rng: &mut Rng, names: &[&'a str]) -> &'a str {
    phrasing(rng, names)
}

fn factorial_loop(rng: &mut Rng) -> Problem {
    let n = rng.range(0, 20);
    let f = named(rng, &["factorial", "fact", "product_to"]);
    let body = format!(
        "CALC {f}\nINPUT $n\nLET $result = 1\nFOR $i IN RANGE(2, $n + 1)\n  LET $result = $result * $i\nEND\nRESULT $result\nEND"
    );
    calc_problem(
        phrasing(
            rng,
            &[
                "What is {n} factorial?",
                "Compute {n}!.",
                "What is the product of 1 to {n}?",
            ],
        )
        .replace("{n}", &n.to_string()),
        &["Start from 1.", "Multiply by every i from 2 to n."],
        &body,
        format!("{f}({n})"),
        "A FOR loop multiplies:",
        format!("{n}! is {{}}."),
    )
}

fn fibonacci_loop(rng: &mut Rng) -> Problem {
    let n = rng.range(1, 90);
    let f = named(rng, &["fibonacci", "fib", "nth_fibonacci"]);
    let body = format!(
        "CALC {f}\nINPUT $n\nLET $a = 0\nLET $b = 1\nFOR $i IN RANGE(0, $n)\n  LET $next = $a + $b\n  LET $a = $b\n  LET $b = $next\nEND\nRESULT $a\nEND"
    );
    calc_problem(
        phrasing(
            rng,
            &[
                "What is the {n}th Fibonacci number (F0 = 0, F1 = 1)?",
                "Compute Fibonacci number {n}, counting F0 = 0 and F1 = 1.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &[
            "Keep the last two numbers in $a and $b.",
            "Step n times: (a, b) becomes (b, a + b).",
        ],
        &body,
        format!("{f}({n})"),
        "An iterative loop keeps two numbers:",
        format!("F{n} is {{}}."),
    )
}

fn gcd_loop(rng: &mut Rng) -> Problem {
    let g = rng.range(1, 60);
    let (a, b) = (g * rng.range(1, 900), g * rng.range(1, 900));
    let body = "CALC gcd\nINPUT $a $b\nFOR WHILE $b != 0\n  LET $r = $a % $b\n  LET $a = $b\n  LET $b = $r\nEND\nRESULT $a\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "What is the greatest common divisor of {a} and {b}?",
                "Find gcd({a}, {b}).",
            ],
        )
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string()),
        &[
            "Euclid: replace (a, b) by (b, a mod b) while b is not 0.",
            "The last non-zero a is the GCD.",
        ],
        body,
        format!("gcd({a}, {b})"),
        "Euclid's algorithm with FOR WHILE:",
        format!("The GCD of {a} and {b} is {{}}."),
    )
}

fn digit_sum(rng: &mut Rng) -> Problem {
    let n = rng.range(10, 999_999_999);
    let body = "CALC digit_sum\nINPUT $n\nLET $sum = 0\nFOR WHILE $n > 0\n  LET $sum = $sum + $n % 10\n  LET $n = FLOOR($n / 10)\nEND\nRESULT $sum\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "What is the sum of the digits of {n}?",
                "Add up the digits of {n}.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &[
            "$n % 10 is the last digit.",
            "FLOOR($n / 10) drops it; repeat while $n > 0.",
        ],
        body,
        format!("digit_sum({n})"),
        "Peel off the last digit until none is left:",
        format!("The digits of {n} add up to {{}}."),
    )
}

fn collatz(rng: &mut Rng) -> Problem {
    let n = rng.range(2, 200_000);
    let body = "CALC collatz_steps\nINPUT $n\nLET $steps = 0\nFOR WHILE $n != 1\n  IF $n % 2 == 0 THEN\n    LET $n = $n / 2\n  ELSE\n    LET $n = 3 * $n + 1\n  END\n  LET $steps = $steps + 1\nEND\nRESULT $steps\nEND";
    calc_problem(
        phrasing(rng, &["How many Collatz steps does it take {n} to reach 1?", "Starting from {n}, halve even numbers and map odd n to 3n + 1. How many steps until 1?"]).replace("{n}", &n.to_string()),
        &["While n is not 1: halve it if even, else 3n + 1.", "Count the steps."],
        body,
        format!("collatz_steps({n})"),
        "A WHILE loop follows the sequence:",
        format!("{n} reaches 1 after {{}} steps."),
    )
}

fn primes(rng: &mut Rng) -> Problem {
    let n = rng.range(2, 1000);
    let body = "CALC count_primes\nINPUT $limit\nLET $count = 0\nFOR $n IN RANGE(2, $limit + 1)\n  LET $prime = 1\n  FOR $d IN RANGE(2, $n)\n    IF $d * $d > $n THEN\n      BREAK\n    END\n    IF $n % $d == 0 THEN\n      LET $prime = 0\n      BREAK\n    END\n  END\n  LET $count = $count + $prime\nEND\nRESULT $count\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "How many prime numbers are there up to {n}?",
                "Count the primes less than or equal to {n}.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &[
            "For each n, try divisors d while d * d ≤ n.",
            "BREAK at the first divisor; count n when none divides it.",
        ],
        body,
        format!("count_primes({n})"),
        "Trial division with BREAK:",
        format!("There are {{}} primes up to {n}."),
    )
}

fn factorial_recursive(rng: &mut Rng) -> Problem {
    let n = rng.range(0, 20);
    let f = named(rng, &["factorial", "fact", "fac"]);
    let body = format!(
        "CALC {f}\nINPUT $n\nIF $n <= 1 THEN\n  RESULT 1\nEND\nRESULT $n * CALC {f}($n - 1)\nEND"
    );
    calc_problem(
        phrasing(
            rng,
            &[
                "Using recursion, what is {n}!?",
                "Compute {n} factorial with a recursive function.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &["Base case: 0! = 1! = 1.", "Otherwise n! = n × (n − 1)!."],
        &body,
        format!("{f}({n})"),
        "A recursive CALC:",
        format!("{n}! is {{}}."),
    )
}

fn fibonacci_recursive(rng: &mut Rng) -> Problem {
    let n = rng.range(0, 18);
    let f = named(rng, &["fib", "fibonacci", "fibo"]);
    let body = format!(
        "CALC {f}\nINPUT $n\nIF $n < 2 THEN\n  RESULT $n\nEND\nRESULT CALC {f}($n - 1) + CALC {f}($n - 2)\nEND"
    );
    calc_problem(
        phrasing(
            rng,
            &[
                "With a recursive function, what is Fibonacci number {n} (F0 = 0, F1 = 1)?",
                "Recursively compute F{n} where F0 = 0 and F1 = 1.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &["Base cases: F0 = 0, F1 = 1.", "F(n) = F(n − 1) + F(n − 2)."],
        &body,
        format!("{f}({n})"),
        "The definition as a recursive CALC:",
        format!("F{n} is {{}}."),
    )
}

fn gcd_recursive(rng: &mut Rng) -> Problem {
    let g = rng.range(1, 60);
    let (a, b) = (g * rng.range(1, 900), g * rng.range(1, 900));
    let body = "CALC gcd\nINPUT $a $b\nIF $b == 0 THEN\n  RESULT $a\nEND\nRESULT CALC gcd($b, $a % $b)\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "Recursively, what is the GCD of {a} and {b}?",
                "Use recursion to find gcd({a}, {b}).",
            ],
        )
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string()),
        &["gcd(a, 0) = a.", "gcd(a, b) = gcd(b, a mod b)."],
        body,
        format!("gcd({a}, {b})"),
        "Euclid's algorithm as a recursive CALC:",
        format!("The GCD of {a} and {b} is {{}}."),
    )
}

fn power_recursive(rng: &mut Rng) -> Problem {
    let (base, exp) = (rng.range(2, 40), rng.range(0, 11));
    let body = "CALC power\nINPUT $base $exp\nIF $exp == 0 THEN\n  RESULT 1\nEND\nRESULT $base * CALC power($base, $exp - 1)\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "Using recursion, what is {b} to the power {e}?",
                "Compute {b}^{e} with a recursive CALC.",
            ],
        )
        .replace("{b}", &base.to_string())
        .replace("{e}", &exp.to_string()),
        &["b^0 = 1.", "b^e = b × b^(e − 1)."],
        body,
        format!("power({base}, {exp})"),
        "Repeated multiplication by recursion:",
        format!("{base}^{exp} is {{}}."),
    )
}

fn digit_sum_recursive(rng: &mut Rng) -> Problem {
    let n = rng.range(10, 999_999_999);
    let body = "CALC digits\nINPUT $n\nIF $n < 10 THEN\n  RESULT $n\nEND\nRESULT $n % 10 + CALC digits(FLOOR($n / 10))\nEND";
    calc_problem(
        phrasing(
            rng,
            &[
                "Recursively, what is the digit sum of {n}?",
                "With a recursive CALC, add up the digits of {n}.",
            ],
        )
        .replace("{n}", &n.to_string()),
        &[
            "A single digit is its own sum.",
            "Otherwise: the last digit plus the digit sum of the rest, FLOOR(n / 10).",
        ],
        body,
        format!("digits({n})"),
        "The last digit plus the rest, recursively:",
        format!("The digits of {n} add up to {{}}."),
    )
}

fn triangular_recursive(rng: &mut Rng) -> Problem {
    let n = rng.range(1, 900);
    let step = rng.range(1, 9);
    let body = "CALC stack\nINPUT $n $step\nIF $n <= 0 THEN\n  RESULT 0\nEND\nRESULT $n + CALC stack($n - $step, $step)\nEND";
    calc_problem(
        phrasing(rng, &["Recursively add {n}, {n} − {s}, {n} − 2×{s}, … while the numbers stay positive. What is the total?", "A stack of cans has {n} in the bottom row and {s} fewer in each row above, until no cans are left. How many cans are there? Use recursion."])
            .replace("{n}", &n.to_string())
            .replace("{s}", &step.to_string()),
        &["Nothing is left once the row would be 0 or less.", "Otherwise: this row plus the stack above it, with step fewer."],
        body,
        format!("stack({n}, {step})"),
        "Each call adds one row:",
        "The total is {}.".to_string(),
    )
}

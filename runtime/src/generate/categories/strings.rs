//! String processing: lengths, letters and comparisons (stage 1), loops over the
//! characters — vowels, reversal, palindromes (stage 2), word lists stored as facts
//! and filtered by rules or CALC (stage 3).

use super::super::problem::{Phrase, Problem, name};
use super::super::rng::Rng;
use super::super::words::{PEOPLE, WORDS};
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "strings",
    about: "string processing: lengths, letters, counting, vowels, reversal, palindromes, word lists",
    stages: &[1, 2, 3],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => match rng.below(4) {
            0 => length(rng),
            1 => count_letter(rng),
            2 => end_letter(rng),
            _ => longer(rng),
        },
        2 => match rng.below(3) {
            0 => vowels(rng),
            1 => reverse(rng),
            _ => palindrome(rng),
        },
        _ => match rng.below(2) {
            0 => long_words(rng),
            _ => names_starting(rng),
        },
    }
}

/// A word, or two words with a space.
fn text(rng: &mut Rng) -> String {
    if rng.chance(0.1) {
        rng.pick(WORDS).to_string()
    } else {
        format!("{} {}", rng.pick(WORDS), rng.pick(WORDS))
    }
}

fn length(rng: &mut Rng) -> Problem {
    let t = text(rng);
    Problem {
        question: phrasing(
            rng,
            &[
                "How many characters are in '{t}'?",
                "What is the length of the text '{t}'?",
                "Count the characters of '{t}', spaces included.",
            ],
        )
        .replace("{t}", &t),
        steps: vec!["LENGTH counts the characters of a string, spaces included.".into()],
        program: format!("RESULT LENGTH(\"{t}\")"),
        intro: "LENGTH gives it directly:".into(),
        phrases: vec![Phrase::value(format!("'{t}' has {{}} characters."))],
    }
}

const COUNT_CHAR: &str = "CALC count_char
INPUT $text $letter
LET $count = 0
FOR $i IN RANGE(0, LENGTH($text))
  IF CHAR_AT($text, $i) == $letter THEN
    LET $count = $count + 1
  END
END
RESULT $count
END";

fn count_letter(rng: &mut Rng) -> Problem {
    let t = text(rng);
    let chars: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let c = if rng.chance(0.8) {
        chars[rng.below(chars.len())]
    } else {
        (b'a' + rng.below(26) as u8) as char
    };
    Problem {
        question: phrasing(
            rng,
            &[
                "How many times does the letter '{c}' appear in '{t}'?",
                "Count the '{c}' characters in '{t}'.",
                "How many '{c}'s are there in '{t}'?",
            ],
        )
        .replace("{c}", &c.to_string())
        .replace("{t}", &t),
        steps: vec![
            "Loop over every index of the text with FOR $i IN RANGE(0, LENGTH($text)).".into(),
            "CHAR_AT($text, $i) is the character there; count the ones equal to the letter.".into(),
        ],
        program: format!("{COUNT_CHAR}\nRESULT CALC count_char(\"{t}\", \"{c}\")"),
        intro: "A CALC loops over the characters and counts:".into(),
        phrases: vec![Phrase::value(format!("'{c}' appears {{}} times in '{t}'."))],
    }
}

fn end_letter(rng: &mut Rng) -> Problem {
    let t = text(rng);
    let last = rng.chance(0.5);
    let (program, which) = if last {
        (
            format!("LET $t = \"{t}\"\nRESULT CHAR_AT($t, LENGTH($t) - 1)"),
            "last",
        )
    } else {
        (format!("RESULT CHAR_AT(\"{t}\", 0)"), "first")
    };
    Problem {
        question: phrasing(
            rng,
            &[
                "What is the {w} character of '{t}'?",
                "Which character comes {w} in '{t}'?",
            ],
        )
        .replace("{w}", which)
        .replace("{t}", &t),
        steps: vec![
            if last {
                "The last index is LENGTH − 1; CHAR_AT reads it."
            } else {
                "Indexes start at 0; CHAR_AT(text, 0) is the first character."
            }
            .to_string(),
        ],
        program,
        intro: "CHAR_AT reads one character:".into(),
        phrases: vec![Phrase::value(format!(
            "The {which} character of '{t}' is '{{}}'."
        ))],
    }
}

fn longer(rng: &mut Rng) -> Problem {
    let (a, b) = (text(rng), text(rng));
    let lines = [
        "CALC longer",
        "INPUT $first $second",
        "IF LENGTH($first) > LENGTH($second) THEN",
        "  RESULT \"yes\"",
        "END",
        "RESULT \"no\"",
        "END",
    ];
    Problem {
        question: phrasing(
            rng,
            &[
                "Is '{a}' longer than '{b}'?",
                "Does '{a}' have more characters than '{b}'?",
            ],
        )
        .replace("{a}", &a)
        .replace("{b}", &b),
        steps: vec![
            "Compare the two LENGTHs in an IF.".into(),
            "Return \"yes\" or \"no\".".into(),
        ],
        program: format!("{}\nRESULT CALC longer(\"{a}\", \"{b}\")", lines.join("\n")),
        intro: "A CALC compares the lengths:".into(),
        phrases: vec![Phrase::value(format!(
            "Is '{a}' longer than '{b}'? The answer is {{}}."
        ))],
    }
}

fn vowels(rng: &mut Rng) -> Problem {
    let t = text(rng);
    let program = format!(
        "CALC vowels\nINPUT $text\nLET $n = 0\nFOR $i IN RANGE(0, LENGTH($text))\n  LET $c = CHAR_AT($text, $i)\n  \
         IF $c == \"a\" OR $c == \"e\" OR $c == \"i\" OR $c == \"o\" OR $c == \"u\" THEN\n    LET $n = $n + 1\n  END\nEND\nRESULT $n\nEND\n\
         RESULT CALC vowels(\"{t}\")"
    );
    Problem {
        question: phrasing(
            rng,
            &[
                "How many vowels are in '{t}'?",
                "Count the vowels (a, e, i, o, u) in '{t}'.",
            ],
        )
        .replace("{t}", &t),
        steps: vec![
            "Loop over the characters.".into(),
            "Count those equal to a, e, i, o or u, joined with OR.".into(),
        ],
        program,
        intro: "A loop with one OR condition counts the vowels:".into(),
        phrases: vec![Phrase::value(format!("'{t}' has {{}} vowels."))],
    }
}

fn reverse(rng: &mut Rng) -> Problem {
    let t = text(rng);
    let program = format!(
        "CALC reverse\nINPUT $text\nLET $out = \"\"\nFOR $i IN RANGE(0, LENGTH($text))\n  LET $out = CHAR_AT($text, $i) + $out\nEND\nRESULT $out\nEND\n\
         RESULT CALC reverse(\"{t}\")"
    );
    Problem {
        question: phrasing(
            rng,
            &[
                "What is '{t}' spelled backwards?",
                "Reverse the text '{t}'.",
            ],
        )
        .replace("{t}", &t),
        steps: vec![
            "Start from the empty string.".into(),
            "Put each character in front of what was built so far: + concatenates Symbols.".into(),
        ],
        program,
        intro: "Prepending each character reverses the text:".into(),
        phrases: vec![Phrase::value(format!("'{t}' backwards is '{{}}'."))],
    }
}

fn palindrome(rng: &mut Rng) -> Problem {
    let w = rng.pick(WORDS);
    let t = match rng.below(3) {
        0 => w.to_string(),
        1 => format!("{w}{}", w.chars().rev().collect::<String>()),
        _ => format!("{w}{}", rng.pick(WORDS)),
    };
    let program = format!(
        "CALC palindrome\nINPUT $word\nLET $i = 0\nLET $j = LENGTH($word) - 1\nFOR WHILE $i < $j\n  \
         IF CHAR_AT($word, $i) != CHAR_AT($word, $j) THEN\n    RESULT \"no\"\n  END\n  LET $i = $i + 1\n  LET $j = $j - 1\nEND\nRESULT \"yes\"\nEND\n\
         RESULT CALC palindrome(\"{t}\")"
    );
    Problem {
        question: phrasing(
            rng,
            &[
                "Is '{t}' a palindrome?",
                "Does '{t}' read the same forwards and backwards?",
            ],
        )
        .replace("{t}", &t),
        steps: vec![
            "Compare characters from both ends, moving inwards with FOR WHILE.".into(),
            "Any mismatch means no.".into(),
        ],
        program,
        intro: "Two indexes walk towards the middle:".into(),
        phrases: vec![Phrase::value(format!("Is '{t}' a palindrome? {{}}."))],
    }
}

fn long_words(rng: &mut Rng) -> Problem {
    let words = rng.sample_between(WORDS, 4..=9);
    let n = rng.range(4, 8);
    let mut p = Program::default();
    p.rels(&["word", "long_word"]);
    let tuples: Vec<Vec<&str>> = words.iter().map(|w| vec![*w]).collect();
    p.facts("word", &tuples)
        .line(format!(
            "RULE long_word: SCAN word, WHERE LENGTH($0) > {n}, EMIT long_word $0"
        ))
        .line("SOLVE")
        .line("QUERY long_word ?");
    Problem {
        question: format!(
            "Which of these words have more than {n} letters: {}?",
            words.join(", ")
        ),
        steps: vec![
            "Store the words as facts.".into(),
            format!("A rule keeps those with LENGTH($0) > {n}."),
            "SOLVE, then query `long_word ?`.".into(),
        ],
        program: p.text(),
        intro: "A rule filters the stored words by length:".into(),
        phrases: vec![Phrase::list(
            format!("The words longer than {n} letters are {{}}."),
            format!("None of them has more than {n} letters."),
            false,
        )],
    }
}

fn names_starting(rng: &mut Rng) -> Problem {
    let people = rng.sample_between(PEOPLE, 4..=10);
    let letter = people[rng.below(people.len())]
        .chars()
        .next()
        .unwrap_or('a');
    let mut p = Program::default();
    p.rels(&["guest"]);
    let tuples: Vec<Vec<&str>> = people.iter().map(|w| vec![*w]).collect();
    p.facts("guest", &tuples)
        .line("CALC starting_with")
        .line("INPUT $letter")
        .line("LET $n = 0")
        .line("FOR g IN (QUERY guest ?)")
        .line("  IF CHAR_AT(g.a, 0) == $letter THEN")
        .line("    LET $n = $n + 1")
        .line("  END")
        .line("END")
        .line("RESULT $n")
        .line("END")
        .line(format!("RESULT CALC starting_with(\"{letter}\")"));
    let names: Vec<String> = people.iter().map(|p| name(p)).collect();
    Problem {
        question: format!(
            "The guests are {}. How many of their names start with '{}'?",
            names.join(", "),
            letter.to_uppercase()
        ),
        steps: vec![
            "Store the guests as facts.".into(),
            "A CALC loops over them with FOR … IN (QUERY guest ?) and checks CHAR_AT(name, 0)."
                .into(),
        ],
        program: p.text(),
        intro: "A CALC counts over the stored names:".into(),
        phrases: vec![Phrase::value(format!(
            "The number of names starting with '{}' is {{}}.",
            letter.to_uppercase()
        ))],
    }
}

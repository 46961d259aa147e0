//! Which (category, stage) cells rows are drawn from, and with what weights: every
//! stage of every category by default, narrowed by `--category` and `--stage`,
//! reweighted by a `--mix` file (docs/training-data.md).

use super::categories::{self, Category};
use super::rng::Rng;
use serde_json::Value as Json;

/// One cell: a category at one stage of the curriculum.
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    /// The category.
    pub category: &'static Category,
    /// The curriculum stage, 1–4.
    pub stage: u8,
}

/// The cells rows are drawn from, each with a positive weight.
#[derive(Clone, Debug)]
pub struct Mix {
    cells: Vec<(Cell, f64)>,
    total: f64,
}

impl Mix {
    /// The mix of `categories` (all when empty) at `stages` (all when empty). Without a
    /// mix file every category weighs the same, spread evenly over its stages. A mix
    /// file is a JSON object from category name to a weight (spread evenly over its
    /// stages) or to an object from stage (`"1"`…`"4"`) to weight; a category it does
    /// not name weighs 0.
    pub fn new(categories: &[String], stages: &[u8], file: Option<&Json>) -> Result<Mix, String> {
        for name in categories {
            categories::find(name).ok_or_else(|| unknown(name))?;
        }
        if let Some(bad) = stages.iter().find(|s| !(1..=4).contains(*s)) {
            return Err(format!("stage {bad} does not exist (stages are 1 to 4)"));
        }
        let weights = match file {
            None => categories::ALL
                .iter()
                .flat_map(|c| {
                    c.stages
                        .iter()
                        .map(move |&s| (cell(c, s), 1.0 / c.stages.len() as f64))
                })
                .collect(),
            Some(json) => from_file(json)?,
        };
        let cells: Vec<(Cell, f64)> = weights
            .into_iter()
            .filter(|(c, w)| {
                *w > 0.0
                    && (categories.is_empty() || categories.iter().any(|n| n == c.category.name))
                    && (stages.is_empty() || stages.contains(&c.stage))
            })
            .collect();
        if cells.is_empty() {
            return Err(nothing_to_draw(categories, stages));
        }
        let total = cells.iter().map(|(_, w)| w).sum();
        Ok(Mix { cells, total })
    }

    /// A cell drawn with probability proportional to its weight.
    pub fn pick(&self, rng: &mut Rng) -> Cell {
        let mut x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * self.total;
        for (cell, w) in &self.cells {
            if x < *w {
                return *cell;
            }
            x -= w;
        }
        self.cells[self.cells.len() - 1].0
    }

    /// The cells and their weights.
    pub fn cells(&self) -> impl Iterator<Item = (Cell, f64)> + '_ {
        self.cells.iter().copied()
    }
}

fn cell(category: &'static Category, stage: u8) -> Cell {
    Cell { category, stage }
}

fn unknown(name: &str) -> String {
    let known: Vec<&str> = categories::ALL.iter().map(|c| c.name).collect();
    format!(
        "unknown category `{name}` (categories: {})",
        known.join(", ")
    )
}

fn from_file(json: &Json) -> Result<Vec<(Cell, f64)>, String> {
    let object = json.as_object().ok_or("the mix is not a JSON object")?;
    let mut cells = Vec::new();
    for (name, value) in object {
        let category = categories::find(name).ok_or_else(|| unknown(name))?;
        let weight = |v: &Json, what: &str| match v.as_f64() {
            Some(w) if w >= 0.0 && w.is_finite() => Ok(w),
            _ => Err(format!("the weight of {what} is not a number ≥ 0: {v}")),
        };
        match value {
            Json::Object(stages) => {
                for (stage, w) in stages {
                    let s = stage
                        .parse::<u8>()
                        .ok()
                        .filter(|s| category.stages.contains(s))
                        .ok_or_else(|| no_stage(category, stage))?;
                    cells.push((
                        cell(category, s),
                        weight(w, &format!("`{name}` stage {stage}"))?,
                    ));
                }
            }
            w => {
                let w = weight(w, &format!("`{name}`"))?;
                let share = w / category.stages.len() as f64;
                cells.extend(category.stages.iter().map(|&s| (cell(category, s), share)));
            }
        }
    }
    Ok(cells)
}

fn no_stage(category: &Category, stage: &str) -> String {
    format!(
        "category `{}` has no stage `{stage}` (its stages: {})",
        category.name,
        stage_list(category)
    )
}

fn stage_list(category: &Category) -> String {
    category
        .stages
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn nothing_to_draw(categories: &[String], stages: &[u8]) -> String {
    let mut s = "nothing to generate: no category with a positive weight".to_string();
    if !stages.is_empty() {
        let asked: Vec<String> = stages.iter().map(u8::to_string).collect();
        s += &format!(" has stage {}", asked.join(" or "));
    }
    for name in categories {
        if let Some(c) = categories::find(name) {
            s += &format!("; `{name}` has stages {}", stage_list(c));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters_and_files_choose_the_cells() {
        let all = Mix::new(&[], &[], None).unwrap();
        assert!(all.cells().count() >= 2 * categories::ALL.len());
        let one = Mix::new(&["family".into()], &[2], None).unwrap();
        let cells: Vec<(&str, u8)> = one
            .cells()
            .map(|(c, _)| (c.category.name, c.stage))
            .collect();
        assert_eq!(cells, [("family", 2)]);
        let file = json!({"family": {"1": 3, "2": 1}, "graph": 2});
        let mix = Mix::new(&[], &[], Some(&file)).unwrap();
        let mut rng = Rng::for_row(1, 0, 0);
        let mut family_1 = 0;
        for _ in 0..6000 {
            let c = mix.pick(&mut rng);
            assert!(c.category.name == "family" || c.category.name == "graph");
            family_1 += usize::from(c.category.name == "family" && c.stage == 1);
        }
        // 3 of a total weight of 6.
        assert!((2700..3300).contains(&family_1), "{family_1}");
        for bad in [
            json!([1]),
            json!({"nope": 1}),
            json!({"family": -1}),
            json!({"family": {"9": 1}}),
        ] {
            assert!(Mix::new(&[], &[], Some(&bad)).is_err(), "{bad}");
        }
        assert!(Mix::new(&["nope".into()], &[], None).is_err());
        assert!(Mix::new(&[], &[5], None).is_err());
        let err = Mix::new(&[], &[], Some(&json!({"family": 0}))).unwrap_err();
        assert!(err.starts_with("nothing to generate"), "{err}");
    }
}

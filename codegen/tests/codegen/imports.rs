//! The crate's modules depend on each other one way (STYLE habit 1, issue 18 item 2):
//! types → the registry → the builder → runtime helpers → emitters → module
//! assembly. Reads `src/**/*.rs` as text and fails naming the largest group of files
//! that import one another in a cycle.
//!
//! A file depends on another when it names it by path: `crate::a::b`, `super::x`
//! (in `use` or inline, groups `{…}` included), or the name of a child module it
//! declares (`mod x;` … `x::f`). A path to an item of a module's file (`crate::Site`)
//! is a dependency on that file. Comments and `#[cfg(test)]` modules are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Source files by module path (`[]` is `lib.rs`, `["rt", "set"]` is `rt/set.rs`).
fn modules(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![(src.to_path_buf(), Vec::new())];
    while let Some((dir, prefix)) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                let mut module = prefix.clone();
                module.push(name);
                stack.push((path, module));
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut module = prefix.clone();
                if !matches!(stem, "lib" | "mod") {
                    module.push(stem.to_string());
                }
                let text = std::fs::read_to_string(&path).expect("readable file");
                found.insert(module, code_only(&text));
            }
        }
    }
    found
}

/// `text` without comments and without what follows `#[cfg(test)]`.
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits `text` at the identifiers and `::`, `{`, `}`, `,` it is made of.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_alphanumeric() || c == '_' {
            rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len())
        } else if rest.starts_with("::") {
            2
        } else {
            c.len_utf8()
        };
        let (token, tail) = rest.split_at(len);
        if !token.trim().is_empty() {
            out.push(token);
        }
        rest = tail;
    }
    out
}

/// The files `module` depends on (see the module docs).
fn dependencies(
    module: &[String],
    text: &str,
    files: &BTreeMap<Vec<String>, String>,
) -> BTreeSet<Vec<String>> {
    let tokens = tokens(text);
    let children: BTreeSet<&str> = tokens
        .windows(3)
        .filter(|w| w[0] == "mod" && w[2] == ";")
        .map(|w| w[1])
        .collect();
    let mut deps = BTreeSet::new();
    for (i, &token) in tokens.iter().enumerate() {
        // A path starts here (not in `pub(super)`, not after `::`).
        if i > 0 && tokens[i - 1] == "::" || tokens.get(i + 1) != Some(&"::") {
            continue;
        }
        let base: Vec<String> = match token {
            "crate" => Vec::new(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            child if children.contains(child) => {
                let mut path = module.to_vec();
                path.push(child.to_string());
                deps.insert(path);
                continue;
            }
            _ => continue,
        };
        resolve(base, &tokens[i + 1..], files, &mut deps);
    }
    deps.remove(module);
    deps
}

/// Adds the files the path `rest` (after `::`) names from module `base`, following
/// `super`, nested modules and `{…}` groups.
fn resolve(
    mut base: Vec<String>,
    mut rest: &[&str],
    files: &BTreeMap<Vec<String>, String>,
    deps: &mut BTreeSet<Vec<String>>,
) {
    while let ["::", segment, tail @ ..] = rest {
        match *segment {
            "super" => {
                base.pop();
            }
            "{" => {
                for item in group(tail) {
                    let mut path = vec!["::"];
                    path.extend_from_slice(item);
                    resolve(base.clone(), &path, files, deps);
                }
                return;
            }
            name => {
                let mut next = base.clone();
                next.push(name.to_string());
                if !files.contains_key(&next) {
                    break;
                }
                base = next;
            }
        }
        rest = tail;
    }
    deps.insert(base);
}

/// The comma-separated items of the group whose `{` came just before `tokens`.
fn group<'a, 't>(tokens: &'a [&'t str]) -> Vec<&'a [&'t str]> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, &t) in tokens.iter().enumerate() {
        match t {
            "{" => depth += 1,
            "}" if depth == 0 => {
                items.push(&tokens[start..i]);
                break;
            }
            "}" => depth -= 1,
            "," if depth == 0 => {
                items.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// The strongly connected components of the graph (Tarjan's algorithm).
fn components(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct State<'g> {
        graph: &'g BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'g Vec<String>, (usize, usize)>,
        stack: Vec<&'g Vec<String>>,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g Vec<String>) {
        let n = s.index.len();
        s.index.insert(v, (n, n));
        s.stack.push(v);
        for w in s.graph.get(v).into_iter().flatten() {
            match s.index.get(w).copied() {
                None => {
                    visit(s, w);
                    let low = s.index[w].1.min(s.index[v].1);
                    s.index.get_mut(v).expect("visited").1 = low;
                }
                Some((wi, _)) if s.stack.contains(&w) => {
                    let low = wi.min(s.index[v].1);
                    s.index.get_mut(v).expect("visited").1 = low;
                }
                Some(_) => {}
            }
        }
        if s.index[v].0 == s.index[v].1 {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            s.out.push(component);
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn file_name(module: &[String], files: &BTreeMap<Vec<String>, String>) -> String {
    let nested = files
        .keys()
        .any(|k| k.len() > module.len() && k.starts_with(module));
    match module {
        [] => "lib.rs".into(),
        _ if nested => format!("{}/mod.rs", module.join("/")),
        _ => format!("{}.rs", module.join("/")),
    }
}

#[test]
fn no_module_imports_another_in_a_cycle() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&src);
    let graph: BTreeMap<_, _> = files
        .iter()
        .map(|(module, text)| (module.clone(), dependencies(module, text, &files)))
        .collect();
    let mut cycles: Vec<Vec<String>> = components(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut names: Vec<String> = c.iter().map(|m| file_name(m, &files)).collect();
            names.sort();
            names
        })
        .collect();
    cycles.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let largest = cycles.first().map_or(1, Vec::len);
    println!(
        "{} files; the largest import cycle has {largest}",
        files.len()
    );
    assert!(
        cycles.is_empty(),
        "import cycles (largest first):\n{}",
        cycles
            .iter()
            .map(|c| format!("{} files: {}", c.len(), c.join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

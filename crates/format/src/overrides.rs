//! `--set dotted.path=value` overrides, applied to the merged document before validation.
//!
//! A path names table keys and array elements by index (`firms.0.count=20`). The value is read
//! as a TOML value (`20`, `0.3`, `"text"`, `[1, 2]`) and, if that fails, as a bare string
//! (`matching.mode=aggregate`). A key the scenario format does not know is reported by the
//! validator with the nearest valid key.

use toml::de::DeValue;

use crate::source::Origin;
use crate::tree::{Entry, Node, Value};

/// A problem with an override that is not about the value itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideError {
    /// Override number.
    pub index: usize,
    /// The path as given.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

/// Applies override number `index` (`path=value`) to `root`.
pub fn apply(root: &mut Node, index: usize, text: &str) -> Result<(), OverrideError> {
    let err = |key: &str, message: String| OverrideError {
        index,
        key: key.to_string(),
        message,
    };
    let Some((path, raw)) = text.split_once('=') else {
        return Err(err(text, "expected `dotted.path=value`".to_string()));
    };
    let path = path.trim();
    if path.is_empty() || path.split('.').any(str::is_empty) {
        return Err(err(
            path,
            "expected a dotted key path such as `simulation.seed`".to_string(),
        ));
    }
    let at = Origin::Set { index };
    let value = parse_value(raw.trim(), at);
    let segments: Vec<&str> = path.split('.').collect();
    let mut node = root;
    for (depth, seg) in segments.iter().enumerate() {
        let last = depth + 1 == segments.len();
        let so_far = segments[..=depth].join(".");
        node = match &mut node.value {
            Value::Table(entries) => {
                let pos = match entries.iter().position(|e| e.key == *seg) {
                    Some(p) => p,
                    None => {
                        let fresh = if last {
                            value.clone()
                        } else {
                            Node {
                                value: Value::Table(vec![]),
                                origin: at,
                            }
                        };
                        entries.push(Entry {
                            key: seg.to_string(),
                            key_origin: at,
                            node: fresh,
                        });
                        entries.len() - 1
                    }
                };
                &mut entries[pos].node
            }
            Value::Array(items) => {
                let Ok(i) = seg.parse::<usize>() else {
                    return Err(err(
                        &so_far,
                        format!(
                            "`{}` is an array: index it by number, 0 to {}",
                            segments[..depth].join("."),
                            items.len().saturating_sub(1)
                        ),
                    ));
                };
                let n = items.len();
                match items.get_mut(i) {
                    Some(item) => item,
                    None => {
                        return Err(err(
                            &so_far,
                            format!(
                                "index {i} is out of range: `{}` has {n} element{} (0 to {})",
                                segments[..depth].join("."),
                                if n == 1 { "" } else { "s" },
                                n.saturating_sub(1)
                            ),
                        ));
                    }
                }
            }
            other => {
                return Err(err(
                    &so_far,
                    format!(
                        "`{}` is {}, not a table",
                        segments[..depth].join("."),
                        other.type_name()
                    ),
                ));
            }
        };
        if last {
            *node = value.clone();
        }
    }
    Ok(())
}

fn parse_value(raw: &str, at: Origin) -> Node {
    match DeValue::parse(raw) {
        Ok(v) => {
            let mut node = crate::tree::from_value(v.get_ref(), usize::MAX, at);
            set_origin(&mut node, at);
            node
        }
        Err(_) => Node {
            value: Value::Str(raw.trim_matches('"').to_string()),
            origin: at,
        },
    }
}

fn set_origin(node: &mut Node, at: Origin) {
    node.origin = at;
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|n| set_origin(n, at)),
        Value::Table(entries) => entries.iter_mut().for_each(|e| {
            e.key_origin = at;
            set_origin(&mut e.node, at);
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Node {
        let text = "[simulation]\nseed = 1\n[[firms]]\ncount = 3\n";
        let t = toml::de::DeTable::parse(text).unwrap();
        crate::tree::from_table(t.get_ref(), 0, Origin::Nowhere)
    }

    #[test]
    fn sets_scalars_and_array_elements() {
        let mut d = doc();
        apply(&mut d, 0, "simulation.seed=7").unwrap();
        apply(&mut d, 1, "firms.0.count=20").unwrap();
        apply(&mut d, 2, "matching.mode=aggregate").unwrap();
        assert_eq!(
            d.get("simulation").unwrap().get("seed").unwrap().value,
            Value::Int(7)
        );
        assert_eq!(
            d.get("matching").unwrap().get("mode").unwrap().value,
            Value::Str("aggregate".into())
        );
        let Value::Array(firms) = &d.get("firms").unwrap().value else {
            panic!()
        };
        assert_eq!(firms[0].get("count").unwrap().value, Value::Int(20));
    }

    #[test]
    fn reports_bad_paths() {
        let mut d = doc();
        assert!(
            apply(&mut d, 0, "firms.4.count=1")
                .unwrap_err()
                .message
                .contains("out of range")
        );
        assert!(
            apply(&mut d, 0, "simulation.seed.x=1")
                .unwrap_err()
                .message
                .contains("not a table")
        );
        assert!(
            apply(&mut d, 0, "no_equals_sign")
                .unwrap_err()
                .message
                .contains("dotted.path=value")
        );
    }
}

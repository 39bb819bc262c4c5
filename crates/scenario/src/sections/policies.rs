//! `[policies]`: reserved for the policy kinds (tables keyed by kind, e.g.
//! `[policies.short_time_work]`); none is available yet, so every entry is reported.

use crate::reader::{Reader, Table};
use crate::tree::{Node, Value};

/// Reads `[policies]`, which must be empty in this version.
pub(crate) fn read_policies(rd: &mut Reader<'_>, top: &mut Table<'_>, root: &Node) {
    let policies = rd.table(top, "policies");
    if let Some(Node {
        value: Value::Table(entries),
        ..
    }) = root.get("policies")
    {
        for e in entries {
            rd.error(
                e.key_origin,
                &format!("policies.{}", e.key),
                "no policy kinds are available in this version yet: leave [policies] empty (policies are tables keyed by kind, e.g. [policies.short_time_work])",
            );
        }
    }
    drop(policies);
}

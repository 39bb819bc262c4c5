//! `[shocks]`: events during the run: `[[shocks.closure]]` (a firm group announces its closure
//! and closes), `[[shocks.technology_switch]]` (a firm group changes technology, labour needs
//! and occupation mix) and `[[shocks.supply_chain]]` (a sector's demand follows another's
//! employment).

use wandel_engine::Month;
use wandel_engine::params::{Closure, SupplyLink, TechnologySwitch};

use super::occupations::read_mix;
use wandel_format::names::Names;
use wandel_format::reader::{Range, Reader, Table};
use wandel_format::{check_in_run, origin_of};

/// What `[shocks]` holds.
pub(crate) struct Shocks {
    /// `[[shocks.closure]]`.
    pub(crate) closures: Vec<Closure>,
    /// `[[shocks.technology_switch]]`.
    pub(crate) switches: Vec<TechnologySwitch>,
    /// `[[shocks.supply_chain]]`.
    pub(crate) links: Vec<SupplyLink>,
}

/// Reads `[shocks]` for a run from `start` to `end` (exclusive), resolving firm groups,
/// occupations and sectors; every shock's months must lie in the run. A shock whose firm group or months could not be read is left out.
pub(crate) fn read_shocks(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    group_names: &Names,
    occupation_names: &Names,
    sector_names: &Names,
    (start, end): (Month, Month),
) -> Shocks {
    let mut shocks = rd.table(top, "shocks");
    let mut closures = Vec::new();
    for mut c in rd.tables(&mut shocks, "closure") {
        let path = c.path.clone();
        let group = read_group(rd, &mut c, group_names, &path);
        let share = rd.number(&mut c, "share", Some(1.0), Range::Between(1e-9, 1.0));
        let announced = rd.month(&mut c, "announced");
        let closes = rd.month(&mut c, "closes");
        if let Some((a, origin)) = announced {
            check_in_run(rd, a, origin, &format!("{path}.announced"), start, end);
        }
        if let Some((cl, origin)) = closes {
            check_in_run(rd, cl, origin, &format!("{path}.closes"), start, end);
            if let Some((a, _)) = announced {
                if cl < a {
                    rd.error(
                        origin,
                        &format!("{path}.closes"),
                        format!("closure ({cl}) must not come before its announcement ({a})"),
                    );
                }
            }
        }
        if let (Some(g), Some((a, _)), Some((cl, _))) = (group, announced, closes) {
            closures.push(Closure {
                group: g,
                share,
                announced: a,
                closes: cl,
            });
        }
        rd.finish(c);
    }
    let mut switches = Vec::new();
    for mut s in rd.tables(&mut shocks, "technology_switch") {
        let path = s.path.clone();
        let group = read_group(rd, &mut s, group_names, &path);
        let month = rd.month(&mut s, "month");
        if let Some((mo, origin)) = month {
            check_in_run(rd, mo, origin, &format!("{path}.month"), start, end);
        }
        let technology = rd.string(&mut s, "technology", None);
        let labour_factor = rd.number(
            &mut s,
            "labour_factor",
            Some(1.0),
            Range::Between(1e-6, 100.0),
        );
        let mix = if s.has("occupations") {
            read_mix(rd, &mut s, "occupations", occupation_names, true)
        } else {
            let _ = rd.raw(&mut s, "occupations");
            None
        };
        if let (Some(g), Some((mo, _))) = (group, month) {
            switches.push(TechnologySwitch {
                group: g,
                month: mo,
                technology,
                labour_factor,
                occupation_mix: mix,
            });
        }
        rd.finish(s);
    }
    let mut links = Vec::new();
    for mut l in rd.tables(&mut shocks, "supply_chain") {
        let path = l.path.clone();
        let customer_node = l.node_get("customer");
        let customer = rd.string(&mut l, "customer", None);
        let customer = sector_names.resolve(
            rd,
            &customer,
            origin_of(&l, customer_node),
            &format!("{path}.customer"),
        );
        let supplier_node = l.node_get("supplier");
        let supplier = rd.string(&mut l, "supplier", None);
        let supplier_origin = origin_of(&l, supplier_node);
        let supplier =
            sector_names.resolve(rd, &supplier, supplier_origin, &format!("{path}.supplier"));
        let dependence = rd.number(&mut l, "dependence", None, Range::Unit);
        if let (Some(c), Some(s)) = (customer, supplier) {
            if c == s {
                rd.error(
                    supplier_origin,
                    &format!("{path}.supplier"),
                    "a sector cannot supply itself: supplier must differ from customer",
                );
            }
            links.push(SupplyLink {
                customer: c,
                supplier: s,
                dependence,
            });
        }
        rd.finish(l);
    }
    rd.finish(shocks);
    Shocks {
        closures,
        switches,
        links,
    }
}

/// The firm group named by `firms` (None when empty or unknown).
fn read_group(rd: &mut Reader<'_>, t: &mut Table<'_>, groups: &Names, path: &str) -> Option<u16> {
    let node = t.node_get("firms");
    let name = rd.string(t, "firms", None);
    if name.is_empty() {
        return None;
    }
    groups.resolve(rd, &name, origin_of(t, node), &format!("{path}.firms"))
}

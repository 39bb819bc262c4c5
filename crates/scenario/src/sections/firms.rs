//! `[[firms]]`: firm groups, each with its name, number of firms, sector, region, size
//! distribution ([`read_size`]), occupation mix, wage, technology and works-council share.

use wandel_engine::params::{FirmGroup, SizeDist};

use super::occupations::read_mix;
use wandel_format::names::{Names, check_unique};
use wandel_format::origin_of;
use wandel_format::reader::{Range, Reader, Table};
use wandel_format::tree::{Node, Value};

/// Reads `[[firms]]` (at least one, names unique), resolving each group's sector, region and
/// occupations: the firm groups and their name index.
pub(crate) fn read_firms(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    root: &Node,
    sector_names: &Names,
    region_names: &Names,
    occupation_names: &Names,
) -> (Vec<FirmGroup>, Names) {
    let mut groups = Vec::new();
    for mut f in rd.tables(top, "firms") {
        let path = f.path.clone();
        let group_name = rd.name(&mut f, "name");
        let count = rd.integer(&mut f, "count", Some(1), 1, 10_000_000) as u32;
        let sector_node = f.node_get("sector");
        let sector_name = rd.string(&mut f, "sector", None);
        let sector = sector_names.resolve(
            rd,
            &sector_name,
            origin_of(&f, sector_node),
            &format!("{path}.sector"),
        );
        let region_node = f.node_get("region");
        let region_name = rd.string(&mut f, "region", None);
        let region = region_names.resolve(
            rd,
            &region_name,
            origin_of(&f, region_node),
            &format!("{path}.region"),
        );
        let size = read_size(rd, &mut f);
        let mix = read_mix(rd, &mut f, "occupations", occupation_names, true);
        groups.push(FirmGroup {
            name: group_name,
            count,
            sector: sector.unwrap_or(0),
            region: region.unwrap_or(0),
            size,
            occupation_mix: mix.unwrap_or_default(),
            wage: rd.number(&mut f, "wage", Some(3500.0), Range::Positive),
            technology: rd.string(&mut f, "technology", Some("standard")),
            works_council_share: rd.number(&mut f, "works_council_share", Some(0.0), Range::Unit),
            training_share: rd.number(&mut f, "training_share", Some(0.0), Range::Unit),
        });
        rd.finish(f);
    }
    if groups.is_empty() && root.get("firms").is_none() {
        rd.error(
            root.origin,
            "firms",
            "at least one [[firms]] table is required",
        );
    }
    check_unique(
        rd,
        root,
        "firms",
        groups.iter().map(|g| g.name.clone()).collect(),
    );
    let group_names = Names::new(
        "firm group",
        "firms",
        &groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>(),
    );
    (groups, group_names)
}

/// `size = 3000` (every firm the same) or `size = { mean = 40, sd = 60 }` (log-normal).
fn read_size(rd: &mut Reader<'_>, t: &mut Table<'_>) -> SizeDist {
    let path = format!("{}.size", t.path);
    let what =
        "a whole number of workers ≥ 1, or { mean = …, sd = … } for a log-normal distribution";
    match rd.raw(t, "size") {
        None => {
            rd.error(
                t.origin(),
                &path,
                format!("missing required key in `{}`: expected {what}", t.path),
            );
            SizeDist::Fixed(1)
        }
        Some(Node {
            value: Value::Int(n),
            ..
        }) if *n >= 1 && *n <= 10_000_000 => SizeDist::Fixed(*n as u32),
        Some(
            node @ Node {
                value: Value::Table(_),
                ..
            },
        ) => {
            let mut s = Table::new(Some(node), path.clone());
            let mean = rd.number(&mut s, "mean", None, Range::Between(1.0, 1e7));
            let sd = rd.number(&mut s, "sd", None, Range::Between(0.0, 1e7));
            rd.finish(s);
            SizeDist::LogNormal { mean, sd }
        }
        Some(node) => {
            let found = match node.value {
                Value::Int(n) => format!("{n}"),
                _ => node.value.type_name().to_string(),
            };
            rd.error(
                node.origin,
                &path,
                format!("expected {what}, found {found}"),
            );
            SizeDist::Fixed(1)
        }
    }
}

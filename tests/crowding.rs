//! Who gains at whose expense (`summary.json`, `crowding_out`): every worker-level policy's
//! participants' gain, the economy's gain from it and the share taken from others, with their
//! intervals; in a package, the economy's gain from each policy comes from `--decompose`.

use crate::util::{run_scenario, scratch};

fn summary(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn a_council_reports_its_participants_gain_against_the_economys() {
    let out = scratch("crowding_council");
    run_scenario(
        "scenarios/policies/job_security_council.toml",
        &out,
        &["simulation.months=48", "simulation.replications=3"],
        &["--no-charts"],
    );
    let s = summary(&out);
    let rows = s["crowding_out"].as_array().expect("crowding_out");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!(r["replications"], 3);
    assert!(r["participants"].as_f64().unwrap() > 100.0, "{r}");
    let gain = &r["participants_job_years"];
    assert!(
        gain["ci95_low"].as_f64().unwrap() > 0.0,
        "participants gain: {gain}"
    );
    let economy = r["economy_job_years"]["mean"].as_f64().unwrap();
    let heads = s["effects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "job_years_heads")
        .unwrap()["mean"]
        .as_f64()
        .unwrap();
    assert!((economy - heads).abs() < 1e-6, "{economy} against {heads}");
    let taken = r["taken_from_others_pct"]["mean"].as_f64().unwrap();
    let expected = 100.0 * (1.0 - economy / gain["mean"].as_f64().unwrap());
    assert!(
        (taken - expected).abs() < 1e-6,
        "{taken} against {expected}"
    );
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn a_package_gives_each_policys_participants_against_the_economys_gain_from_it() {
    let out = scratch("crowding_package");
    run_scenario(
        "scenarios/policies/transition_package.toml",
        &out,
        &["simulation.months=60", "simulation.replications=2"],
        &["--decompose"],
    );
    let s = summary(&out);
    let rows = s["crowding_out"].as_array().expect("crowding_out");
    let names: Vec<&str> = rows.iter().map(|r| r["policy"].as_str().unwrap()).collect();
    // One row per worker-level policy (short-time work takes no workers in), each with the
    // economy's gain from it: the package against the package without it (--decompose).
    assert_eq!(rows.len(), 3, "{names:?}");
    assert!(!names.contains(&"all"));
    let decomposition = s["decomposition"].as_array().unwrap();
    let heads = decomposition
        .iter()
        .find(|m| m["measure"] == "job_years_heads")
        .unwrap();
    for r in rows {
        assert!(r["participants_job_years"].is_object(), "{r}");
        let economy = r["economy_job_years"]["mean"].as_f64().unwrap();
        let part = heads["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p[0] == r["policy"])
            .unwrap();
        let contribution = part[1]["mean"].as_f64().unwrap();
        assert!(
            (economy - contribution).abs() < 1e-6,
            "{}: economy {economy} against its contribution {contribution}",
            r["policy"]
        );
        assert!(
            r["taken_from_others_pct"].is_object() || r["note"].is_string(),
            "a share or why not: {r}"
        );
    }
    // The report has a table per policy, the crowding-out table and the decomposition table.
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    for heading in [
        "The policies",
        "Who gains at whose expense",
        "What each policy adds",
    ] {
        assert!(report.contains(heading), "the report lacks {heading}");
    }
    for p in s["policies"].as_array().unwrap() {
        assert!(report.contains(p["policy"].as_str().unwrap()), "{p}");
    }
    // Follow-up cells carry their base, and a cell resting on too few has no effect.
    let follow = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    let mut lines = follow.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (workers, effect, reps, why) = (
        col("workers"),
        col("effect_pp"),
        col("replications"),
        col("suppressed"),
    );
    let mut suppressed = 0;
    for l in lines {
        let c: Vec<&str> = l.split(',').collect();
        let pooled = c[workers].parse::<f64>().unwrap() * c[reps].parse::<f64>().unwrap();
        if c[why].is_empty() {
            assert!(pooled >= 29.5, "{l}");
            assert!(!c[effect].is_empty(), "{l}");
        } else {
            suppressed += 1;
            assert!(
                c[effect].is_empty(),
                "a suppressed cell shows an effect: {l}"
            );
        }
    }
    println!("{suppressed} follow-up cells suppressed");
    std::fs::remove_dir_all(out).unwrap();
}

//! The page at `/`, driven in headless Chromium as a person would use it: it runs a README
//! example and draws an entity's neighbourhood; the screenshot must show the table and the
//! picture. Without Chromium the test says so and passes, unless `TUPU_REQUIRE_CHROMIUM` is set
//! (CI sets it, so the check cannot be skipped there).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::http::{Served, encode, seed_store};
use crate::util::{TempDir, root};

/// The table header's colour in the page's style sheet (only the results table uses it).
const TABLE_HEADER: [u8; 3] = [0x0f, 0x5c, 0x4d];
/// Fill colours of a person and of an organisation in tupu's DOT (tupu_graph::dot): 李家超 at depth
/// one holds a post in a government, an organisation.
const PERSON: [u8; 3] = [0xcf, 0xe2, 0xf3];
const ORGANIZATION: [u8; 3] = [0xd9, 0xea, 0xd3];

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TUPU_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .map(PathBuf::from)
        .find(|program| Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success()))
}

/// Runs headless Chromium on `url` with `mode` (`--screenshot=FILE` or `--dump-dom`); returns
/// standard output.
fn browse(chromium: &Path, profile: &Path, mode: &str, url: &str) -> String {
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,1400",
            // Lets the page's fetches finish before the picture is taken.
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(mode)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// How many pixels of the screenshot have exactly this colour.
fn pixels_of(png: &Path, colour: [u8; 3]) -> usize {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).expect("screenshot")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    let channels = info.color_type.samples();
    assert!(channels >= 3 && info.bit_depth == png::BitDepth::Eight, "{info:?}");
    buffer[..info.buffer_size()].chunks_exact(channels).filter(|p| p[..3] == colour).count()
}

#[test]
fn the_page_shows_a_table_and_a_picture_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("TUPU_REQUIRE_CHROMIUM").is_none(),
            "TUPU_REQUIRE_CHROMIUM is set but no chromium was found (apt-get install chromium)"
        );
        eprintln!("SKIPPED the_page_shows_a_table_and_a_picture_in_chromium: no chromium on the PATH");
        return;
    };
    let dir = seed_store();
    let browser = TempDir::new("chromium");
    let server = Served::start(dir.path(), "s", &[]);
    let url = format!("http://127.0.0.1:{}/?example=0&entity={}&depth=1", server.port, encode("李家超"));

    // What the page should show for the README's first example: the endpoint's own answer.
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let example = &tupu_query::http::readme_examples(&readme)[0];
    let expected = server.select(&example.query);
    assert_eq!(expected.status, 200, "{}", expected.body);
    let rows: Vec<&str> = expected.body.lines().skip(1).collect();
    assert!(rows.iter().any(|r| r.contains("行政長官")) && rows.iter().any(|r| r.contains("國務院港澳辦")), "{rows:?}");

    let dom = browse(&chromium, &browser.path().join("dom"), "--dump-dom", &url);
    assert!(dom.contains("<table class=\"results\">"), "no results table: {dom}");
    assert!(dom.contains(&format!("({} rows)", rows.len())), "not {} rows: {dom}", rows.len());
    assert!(dom.contains("行政長官") && dom.contains("國務院港澳辦"), "{dom}");
    assert!(dom.contains("<img alt=\"the neighbourhood of 李家超\""), "no picture: {dom}");

    let shot = browser.path().join("page.png");
    browse(&chromium, &browser.path().join("shot"), &format!("--screenshot={}", shot.display()), &url);
    let header = pixels_of(&shot, TABLE_HEADER);
    let people = pixels_of(&shot, PERSON);
    let organisations = pixels_of(&shot, ORGANIZATION);
    // A header row of three columns is some 350 × 20 pixels; a drawn node some 80 × 35.
    assert!(header > 3_000, "the table's header is not in the screenshot ({header} pixels)");
    assert!(people > 1_000, "no person drawn in the screenshot ({people} pixels)");
    assert!(organisations > 500, "no organisation drawn in the screenshot ({organisations} pixels)");

    // Without Graphviz where tupu serves, the page says so and shows the DOT text.
    drop(server);
    let server = Served::start_with(dir.path(), "s", &[], |c| {
        c.env("PATH", "/nonexistent");
    });
    let url = format!("http://127.0.0.1:{}/?entity={}", server.port, encode("李家超"));
    let dom = browse(&chromium, &browser.path().join("fallback"), "--dump-dom", &url);
    assert!(dom.contains("Graphviz is not installed where tupu serves"), "{dom}");
    assert!(dom.contains("digraph tupu {"), "{dom}");
}

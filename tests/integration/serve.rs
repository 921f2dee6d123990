//! `plansite serve`: a real server on a free port, fetched over HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::TestSite;

/// A running `plansite serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// What the server printed after its address.
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    /// Asks the server to stop (SIGTERM), so it removes its preview directory, and
    /// kills it if it has not stopped within a few seconds.
    fn drop(&mut self) {
        let asked = Command::new("kill")
            .arg(self.child.id().to_string())
            .status()
            .is_ok_and(|s| s.success());
        let deadline = Instant::now() + Duration::from_secs(5);
        while asked && Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(site: &TestSite) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("plansite"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let port = loop {
            let line = lines.next().expect("server exited").unwrap();
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Server { child, port, log }
    }

    /// How many times the server has reloaded the pages so far.
    /// Replaces `from` with `to` in the site's file `rel` and waits for the reload.
    pub fn edit_and_reload(&self, site: &TestSite, rel: &str, from: &str, to: &str) {
        let reloads = self.reloads();
        site.edit(rel, from, to);
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.reloads() == reloads {
            assert!(Instant::now() < deadline, "no reload after {to:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn reloads(&self) -> usize {
        let log = self.log.lock().unwrap();
        log.iter().filter(|l| l.starts_with("Reloaded")).count()
    }

    /// GET `path` (sent as is, without normalising dots); returns status and body.
    fn get(&self, path: &str) -> (u16, String, String) {
        self.get_from(path, "127.0.0.1")
    }

    /// GET `path` with `host` in the `Host` header.
    fn get_from(&self, path: &str, host: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_lowercase(), body.to_string())
    }

    /// Fetches `path` until its body contains `text`; a deadline keeps a broken
    /// server from hanging the test (it measures nothing).
    pub fn wait_for(&self, path: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, _, body) = self.get(path);
            if body.contains(text) || Instant::now() > deadline {
                return body;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn serve_builds_serves_reloads_and_refuses_traversal() {
    let site = TestSite::starter();
    let server = Server::start(&site);

    // The starter's base_url has a sub-path; the preview lives under it.
    let (status, head, _) = server.get("/");
    assert_eq!(status, 307, "{head}");
    assert!(head.contains("location: /plans/"), "{head}");
    let (status, head, body) = server.get("/plans/zh/plans/example-2025/index.html");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("电子信息行动计划"));
    let (status, head, _) = server.get("/plans/static/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("text/css; charset=utf-8"), "{head}");

    // The site's own 404 page, with a 404 status.
    let (status, _, body) = server.get("/plans/zh/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("找不到这个页面"), "{body}");

    // Nothing outside the output, however the path is written.
    for attempt in [
        "/plans/../Cargo.toml",
        "/plans/%2e%2e/%2e%2e/site.yaml",
        "/plans/..%2f..%2fsite.yaml",
        "/../../etc/passwd",
    ] {
        let (status, _, body) = server.get(attempt);
        assert!(status == 404 || status == 400, "{attempt}: {status}");
        assert!(!body.contains("base_url"), "{attempt} leaked a source file");
    }

    // Serving reads files, and a build reads every source: neither is an edit.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.reloads(), 0, "{:?}", server.log.lock().unwrap());

    // An edit to a commentary file shows up.
    site.write(
        "content/plans/example-2025/index.en.md",
        "---\nsummary: A sample plan that shows plansite's content format.\n---\nFreshly edited commentary.\n",
    );
    let body = server.wait_for(
        "/plans/en/plans/example-2025/index.html",
        "Freshly edited commentary.",
    );
    assert!(body.contains("Freshly edited commentary."));
    // One save, one reload: the rebuild does not trigger another.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.reloads(), 1, "{:?}", server.log.lock().unwrap());

    // An edit to a plan's YAML shows up too (a full rebuild).
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "en: New high-tech enterprises}",
        "en: Newly certified high-tech firms}",
    );
    let body = server.wait_for(
        "/plans/en/plans/example-2025/new-high-tech-firms/index.html",
        "Newly certified",
    );
    assert!(body.contains("Newly certified"));

    // A broken edit keeps the last good site and overlays the error.
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "chain: electronic-information",
        "chain: nope",
    );
    let body = server.wait_for("/plans/en/plans/example-2025/index.html", "plansite-error");
    assert!(body.contains("unknown chain `nope`"), "{body}");
    assert!(
        body.contains("Newly certified"),
        "the last good site is still served"
    );

    // Fixing it removes the overlay.
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "chain: nope",
        "chain: electronic-information",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, _, body) = server.get("/plans/en/plans/example-2025/index.html");
        if !body.contains("plansite-error") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the overlay stayed after the fix"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_preview_answers_only_to_its_own_host_and_never_redirects_off_site() {
    let site = TestSite::starter();
    let server = Server::start(&site);
    let port = server.port;
    for host in [
        "127.0.0.1",
        &format!("127.0.0.1:{port}"),
        &format!("localhost:{port}"),
        "www.example.gov.cn",
    ] {
        let (status, _, _) = server.get_from("/plans/zh/", host);
        assert_eq!(status, 200, "{host}");
    }
    // A rebinding page's request names its own host.
    for host in [
        "attacker.example",
        &format!("attacker.example:{port}"),
        "127.0.0.1.attacker.example",
    ] {
        let (status, _, body) = server.get_from("/plans/zh/", host);
        assert_eq!(status, 421, "{host}: {body}");
    }
    drop(server);
    // At the root of a host, `//zh` must not become a redirect to the
    // protocol-relative `//zh/`, which a browser reads as the site `zh`.
    site.edit(
        "site.yaml",
        "base_url: https://www.example.gov.cn/plans/",
        "base_url: https://www.example.gov.cn/",
    );
    let server = Server::start(&site);
    assert_eq!(server.get("/zh/").0, 200);
    let (status, head, _) = server.get("//zh");
    assert_eq!(status, 404, "{head}");
    assert!(!head.contains("location: //"), "{head}");
}

#[test]
fn a_plan_edit_is_served_without_rebuilding_the_other_plans() {
    let site = TestSite::bundled();
    let server = Server::start(&site);
    let other = "/en/plans/ganjiang-2021-2023/index.html";
    let (status, _, before) = server.get(other);
    assert_eq!(status, 200);
    let builds = |s: &Server| {
        let log = s.log.lock().unwrap();
        log.iter().filter(|l| l.starts_with("Built")).count()
    };
    let full_builds = builds(&server);
    site.edit(
        "content/plans/ganzhou-2021-work-points/plan.yaml",
        "value: {about: 8.8, qualifier: strive}",
        "value: {about: 8.76, qualifier: strive}",
    );
    // The plan's own page, and the page listing every target, show the new figure.
    let plan = server.wait_for("/en/plans/ganzhou-2021-work-points/index.html", "8.76");
    assert!(plan.contains("8.76"), "the edit was not served");
    let (_, _, all) = server.get("/en/targets/");
    assert!(
        all.contains("8.76"),
        "the all-targets page was not refreshed"
    );
    assert_eq!(
        builds(&server),
        full_builds,
        "{:?}",
        server.log.lock().unwrap()
    );
    let (_, _, after) = server.get(other);
    assert_eq!(before, after);
    // A broken edit of the same plan is reported, and fixing it serves again.
    site.edit(
        "content/plans/ganzhou-2021-work-points/plan.yaml",
        "value: {about: 8.76, qualifier: strive}",
        "value: {about: 8.76, qualifier: strivee}",
    );
    server.wait_for(
        "/en/plans/ganzhou-2021-work-points/index.html",
        "plansite-error",
    );
    site.edit(
        "content/plans/ganzhou-2021-work-points/plan.yaml",
        "qualifier: strivee}",
        "qualifier: strive}",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while server
        .get("/en/plans/ganzhou-2021-work-points/index.html")
        .2
        .contains("plansite-error")
    {
        assert!(
            Instant::now() < deadline,
            "the overlay stayed after the fix"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The directory `serve` builds into (see `preview_dir` in serve.rs).
pub fn served_dir(server: &Server) -> std::path::PathBuf {
    let name = format!("plansite-serve-{}", server.child.id());
    let shm = std::path::Path::new("/dev/shm").join(&name);
    if shm.is_dir() {
        shm
    } else {
        std::env::temp_dir().join(name)
    }
}

/// A preview whose process was killed (tests kill theirs) is removed by the next one,
/// with its memo: left on shared memory, they would fill it.
#[cfg(target_os = "linux")]
#[test]
fn a_killed_preview_is_cleaned_up_by_the_next() {
    let mut gone = Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let pid = gone.id();
    let dir = if std::path::Path::new("/dev/shm").is_dir() {
        std::path::PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let stale = dir.join(format!("plansite-serve-{pid}"));
    let memo = dir.join(format!(".plansite-serve-{pid}.plansite-memo.json"));
    std::fs::create_dir_all(stale.join("zh")).unwrap();
    std::fs::write(stale.join("zh/index.html"), "old").unwrap();
    std::fs::write(&memo, "{}").unwrap();
    let site = TestSite::starter();
    let server = Server::start(&site);
    assert!(!stale.exists(), "the killed preview is still there");
    assert!(!memo.exists(), "its memo is still there");
    // A running preview is left alone.
    assert!(served_dir(&server).is_dir());
}

//! The memory of a process tree, read from /proc: a window is the app's process and the
//! WebKit processes it starts (WebKitWebProcess, WebKitNetworkProcess), so its memory is their sum.

use std::collections::HashMap;
use std::fs;

/// One look at a process tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sample {
    /// The root process's resident set, in KiB.
    pub main_kib: u64,
    /// The resident sets of the root and all its descendants, summed, in KiB.
    pub tree_kib: u64,
    /// Their proportional set sizes summed (a shared page counts for its share in each), KiB:
    /// what the tree really holds, where the summed resident sets count shared pages again.
    pub tree_pss_kib: u64,
    /// The processes of the tree, root first: pid and name.
    pub processes: Vec<(u32, String)>,
}

/// The tree of `root` as it is now; `None` once `root` is gone.
pub fn sample(root: u32) -> Option<Sample> {
    let main_kib = rss_kib(root)?;
    let mut sample = Sample {
        main_kib,
        tree_kib: main_kib,
        tree_pss_kib: pss_kib(root).unwrap_or(0),
        processes: vec![(root, name(root))],
    };
    for pid in descendants(root, &parents()) {
        // A process may end between the listing and the read: it then counts for nothing.
        if let Some(kib) = rss_kib(pid) {
            sample.tree_kib += kib;
            sample.tree_pss_kib += pss_kib(pid).unwrap_or(0);
            sample.processes.push((pid, name(pid)));
        }
    }
    Some(sample)
}

/// Whether process `pid` still exists and is not a zombie.
pub fn is_alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).ok().and_then(|stat| parse_stat(&stat)).is_some_and(|s| s.0 != 'Z')
}

/// Every process's parent: pid → ppid.
fn parents() -> HashMap<u32, u32> {
    let Ok(entries) = fs::read_dir("/proc") else { return HashMap::new() };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some((pid, parse_stat(&stat)?.1))
        })
        .collect()
}

fn rss_kib(pid: u32) -> Option<u64> {
    parse_vm_rss_kib(&fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}

fn pss_kib(pid: u32) -> Option<u64> {
    parse_kib_line(&fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?, "Pss:")
}

/// The program's name: the file name of its first argument (comm is cut at 15 characters).
fn name(pid: u32) -> String {
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let argv0 = cmdline.split(|&byte| byte == 0).next().unwrap_or_default();
    let argv0 = String::from_utf8_lossy(argv0);
    match argv0.rsplit('/').next().filter(|name| !name.is_empty()) {
        Some(name) => name.to_owned(),
        None => fs::read_to_string(format!("/proc/{pid}/comm")).map(|comm| comm.trim().to_owned()).unwrap_or_default(),
    }
}

/// The `VmRSS:` line of /proc/<pid>/status, in KiB (the kernel writes `kB` for KiB). A
/// zombie or kernel thread has none.
pub fn parse_vm_rss_kib(status: &str) -> Option<u64> {
    parse_kib_line(status, "VmRSS:")
}

/// The value of the line starting with `label` in a /proc file of `<label> <n> kB` lines.
fn parse_kib_line(text: &str, label: &str) -> Option<u64> {
    let line = text.lines().find_map(|line| line.strip_prefix(label))?;
    let mut words = line.split_whitespace();
    let value = words.next()?.parse().ok()?;
    (words.next() == Some("kB")).then_some(value)
}

/// The state and the parent pid in /proc/<pid>/stat. The command name, in parentheses, may
/// hold spaces and parentheses itself: the fields are read after the last `)`.
pub fn parse_stat(stat: &str) -> Option<(char, u32)> {
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}

/// The descendants of `root` in a pid → ppid map, in no particular order.
pub fn descendants(root: u32, parents: &HashMap<u32, u32>) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for (&pid, &ppid) in parents {
        children.entry(ppid).or_default().push(pid);
    }
    let mut found = Vec::new();
    let mut next = vec![root];
    while let Some(pid) = next.pop() {
        for &child in children.get(&pid).into_iter().flatten() {
            // pid 0 is the parent of init and kthreadd: never a real child of ours.
            if child != root && !found.contains(&child) {
                found.push(child);
                next.push(child);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resident_set_is_read_from_the_vm_rss_line() {
        let status = "Name:\tWebKitWebProces\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 2345678 kB\n\
                      VmHWM:\t  123456 kB\nVmRSS:\t   98765 kB\nRssAnon:\t   40000 kB\nThreads:\t12\n";
        assert_eq!(parse_vm_rss_kib(status), Some(98_765));
    }

    #[test]
    fn a_status_without_a_resident_set_has_none() {
        assert_eq!(parse_vm_rss_kib("Name:\tkthreadd\nState:\tS (sleeping)\n"), None);
        assert_eq!(parse_vm_rss_kib("VmRSS:\t12 MB\n"), None, "only the kernel's kB unit is understood");
        assert_eq!(parse_vm_rss_kib("VmRSS:\t\n"), None);
    }

    #[test]
    fn the_proportional_set_is_read_from_smaps_rollup() {
        let rollup = "55d0c0a00000-7ffd1c3fe000 ---p 00000000 00:00 0                  [rollup]\n\
                      Rss:              161024 kB\nPss:               98304 kB\nPss_Anon:          40000 kB\n";
        assert_eq!(parse_kib_line(rollup, "Pss:"), Some(98_304));
        assert_eq!(parse_kib_line(rollup, "Rss:"), Some(161_024));
    }

    #[test]
    fn the_parent_is_read_after_the_last_parenthesis_of_the_name() {
        let stat = "4242 (tessera-license) S 4200 4242 4200 0 -1 4194560 1234 0 0 0 5 3 0 0 20 0 9 0";
        assert_eq!(parse_stat(stat), Some(('S', 4200)));
        let odd_name = "77 (a) b (c) Z) Z 1 77 77 0 -1";
        assert_eq!(parse_stat(odd_name), Some(('Z', 1)));
        assert_eq!(parse_stat("garbage"), None);
        assert_eq!(parse_stat("12 (x) R notapid"), None);
    }

    #[test]
    fn descendants_include_grandchildren_but_not_siblings() {
        // 10 → 11 (WebKitWebProcess), 10 → 12 (WebKitNetworkProcess) → 13; 20 is someone else's.
        let parents = HashMap::from([(10, 1), (11, 10), (12, 10), (13, 12), (20, 1), (21, 20)]);
        let mut found = descendants(10, &parents);
        found.sort_unstable();
        assert_eq!(found, vec![11, 12, 13]);
        assert!(descendants(13, &parents).is_empty());
    }

    #[test]
    fn this_process_can_be_sampled() {
        let sample = sample(std::process::id()).expect("this process exists");
        assert!(sample.main_kib > 0);
        assert!(sample.tree_kib >= sample.main_kib);
        assert!(sample.tree_pss_kib > 0 && sample.tree_pss_kib <= sample.tree_kib);
        assert_eq!(sample.processes[0].0, std::process::id());
        assert!(is_alive(std::process::id()));
    }
}

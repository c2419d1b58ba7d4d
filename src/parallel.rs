//! Work on all cores over a stream of items, results handed on in input order, in bounded memory.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use anyhow::Result;

/// The number of worker threads: one per core.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs `work` on every item on `threads` threads, and hands the results to `sink` in input order
/// (so output is the same whatever the scheduling). Items are pulled from `items` only as fast
/// as results are sunk: at most `4 × threads` items are between the two at any time, however
/// large the corpus and however long one item takes. Stops early when `sink` fails.
pub(crate) fn map_ordered<I: Send, T: Send>(
    items: impl Iterator<Item = I> + Send,
    threads: usize,
    work: impl Fn(I) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    if threads <= 1 {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    let window = Window::new(threads * 4);
    let stop = AtomicBool::new(false);
    let (item_tx, item_rx) = mpsc::sync_channel::<(usize, I)>(threads * 4);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, T)>(threads * 4);
    let item_rx = Mutex::new(item_rx);
    std::thread::scope(|scope| {
        // The feeder reads the input (files, decompression) while the workers extract.
        let (window, stop) = (&window, &stop);
        scope.spawn(move || {
            for (i, item) in items.enumerate() {
                if !window.acquire() || item_tx.send((i, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..threads {
            let (item_rx, done_tx, work) = (&item_rx, done_tx.clone(), &work);
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next item.
                    let next = item_rx.lock().map_or(None, |rx| rx.recv().ok());
                    let Some((i, item)) = next else { break };
                    if stop.load(Ordering::Relaxed) || done_tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut due = 0;
        let result = (|| {
            for (i, value) in &done_rx {
                pending.insert(i, value);
                while let Some(value) = pending.remove(&due) {
                    sink(value)?;
                    window.release();
                    due += 1;
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        window.close();
        drop(done_rx);
        result
    })
}

/// A counting semaphore: how many more items may be taken before earlier ones are sunk.
struct Window {
    free: Mutex<(usize, bool)>,
    changed: Condvar,
}

impl Window {
    fn new(size: usize) -> Self {
        Self { free: Mutex::new((size, false)), changed: Condvar::new() }
    }

    /// Takes a place, waiting for one; `false` once closed.
    fn acquire(&self) -> bool {
        let Ok(mut state) = self.free.lock() else { return false };
        while state.0 == 0 && !state.1 {
            let Ok(next) = self.changed.wait(state) else { return false };
            state = next;
        }
        if state.1 {
            return false;
        }
        state.0 -= 1;
        true
    }

    fn release(&self) {
        if let Ok(mut state) = self.free.lock() {
            state.0 += 1;
            self.changed.notify_one();
        }
    }

    fn close(&self) {
        if let Ok(mut state) = self.free.lock() {
            state.1 = true;
            self.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_come_in_input_order_on_any_number_of_threads() {
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            map_ordered(
                0..500u64,
                threads,
                |i| i * i,
                |v| {
                    out.push(v);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(out, (0..500u64).map(|i| i * i).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn at_most_a_window_of_items_is_in_flight() {
        let taken = AtomicUsize::new(0);
        let sunk = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let items = (0..400).inspect(|_| {
            let ahead = taken.fetch_add(1, Ordering::SeqCst) + 1 - sunk.load(Ordering::SeqCst);
            most.fetch_max(ahead, Ordering::SeqCst);
        });
        // The first item is slow: without the window, the others would all pile up behind it.
        let work = |i: i32| {
            if i == 0 {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            i
        };
        map_ordered(items, 2, work, |_| {
            sunk.fetch_add(1, Ordering::SeqCst);
            Ok(())
        })
        .unwrap();
        assert_eq!(sunk.load(Ordering::SeqCst), 400);
        assert!(most.load(Ordering::SeqCst) <= 2 * 4 + 1, "{} in flight", most.load(Ordering::SeqCst));
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let mut seen = 0;
        let result = map_ordered(
            0..10_000,
            2,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 { Err(anyhow::anyhow!("full disk")) } else { Ok(()) }
            },
        );
        assert_eq!(result.unwrap_err().to_string(), "full disk");
        assert_eq!(seen, 11);
    }
}

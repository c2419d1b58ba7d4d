//! Worker processes, each running one query at a time, and the limits that end them.
//!
//! oxigraph's `CancellationToken` is only looked at when the evaluator reads the store, so a
//! cross product of patterns already in memory (or the optimizer, on a query of a thousand
//! patterns) runs on for minutes after it was cancelled; and a thread cannot be stopped from
//! outside. A process can: a worker that passes its time or memory limit, whose client went
//! away, or that crashed, is killed and replaced, and the server goes on. Memory is read from
//! `/proc/PID/status` (`VmRSS`) every [`MEMORY_POLL`]; where there is no `/proc`, only the time
//! limit applies.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Mutex;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::sync::Semaphore;

use super::worker::{WorkerAnswer, WorkerRequest};

/// How often a busy worker's memory is read.
pub const MEMORY_POLL: Duration = Duration::from_millis(20);

/// Why a worker gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// Every worker stayed busy for the whole wait.
    #[error("all {0} query workers are busy; try again shortly")]
    Busy(usize),
    /// The query passed its time limit; its worker was killed.
    #[error(transparent)]
    Limit(crate::QueryError),
    /// The worker died (a crash, or killed from outside).
    #[error("the query stopped its worker process ({0}); the server goes on")]
    Crashed(String),
    /// No worker could be started.
    #[error("cannot start a query worker: {0}")]
    Spawn(std::io::Error),
}

/// The command that starts a worker, and the limits on each.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    /// The program (`tupu`).
    pub program: PathBuf,
    /// Its arguments (`serve-worker --store DIR`).
    pub args: Vec<OsString>,
}

/// A running worker.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Worker {
    fn spawn(command: &WorkerCommand) -> std::io::Result<Self> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()?;
        let stdin = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?;
        Ok(Self { child, stdin, stdout: BufReader::new(stdout) })
    }

    /// Why the process ended, when it has.
    fn exit_reason(&mut self) -> String {
        match self.child.try_wait() {
            Ok(Some(status)) => describe_exit(status),
            _ => "it stopped answering".to_owned(),
        }
    }
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return match signal {
                6 => "it aborted, most likely on a stack overflow: the query may be too deeply built".to_owned(),
                9 => "it was killed".to_owned(),
                11 => "it crashed (segmentation fault)".to_owned(),
                s => format!("it ended on signal {s}"),
            };
        }
    }
    format!("it exited with {status}")
}

async fn write_frame(out: &mut ChildStdin, bytes: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| std::io::Error::other("frame too large"))?;
    out.write_all(&len.to_be_bytes()).await?;
    out.write_all(bytes).await?;
    out.flush().await
}

async fn read_frame(input: &mut BufReader<ChildStdout>) -> std::io::Result<Vec<u8>> {
    let len = input.read_u32().await?;
    let mut bytes = vec![0; len as usize];
    input.read_exact(&mut bytes).await?;
    Ok(bytes)
}

/// A fixed number of workers; a request waits for one to be free.
pub struct Pool {
    command: WorkerCommand,
    size: usize,
    idle: Mutex<Vec<Worker>>,
    permits: Semaphore,
    max_memory_kb: u64,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("size", &self.size).finish_non_exhaustive()
    }
}

impl Pool {
    /// `size` workers started by `command`, each allowed `max_memory_mb` of resident memory.
    /// Workers start when first needed and are kept for the next request.
    #[must_use]
    pub fn new(command: WorkerCommand, size: usize, max_memory_mb: u64) -> Self {
        let size = size.max(1);
        Self {
            command,
            size,
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(size),
            max_memory_kb: max_memory_mb.saturating_mul(1024),
        }
    }

    /// Starts every worker now, so the first requests do not pay for it.
    ///
    /// # Errors
    /// When a worker cannot be started.
    pub fn warm_up(&self) -> std::io::Result<()> {
        let mut idle = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while idle.len() < self.size {
            idle.push(Worker::spawn(&self.command)?);
        }
        Ok(())
    }

    /// Sends `request` to a free worker and returns its answer. Waits at most `wait` for a
    /// worker, then gives the worker `timeout`. The worker is killed when the time is up, when
    /// it passes its memory limit, or when the returned future is dropped (the client went away).
    ///
    /// # Errors
    /// [`PoolError`] saying which.
    pub async fn run(
        &self,
        request: &WorkerRequest,
        wait: Duration,
        timeout: Duration,
    ) -> Result<(WorkerAnswer, Vec<u8>), PoolError> {
        let frame = serde_json::to_vec(request).map_err(|e| PoolError::Crashed(e.to_string()))?;
        let _permit = match tokio::time::timeout(wait, self.permits.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(PoolError::Busy(self.size)),
        };
        let taken = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let mut worker = match taken {
            Some(worker) => worker,
            None => Worker::spawn(&self.command).map_err(PoolError::Spawn)?,
        };
        // Dropped with this future: `kill_on_drop` ends a worker whose client went away.
        let outcome = {
            let max_kb = self.max_memory_kb;
            let Worker { child, stdin, stdout } = &mut worker;
            let pid = child.id();
            let exchange = exchange(stdin, stdout, &frame);
            tokio::pin!(exchange);
            let deadline = tokio::time::sleep(timeout);
            tokio::pin!(deadline);
            let mut poll = tokio::time::interval(MEMORY_POLL);
            loop {
                tokio::select! {
                    result = &mut exchange => break Outcome::Answered(result),
                    () = &mut deadline => break Outcome::TimedOut,
                    _ = poll.tick() => {
                        if pid.and_then(|p| crate::resident_memory_kb(Some(p))).is_some_and(|kb| kb > max_kb) {
                            break Outcome::OutOfMemory;
                        }
                    }
                }
            }
        };
        match outcome {
            Outcome::Answered(Ok(answer)) => {
                self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(worker);
                Ok(answer)
            }
            Outcome::Answered(Err(_)) => {
                let _ = worker.child.wait().await;
                Err(PoolError::Crashed(worker.exit_reason()))
            }
            Outcome::TimedOut => {
                let _ = worker.child.kill().await;
                Err(PoolError::Limit(crate::QueryError::TimedOut(timeout)))
            }
            Outcome::OutOfMemory => {
                let _ = worker.child.kill().await;
                Err(PoolError::Limit(crate::QueryError::OutOfMemory(self.max_memory_kb / 1024)))
            }
        }
    }
}

enum Outcome {
    Answered(std::io::Result<(WorkerAnswer, Vec<u8>)>),
    TimedOut,
    OutOfMemory,
}

async fn exchange(
    stdin: &mut ChildStdin,
    stdout: &mut BufReader<ChildStdout>,
    request: &[u8],
) -> std::io::Result<(WorkerAnswer, Vec<u8>)> {
    write_frame(stdin, request).await?;
    let head = read_frame(stdout).await?;
    let answer: WorkerAnswer = serde_json::from_slice(&head).map_err(std::io::Error::other)?;
    let body = read_frame(stdout).await?;
    Ok((answer, body))
}

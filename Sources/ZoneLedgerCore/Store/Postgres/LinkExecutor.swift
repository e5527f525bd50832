import PostgresNIO

/// Runs postgres-nio's async calls for a synchronous caller on the link's own event loop thread.
///
/// Why not a plain `Task` and a semaphore: the task would run on Swift's shared pool, which has
/// one thread per core (two here), and the blocked caller may itself be one of those threads (a
/// Swift Testing test, or anything called from async code). Two such callers would wait forever.
/// With this executor as the task's preference, every job of the task runs on the event loop
/// thread, which no caller ever blocks.
final class LinkExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// `work`'s result, waited for on the calling thread (never the event loop's own).
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let promise = eventLoop.makePromise(of: T.self)
        Task(executorPreference: self) {
            do { promise.succeed(try await work()) } catch { promise.fail(error) }
        }
        return try promise.futureResult.wait()
    }
}

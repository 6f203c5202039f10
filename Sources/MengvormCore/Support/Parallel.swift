import Dispatch

/// Runs `body` for 0..<count on all cores and returns the results in order.
/// Pages are independent once the site index exists, so this is where a build gets its speed.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    // Deinitialize before freeing: LeakSanitizer showed every result leaking without it
    // (in `serve`, every rebuild kept a copy of every page).
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    withoutActuallyEscaping(body) { body in
        let shared = SharedWork(body: body, results: results)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared.results[index] = shared.body(index)
        }
    }
    return results.map { $0! }
}

/// Each iteration writes only its own slot, so sharing the buffer across threads is safe.
private struct SharedWork<T>: @unchecked Sendable {
    let body: (Int) -> T
    let results: UnsafeMutableBufferPointer<T?>
}

/// One value made on another thread while the caller goes on; `value` waits for it.
final class Background<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    init(_ make: @escaping () -> T) {
        let work = UnsafeTransfer(make)
        DispatchQueue.global().async {
            self.result = work.value()
            self.done.signal()
        }
    }

    /// Waits once; later reads return the same value.
    lazy var value: T = {
        done.wait()
        return result!
    }()
}

/// A value handed to one other thread, which alone uses it from then on.
private struct UnsafeTransfer<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

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

/// `body` for `parts` consecutive ranges that split 0..<count evenly, side by side, results in order;
/// one range for fewer than `minimum` items (not worth a thread).
func parallelRanges<T>(_ count: Int, parts: Int, minimum: Int, _ body: (Range<Int>) -> T) -> [T] {
    let parts = count < minimum ? 1 : parts
    return parallelMap(parts) { part in body((count * part / parts)..<(count * (part + 1) / parts)) }
}

/// `first` and `second` side by side; their results.
func parallelPair<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let results = parallelMap(2) { index -> Any in index == 0 ? first() : second() }
    return (results[0] as! A, results[1] as! B)
}

/// Each iteration writes only its own slot, so sharing the buffer across threads is safe.
private struct SharedWork<T>: @unchecked Sendable {
    let body: (Int) -> T
    let results: UnsafeMutableBufferPointer<T?>
}

/// `body` on another thread while the caller goes on; `wait()` gives its result (once).
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = body()
            self.done.signal()
        }
    }

    func wait() -> T {
        done.wait()
        return result.take()!
    }
}

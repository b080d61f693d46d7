import Foundation

/// Runs independent jobs on `jobs` threads and hands back their results in input order; `done` is
/// called (serialised) after each job with the number finished so far.
enum ParallelWork {
    static func map<Input, Output>(_ inputs: [Input], jobs: Int, done: @escaping (Int) -> Void = { _ in },
                                   _ work: @escaping (Input) -> Output) -> [Output] {
        let state = State<Output>(count: inputs.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, inputs.count)) {
            group.enter()
            let thread = Thread {
                while let index = state.take() {
                    let output = work(inputs[index])
                    state.store(output, at: index, done: done)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return state.results.map { $0! }
    }

    /// The shared queue position and results, guarded by a lock.
    private final class State<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var finished = 0
        private(set) var results: [Output?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ output: Output, at index: Int, done: (Int) -> Void) {
            lock.lock(); defer { lock.unlock() }
            results[index] = output
            finished += 1
            done(finished)
        }
    }
}

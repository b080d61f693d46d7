import ClipRotation
import Foundation

/// Hands stat rows from a parsing thread to the database thread in batches, so reading the file and writing the
/// rows use both cores. Bounded: the parser waits when the writer falls behind. Either side can stop the other.
final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[StatRow]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private let capacity: Int
    private let producerDone = DispatchSemaphore(value: 0)

    init(capacity: Int = 16) { self.capacity = capacity }

    /// Runs `produce` on its own thread; each emitted row goes into the pipe.
    func start(batchSize: Int = 2048, _ produce: @escaping @Sendable (_ emit: (StatRow) throws -> Void) throws -> Void) {
        let thread = Thread { [self] in
            var batch: [StatRow] = []
            batch.reserveCapacity(batchSize)
            do {
                try produce { row in
                    batch.append(row)
                    if batch.count == batchSize {
                        try put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try put(batch) }
                finish(nil)
            } catch {
                finish(error)
            }
            producerDone.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch; nil at the end; rethrows the producer's error.
    func take() throws -> [StatRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer (the consumer failed) and waits until its thread has returned.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
        producerDone.wait()
    }

    /// Waits until the producer's thread has returned (after `take` gave nil or threw).
    func waitForProducer() { producerDone.wait() }

    private func put(_ batch: [StatRow]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        batches.append(batch)
        condition.broadcast()
    }

    private func finish(_ error: Error?) {
        condition.lock()
        finished = true
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}

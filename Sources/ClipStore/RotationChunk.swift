/// Rotation applies plans in chunks: one transaction per chunk keeps a run over thousands of plans from holding
/// one huge transaction, while a chunk's plans are read, decided and written together.
enum RotationChunk {
    static let plans = 400
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

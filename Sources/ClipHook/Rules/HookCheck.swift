/// The checks of `clipkit hook`, one per stable finding id, with what each one measures.
public enum HookCheck: String, CaseIterable, Sendable, Codable {
    case blackOpen = "black_open"
    case frozenOpen = "frozen_open"
    case noEarlyCut = "no_early_cut"
    case lowMotion = "low_motion"
    case silentOpen = "silent_open"
    case quietOpen = "quiet_open"
    case clipping
    case letterbox
    case blurry
    case tooDark = "too_dark"
    case overexposed
    case dullColors = "dull_colors"
    case wrongAspect = "wrong_aspect"
    case lowResolution = "low_resolution"
    case tooShort = "too_short"
    case tooLong = "too_long"
    case noAudio = "no_audio"

    /// Which side of the threshold is bad.
    public enum Direction: String, Sendable {
        /// Fires when the value is above the threshold.
        case higherIsWorse
        /// Fires when the value is below the threshold.
        case lowerIsWorse
        /// A yes/no check: fires when the value is 1.
        case presence
    }

    public var direction: Direction {
        switch self {
        case .blackOpen, .frozenOpen, .noEarlyCut, .silentOpen, .clipping, .letterbox, .overexposed,
             .wrongAspect, .tooLong:
            return .higherIsWorse
        case .lowMotion, .quietOpen, .blurry, .tooDark, .dullColors, .lowResolution, .tooShort:
            return .lowerIsWorse
        case .noAudio:
            return .presence
        }
    }

    /// The unit of the value, as printed after it.
    public var unit: String {
        switch self {
        case .blackOpen, .frozenOpen, .noEarlyCut, .silentOpen, .tooShort, .tooLong: return "s"
        case .quietOpen: return "LUFS"
        case .clipping: return "dBTP"
        case .letterbox: return "of frame"
        case .lowMotion, .tooDark, .overexposed: return "/255"
        case .blurry: return "Laplacian var"
        case .dullColors: return "M"
        case .wrongAspect: return "off"
        case .lowResolution: return "px short side"
        case .noAudio: return ""
        }
    }

    /// Whether the check looks at the whole file rather than the opening window.
    public var isWholeFile: Bool {
        [.wrongAspect, .lowResolution, .tooShort, .tooLong, .noAudio].contains(self)
    }

    /// The measured value this check compares, or nil when it could not be measured (then it does not fire).
    public func value(_ m: HookMetrics, target aspect: Double) -> Double? {
        switch self {
        case .blackOpen: return m.opening.blackOpen
        case .frozenOpen: return m.opening.frozen
        // No cut before the end of the analysed range counts as the whole window and a bit: "later than the window".
        case .noEarlyCut: return m.opening.firstCut ?? .infinity
        case .lowMotion: return m.opening.motion
        // Sound that never starts in the window is as late as it gets.
        case .silentOpen: return m.hasAudio ? (m.opening.firstSound ?? .infinity) : nil
        // A silent window is silent_open's finding; loudness is judged once there is sound.
        case .quietOpen: return m.opening.firstSound == nil ? nil : m.opening.openingLoudness
        case .clipping: return m.opening.truePeak ?? m.opening.samplePeak
        case .letterbox: return m.picture?.bars.coveredFraction
        case .blurry: return m.picture?.sharpness
        case .tooDark, .overexposed: return m.picture?.meanLuma
        case .dullColors: return m.picture?.colorfulness
        case .wrongAspect: return aspect > 0 && m.aspect > 0 ? abs(m.aspect / aspect - 1) : nil
        case .lowResolution: return Double(min(m.width, m.height))
        case .tooShort, .tooLong: return m.duration
        case .noAudio: return m.hasAudio ? 0 : 1
        }
    }

    /// The time span the finding is about.
    public func span(_ m: HookMetrics) -> (start: Double, end: Double) {
        switch self {
        case .blackOpen: return (0, m.opening.blackOpen)
        case .frozenOpen: return (m.opening.frozenStart ?? 0, (m.opening.frozenStart ?? 0) + m.opening.frozen)
        case .noEarlyCut: return (0, min(m.opening.firstCut ?? m.window, m.window))
        case .silentOpen: return (0, min(m.opening.firstSound ?? m.window, m.window))
        default: return isWholeFile ? (0, m.duration) : (0, m.window)
        }
    }
}

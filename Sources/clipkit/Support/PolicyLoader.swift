import ClipPresets
import ClipRotation

/// Loads rotation policies by name or path (`Presets/policies`), once each, and rejects inconsistent ones.
final class PolicyLoader: @unchecked Sendable {
    private var loaded: [String: RotationPolicy] = [:]

    func policy(_ nameOrPath: String) throws -> RotationPolicy {
        if let policy = loaded[nameOrPath] { return policy }
        let policy = try PresetLocator.load(RotationPolicy.self, kind: "policies", nameOrPath)
        if !policy.problems.isEmpty {
            let file = (try? PresetLocator.url(kind: "policies", nameOrPath).path) ?? nameOrPath
            throw PresetError("\(file): \(policy.problems.joined(separator: "; "))")
        }
        loaded[nameOrPath] = policy
        return policy
    }
}

import ClipPresets
import ClipRotation
import TestSupport

/// The shipped default policy.
enum DefaultPolicy {
    static func load() throws -> RotationPolicy {
        try PresetLocator.decode(RotationPolicy.self, from: Fixtures.repositoryRoot.appendingPathComponent("Presets/policies/default.yaml"))
    }
}

import ClipPresets
import ClipRotation
import TestSupport

/// The shipped default policy, decoded from `Presets/policies/default.yaml` so the tests judge with the real numbers.
enum PolicyFile {
    static func defaultPolicy() throws -> RotationPolicy {
        try PresetLocator.decode(RotationPolicy.self, from: Fixtures.repositoryRoot.appendingPathComponent("Presets/policies/default.yaml"))
    }
}

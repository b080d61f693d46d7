import ClipPresets
import Foundation

/// The languages findings can be written in.
public enum HookLanguage: String, Sendable, CaseIterable, Codable {
    case en, zh

    /// Chinese when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) says so, English otherwise.
    public static func fromLocale(_ environment: [String: String]) -> HookLanguage {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

/// The text of every finding in every language, from `Presets/hook/messages.yaml`: a one-line message
/// with `{value}`, `{threshold}` and `{unit}` placeholders and a one-line fix hint.
public struct HookMessages: Sendable, Equatable, Codable {
    /// One finding's text in one language.
    public struct Text: Sendable, Equatable, Codable {
        public var message: String
        public var fix: String
        /// The message when the value is unbounded (no cut, no sound in the window at all).
        public var never: String?

        public init(message: String, fix: String, never: String? = nil) {
            self.message = message
            self.fix = fix
            self.never = never
        }
    }

    /// Finding id → language code → text.
    public var findings: [String: [String: Text]]

    public init(findings: [String: [String: Text]]) {
        self.findings = findings
    }

    /// Loads the messages by name (`messages`) or path and checks that every check has both languages.
    public static func load(_ nameOrPath: String = "messages") throws -> HookMessages {
        let file = try PresetLocator.url(kind: "hook", nameOrPath)
        let messages = try PresetLocator.decode(HookMessages.self, from: file)
        for check in HookCheck.allCases {
            for language in HookLanguage.allCases where messages.findings[check.rawValue]?[language.rawValue] == nil {
                throw PresetError("\(file.path): no \(language.rawValue) text for finding '\(check.rawValue)'")
            }
        }
        return messages
    }

    /// The message and fix of a check in a language, placeholders filled in.
    public func text(_ check: HookCheck, _ language: HookLanguage, value: Double?, threshold: Double?) -> Text {
        let text = findings[check.rawValue]?[language.rawValue] ?? Text(message: check.rawValue, fix: "")
        func fill(_ template: String) -> String {
            template.replacingOccurrences(of: "{value}", with: HookMessages.format(value, check))
                .replacingOccurrences(of: "{threshold}", with: HookMessages.format(threshold, check))
                .replacingOccurrences(of: "{unit}", with: check.unit)
        }
        let message = value == nil ? (text.never ?? text.message) : text.message
        return Text(message: fill(message), fix: fill(text.fix))
    }

    /// A value as printed in messages: few decimals, percentages for fractions.
    public static func format(_ value: Double?, _ check: HookCheck) -> String {
        guard let value, value.isFinite else { return "—" }
        switch check {
        case .letterbox, .wrongAspect: return "\(Int((value * 100).rounded()))%"
        case .lowResolution, .blurry: return "\(Int(value.rounded()))"
        default:
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
        }
    }
}

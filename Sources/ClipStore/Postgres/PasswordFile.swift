import Foundation

/// libpq's password file (`PGPASSFILE`, else `~/.pgpass`): lines of `host:port:database:user:password`, each of
/// the first four a value or `*`, `\:` and `\\` escaped, `#` starting a comment; the first matching line wins.
/// As libpq does, a file that the group or others may read is ignored (with a warning), and a password in the
/// URL or in `PGPASSWORD` wins over the file.
struct PasswordFile {
    struct Entry: Equatable {
        var fields: [String]   // host, port, database, user: a value or "*"
        var password: String
    }

    let entries: [Entry]

    init(text: String) {
        entries = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).compactMap(Self.entry)
    }

    /// The file the environment names, if it exists and only its owner may read it; nil otherwise.
    /// `warn` hears why a file that exists was not used.
    static func load(environment: [String: String], warn: (String) -> Void) -> PasswordFile? {
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.pgpass" }
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            warn("password file \(path) has group or world access; permissions should be u=rw (0600) or less: not used")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            warn("password file \(path) cannot be read as UTF-8 text: not used")
            return nil
        }
        return PasswordFile(text: text)
    }

    /// The password of the first line matching this connection. A socket path counts as `localhost`, as in libpq.
    func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host.hasPrefix("/") ? "localhost" : host, String(port), database, user]
        return entries.first { entry in zip(entry.fields, wanted).allSatisfy { $0 == "*" || $0 == $1 } }?.password
    }

    /// One line split on unescaped colons; nil for comments and lines without five fields.
    private static func entry(_ line: Substring) -> Entry? {
        guard !line.hasPrefix("#") else { return nil }
        var fields: [String] = [], field = "", escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        guard fields.count == 4 else { return nil }
        return Entry(fields: fields, password: field)
    }
}

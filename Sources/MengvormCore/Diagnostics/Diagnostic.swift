/// A place in a source file of the site; line and column are 1-based, 0 when unknown.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Path relative to the site root, with `/` separators.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// `path:line:column`, leaving out what is unknown.
    public var description: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }
}

/// One problem found in a build, tied to the place an editor has to fix.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// The first line as compilers print it: `path:line:column: error: message`.
    public var headline: String {
        let place = location.map { "\($0.description): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics across stages; every stage adds to it and keeps going.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    init(_ all: [Diagnostic]) { self.all = all }

    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func add(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        add(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        add(.warning(message, at: location))
    }

    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, duplicates removed; `strict` turns warnings into errors.
    public func sorted(strict: Bool = false) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = all.map { diagnostic -> Diagnostic in
            var copy = diagnostic
            if strict { copy.severity = .error }
            return copy
        }.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            switch (a.location, b.location) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.message < b.message
            }
        }
    }
}

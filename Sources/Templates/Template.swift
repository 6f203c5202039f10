import Foundation

/// A parsed template: a tree of nodes whose names are split into paths and whose transforms are
/// resolved, so rendering never looks at template text again.
public struct Template: Sendable {
    let nodes: [Node]
}

/// One piece of a template. Only the cases that hold nodes are boxed: a text node is copied out of
/// its list without touching a reference count (two threads rendering the same template retained the
/// same boxes and strings, and that shared counter was 2 % of a default-theme build).
enum Node: Sendable {
    /// Text as it is. Parsed text is cut only at ASCII bytes, so each piece is valid UTF-8 by itself.
    case text(TemplateText)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    indirect case variable(Path, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    indirect case section(Path, inverted: Bool, body: [Node])
    /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}` (the overrides of its `{{$block}}`s).
    /// `indentation` is nil for a partial that is not on a line of its own.
    indirect case partial(name: String, indentation: String?, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` where a template is expanded. `intrinsic` is the indentation of
    /// the default's first line when the tag stands on a line of its own: an override gets it too.
    indirect case block(name: String, defaultBody: [Node], indentation: String, intrinsic: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override, collected by the parser.
    indirect case blockOverride(name: String, body: [Node])

    static func bytes(_ bytes: [UInt8]) -> Node { .text(TemplateText.interned(bytes)) }
}

/// A template's text, kept for the life of the process and shared by every template with the same text,
/// so a node holds a plain pointer. Interning bounds what `serve` keeps when it parses an edited theme
/// again: only text that is new is added.
struct TemplateText: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [[UInt8]: UnsafeBufferPointer<UInt8>] = [:]

    static func interned(_ text: [UInt8]) -> TemplateText {
        lock.lock()
        defer { lock.unlock() }
        if let bytes = known[text] { return TemplateText(bytes: bytes) }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.count, 1))
        _ = storage.initialize(from: text)
        let bytes = UnsafeBufferPointer(rebasing: storage[..<text.count])
        known[text] = bytes
        return TemplateText(bytes: bytes)
    }
}

/// A dotted name with its transforms: `{{#first(page.tags)}}` is `page`, `tags` and `first`.
/// A class, so a node hands it to the lookup with one reference, not a copy of its two lists.
final class Path: Sendable {
    enum Start: Sendable {
        /// `.`: the top of the context stack.
        case top
        /// `.name`: the top of the stack only, without climbing.
        case anchored
        /// `name`: the first frame from the top that has the first name.
        case stack
    }

    let start: Start
    let names: [TemplateName]
    /// In the order they apply: `a(b(x))` applies `b` first.
    let transforms: [Transform]

    init(start: Start, names: [TemplateName], transforms: [Transform]) {
        self.start = start
        self.names = names
        self.transforms = transforms
    }
}

/// The transforms a template may apply to a value, with the results swift-mustache gave.
enum Transform: String, Sendable, CaseIterable {
    case first, last, count, empty, reversed, lowercased, uppercased, capitalized
}

/// A name a template looks up (`title` in `{{page.title}}`), with the number this process gave it: views
/// compare numbers, not text (a view's lookup tried its names one text comparison after another; a
/// default-theme build does about a hundred lookups a page).
public struct TemplateName: Hashable, Sendable, CustomStringConvertible {
    /// The same number for the same text, for the life of the process.
    public let id: Int
    public let string: String

    /// Interns `string`: call it once per name (when a template is parsed, or in a view's `static let`),
    /// not per lookup.
    public init(_ string: String) {
        self.string = string
        id = Self.number(for: string)
    }

    public var description: String { string }

    @inlinable public static func == (left: TemplateName, right: TemplateName) -> Bool { left.id == right.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    private static func number(for string: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[string] { return number }
        let number = numbers.count
        numbers[string] = number
        return number
    }
}

/// A parsed template: a tree of nodes whose names are split into paths and whose transforms are
/// resolved, so rendering never looks at template text again.
public struct Template: Sendable {
    let nodes: [Node]
}

/// One piece of a template.
indirect enum Node: Sendable {
    /// Text as it is. Parsed text is cut only at ASCII bytes, so each piece is valid UTF-8 by itself.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(Path, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(Path, inverted: Bool, body: [Node])
    /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}` (the overrides of its `{{$block}}`s).
    /// `indentation` is nil for a partial that is not on a line of its own.
    case partial(name: String, indentation: String?, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` where a template is expanded. `intrinsic` is the indentation of
    /// the default's first line when the tag stands on a line of its own: an override gets it too.
    case block(name: String, defaultBody: [Node], indentation: String, intrinsic: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override, collected by the parser.
    case blockOverride(name: String, body: [Node])

    static func bytes(_ bytes: [UInt8]) -> Node { .text(String(decoding: bytes, as: UTF8.self)) }
}

/// A dotted name with its transforms: `{{#first(page.tags)}}` is `page`, `tags` and `first`.
struct Path: Sendable {
    enum Start: Sendable {
        /// `.`: the top of the context stack.
        case top
        /// `.name`: the top of the stack only, without climbing.
        case anchored
        /// `name`: the first frame from the top that has the first name.
        case stack
    }

    let start: Start
    let names: [String]
    /// In the order they apply: `a(b(x))` applies `b` first.
    let transforms: [Transform]
}

/// The transforms a template may apply to a value, with the results swift-mustache gave.
enum Transform: String, Sendable, CaseIterable {
    case first, last, count, empty, reversed, lowercased, uppercased, capitalized
}

/// Why a template cannot be parsed, and where: `line` and `column` count from 1 (columns in characters).
public struct TemplateError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `{{/name}}` closes a section that is not the open one (`open` is nil at the top level).
        case closeDoesNotMatch(open: String?, found: String)
        /// A tag without its `}}`, or with characters a name may not have.
        case unfinishedTag
        /// The text ends inside a tag or comment.
        case endsInsideTag
        /// A section is still open at the end of the text.
        case sectionNotClosed(name: String)
        /// `{{=<% %>=}}` written wrongly.
        case badDelimiter
        /// `{{$name}}` with a transform.
        case transformOnBlock
        /// Something other than `{{$block}}`s (and text, which is ignored) inside `{{<parent}}`.
        case tagInsideParent
        /// A `{{% … }}` tag: malformed, or (`valid` true) a setting this engine does not have.
        case setting(valid: Bool)
        /// `name(…)` where `name` is no transform.
        case unknownTransform(String)
        /// `first()`: a transform without a value.
        case transformWithoutName(String)
    }

    public let kind: Kind
    public let line: Int
    public let column: Int

    /// The plain-English message shown to theme authors.
    public var message: String {
        switch kind {
        case .closeDoesNotMatch(let open?, let found):
            return "this closing tag `{{/\(found)}}` does not match the section that is open; close `{{#\(open)}}` with `{{/\(open)}}`"
        case .closeDoesNotMatch(nil, let found):
            return "this closing tag `{{/\(found)}}` does not match the section that is open; no section is open here"
        case .unfinishedTag: return "this tag is not finished: close it with `}}`"
        case .endsInsideTag: return "the template ends inside a tag: close every `{{` with `}}`"
        case .sectionNotClosed(let name):
            return "a section is not closed: add `{{/\(name)}}` for its `{{#\(name)}}` or `{{^\(name)}}`"
        case .badDelimiter: return "this delimiter change is malformed; write it like `{{=<% %>=}}`"
        case .transformOnBlock: return "a transform cannot be applied to an inherited section"
        case .tagInsideParent: return "inside `{{<layout}}` only `{{$block}}` sections may stand"
        case .setting(valid: false): return "this `{{% … }}` setting is malformed"
        case .setting(valid: true): return "unknown `{{% … }}` setting; this engine has none"
        case .unknownTransform(let name):
            return "unknown transform `\(name)`; known: \(Transform.allCases.map(\.rawValue).joined(separator: ", "))"
        case .transformWithoutName(let name): return "`\(name)()` needs a name inside the brackets, like `\(name)(list)`"
        }
    }
}

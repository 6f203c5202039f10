/// Templates by name, for rendering and as partials of each other. Register them all first; after
/// that the library is a value that many threads may render from at once.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Parses `text` and registers it as `name`; a template that does not parse is not registered.
    /// `firstLineAfterTag`: see `TemplateParser.parse`.
    public mutating func register(_ text: String, named name: String, firstLineAfterTag: Bool = false) throws(TemplateError) {
        templates[name] = try TemplateParser.parse(text, firstLineAfterTag: firstLineAfterTag)
    }

    public func template(named name: String) -> Template? { templates[name] }

    /// `value` rendered with the template `name`, or nil when there is no such template.
    public func render(_ value: Any, template name: String) -> String? {
        renderBytes(value, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same as UTF-8 bytes, for a file: every piece is valid UTF-8 already, so nothing checks it again.
    /// `capacity`: the bytes to reserve at once (a buffer that grows copies what it holds each time).
    public func renderBytes(_ value: Any, template name: String, capacity: Int = 16_384) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        let value = TemplateValue(value)
        return TemplateOutput.bytes(capacity: capacity) { output in
            var renderer = TemplateRenderer(templates: templates, value: value, output: output)
            renderer.render(template.nodes)
        }
    }
}

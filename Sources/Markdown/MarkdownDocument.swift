/// What rendering one Markdown body produces: HTML plus what the site needs to know about it.
public struct MarkdownDocument: Sendable {
    /// The body as HTML, in UTF-8 as libcmark wrote it (the page's template copies it in as bytes).
    public var htmlBytes: [UInt8]
    /// The same as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Every heading with its stable id, in document order.
    public var headings: [Heading]
    /// Number of task-list items (checklist entries).
    public var taskCount: Int
    /// The readable text of the body, for search and summaries, as UTF-8 (kept as bytes: the search
    /// index copies it into JSON as bytes, and a String would check all of it once more on the way).
    public var plainTextBytes: [UInt8]
    /// The same as text.
    public var plainText: String { String(decoding: plainTextBytes, as: UTF8.self) }
    /// Problems found while rendering (broken links, unknown components), with positions in the input.
    public var issues: [MarkdownIssue]

    public init(
        htmlBytes: [UInt8] = [], headings: [Heading] = [], taskCount: Int = 0, plainTextBytes: [UInt8] = [],
        issues: [MarkdownIssue] = []
    ) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.taskCount = taskCount
        self.plainTextBytes = plainTextBytes
        self.issues = issues
    }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A problem in the Markdown input; line and column are 1-based in the input given to the renderer.
public struct MarkdownIssue: Sendable, Equatable {
    public enum Severity: Sendable { case error, warning }
    public var severity: Severity
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, line: Int, column: Int, _ message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
    }
}

/// A fenced block whose info string names a component, handed to the host to render.
public struct ComponentBlock: Sendable {
    public var name: String
    /// The block's body (YAML by convention).
    public var body: String
    /// Line of the opening fence, and of the body's first line.
    public var line: Int
    public var column: Int
    /// Ids the page's headings already use, so a component can pick one that differs.
    public var takenIDs: [String] = []
}

/// A link or image destination as written, with its position in the input.
public struct LinkReference: Sendable {
    public var destination: String
    public var line: Int
    public var column: Int
    /// An image is loaded by the browser with the page; a link only when followed.
    public var isImage: Bool
}

/// What the host decides for a link or image destination found in the Markdown.
public enum LinkDecision: Sendable {
    case keep
    case rewrite(String)
    case broken(String)
    /// An error, and the destination is removed so the output never contains it.
    case blocked(String)
    case warn(String)
}

/// What the host decides for a component block.
public enum ComponentDecision: Sendable {
    /// Not a component: leave it as a code block.
    case codeBlock
    /// Trusted HTML that replaces the block.
    case html(String)
    /// A mistake the author must fix; the block is dropped.
    case error(String, lineOffset: Int = 0, column: Int? = nil)
}

/// The size of an image in CSS pixels, for its `width` and `height` attributes.
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

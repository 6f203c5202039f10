import CCmark

/// The five callout kinds GitHub reads from `> [!NOTE]` and friends.
public enum CalloutKind: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution
}

/// Turns a block quote whose first line is `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION) into a callout:
/// a `div role="note"` with a visible title in the page's language, GitHub's syntax.
struct CalloutBuilder {
    /// Visible titles by kind; the host passes the theme's strings, English is the default.
    let labels: [CalloutKind: String]

    static let englishLabels: [CalloutKind: String] = [
        .note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning", .caution: "Caution",
    ]

    func run(on document: CmarkNode) {
        let quotes = collectNodes(in: document).filter { $0.type == CMARK_NODE_BLOCK_QUOTE }
        // Innermost first, so a callout inside a callout is changed before its parent is replaced.
        for quote in quotes.reversed() {
            guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
                let marker = paragraph.firstChild, marker.type == CMARK_NODE_TEXT,
                let kind = kind(of: marker.literal ?? "")
            else { continue }
            // The marker must be alone on its line, as on GitHub.
            if let next = marker.next {
                guard next.type == CMARK_NODE_SOFTBREAK || next.type == CMARK_NODE_LINEBREAK else { continue }
                cmark_node_unlink(next.pointer)
                cmark_node_free(next.pointer)
            }
            cmark_node_unlink(marker.pointer)
            cmark_node_free(marker.pointer)
            if paragraph.firstChild == nil {
                cmark_node_unlink(paragraph.pointer)
                cmark_node_free(paragraph.pointer)
            }
            let title = escapeHTML(labels[kind] ?? CalloutBuilder.englishLabels[kind] ?? kind.rawValue)
            let callout = CmarkNode.custom(
                CMARK_NODE_CUSTOM_BLOCK,
                enter: "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>",
                exit: "</div>")
            quote.replace(with: callout, keepingChildren: true)
        }
    }

    /// `[!NOTE]` → `.note`, ignoring case and spaces after the bracket.
    private func kind(of literal: String) -> CalloutKind? {
        var text = Substring(literal)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        guard text.hasPrefix("[!"), text.hasSuffix("]"), text.count > 3 else { return nil }
        return CalloutKind(rawValue: text.dropFirst(2).dropLast().lowercased())
    }
}

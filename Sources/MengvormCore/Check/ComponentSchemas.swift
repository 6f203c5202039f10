/// The shape each toolkit component expects of its data file, checked at build time so an HR editor
/// who breaks the self-check data gets a message at the right line, not a broken page.
enum ComponentSchemas {
    static func validate(component: String, data: DataNode, path: String) -> [Diagnostic] {
        var check = SchemaCheck(path: path)
        switch component {
        case "selfcheck": check.selfCheck(data)
        case "allowance-calculator": check.allowances(data)
        case "team-agreement": check.teamAgreement(data)
        default: break
        }
        return check.diagnostics
    }
}

private struct SchemaCheck {
    let path: String
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ message: String, _ node: DataNode) {
        diagnostics.append(.error(message, at: SourceLocation(path: path, line: node.line, column: node.column)))
    }

    /// The list under `key`, or an error that says what is expected.
    mutating func list(_ node: DataNode, _ key: String, example: String) -> [DataNode] {
        guard let value = node[key] else {
            fail("missing `\(key)`: add a list such as `\(key):` followed by `- \(example)`", node)
            return []
        }
        guard let items = value.list else {
            fail("`\(key)` must be a list with at least one entry (`- \(example)`), not \(value.kindName)", value)
            return []
        }
        if items.isEmpty { fail("`\(key)` is empty: add at least one entry (`- \(example)`)", value) }
        return items
    }

    mutating func text(_ node: DataNode, _ key: String, required: Bool = true) -> String? {
        guard let value = node[key], !value.isNull else {
            if required { fail("missing `\(key)`", node) }
            return nil
        }
        guard case .string(let text) = value.value, !text.isEmpty else {
            fail("`\(key)` must be text", value)
            return nil
        }
        return text
    }

    mutating func number(_ node: DataNode, _ key: String) {
        guard let value = node[key], !value.isNull else { return }
        switch value.value {
        case .int, .double: return
        default: fail("`\(key)` must be a number such as 2.45 (with a dot, no € sign)", value)
        }
    }

    mutating func unique(_ id: String?, _ node: DataNode, in seen: inout Set<String>, what: String) {
        guard let id else { return }
        if !seen.insert(id).inserted { fail("the \(what) id `\(id)` is used twice; every id must be unique", node) }
    }

    // MARK: Components

    mutating func selfCheck(_ data: DataNode) {
        var groupIDs = Set<String>(), questionIDs = Set<String>()
        for group in list(data, "groups", example: "id: werkplek") {
            unique(text(group, "id"), group, in: &groupIDs, what: "group")
            _ = text(group, "title")
            for question in list(group, "questions", example: "id: stoel-hoogte") {
                unique(text(question, "id"), question, in: &questionIDs, what: "question")
                _ = text(question, "text")
                let options = list(question, "options", example: "label: Ja")
                if options.count == 1 { fail("a question needs at least two answers", question) }
                for option in options {
                    _ = text(option, "label")
                    guard let ratingNode = option["rating"], let rating = ratingNode.string else {
                        fail("missing `rating`: add `rating: good`, `rating: attention` or `rating: risk`", option)
                        continue
                    }
                    if !["good", "attention", "risk"].contains(rating) {
                        fail("`rating` must be `good`, `attention` or `risk`, not `\(rating)`", ratingNode)
                    } else if rating != "good", text(option, "advice", required: false) == nil {
                        fail("an answer rated `\(rating)` needs `advice`: tell the employee what to do", option)
                    }
                }
            }
        }
    }

    mutating func allowances(_ data: DataNode) {
        for country in list(data, "countries", example: "code: NL") {
            _ = text(country, "code")
            _ = text(country, "name")
            for rate in list(country, "rates", example: "year: 2026") {
                if let year = rate["year"] {
                    if case .int = year.value {} else { fail("`year` must be a year such as 2026", year) }
                } else {
                    fail("missing `year`", rate)
                }
                if let from = rate["valid_from"] {
                    if from.string.flatMap(Day.init) == nil { fail("`valid_from` must be a date like 2026-01-01", from) }
                } else {
                    fail("missing `valid_from`: the date from which these amounts hold", rate)
                }
                for key in ["home_day", "travel_km", "office_month", "internet_month", "pc_month"] { number(rate, key) }
                let sources = list(rate, "sources", example: "title: Belastingdienst")
                for source in sources { _ = text(source, "title"); _ = text(source, "url") }
            }
        }
    }

    mutating func teamAgreement(_ data: DataNode) {
        var ids = Set<String>()
        for topic in list(data, "topics", example: "id: kantoordagen") {
            unique(text(topic, "id"), topic, in: &ids, what: "topic")
            _ = text(topic, "title")
            _ = text(topic, "question")
            let type = topic["type"]?.string ?? "text"
            if !["single", "multiple", "text"].contains(type), let node = topic["type"] {
                fail("`type` must be `single`, `multiple` or `text`, not `\(type)`", node)
            }
            if type != "text" { _ = list(topic, "options", example: "Dinsdag") }
        }
    }
}

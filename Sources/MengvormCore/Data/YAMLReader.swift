import Yams

/// Reads YAML (and JSON, a subset of it) into `DataNode`s, turning libyaml errors into diagnostics.
public enum YAMLReader {
    public struct Failure: Error, Sendable {
        public var message: String
        /// 1-based, relative to the YAML text given.
        public var line: Int
        public var column: Int
    }

    /// Parses one YAML document; an empty document gives `nil`.
    /// `lineOffset` is added to every line in messages (front matter starts on line 2 of its file).
    public static func read(_ text: String, lineOffset: Int = 0) -> Result<DataNode?, Failure> {
        if let flat = FlatYAML.read(text) { return .success(flat) }
        return readWithLibYAML(text, lineOffset: lineOffset)
    }

    /// Like `read`, always through libyaml: the reference `FlatYAML` is checked against.
    static func readWithLibYAML(_ text: String, lineOffset: Int = 0) -> Result<DataNode?, Failure> {
        var result: Result<DataNode?, Failure>
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            result = convert(node, text: text, lineOffset: lineOffset)
        } catch let error as YamlError {
            result = .failure(failure(from: error, text: text, lineOffset: lineOffset))
        } catch {
            result = .failure(Failure(message: "this is not valid YAML", line: 1, column: 1))
        }
        if case .success(let node) = result, let mistake = YAMLMessages.mistakeInValidYAML(text, result: node) {
            result = .failure(Failure(message: mistake.message, line: mistake.line, column: mistake.column))
        }
        return result.mapError { failure in
            var failure = failure
            failure.line += lineOffset
            return failure
        }
    }

    private static func convert(_ node: Node, text: String, lineOffset: Int) -> Result<DataNode?, Failure> {
        var failure: Failure?
        var budget = maximumValues
        let result = convert(node, depth: 0, budget: &budget, failure: &failure, lineOffset: lineOffset)
        if var failure {
            // The budget ran out inside expanded aliases: point at the alias written in the text that crossed it.
            if budget <= 0, let alias = YAMLAliasBudget.aliasCrossing(maximumValues, in: text) {
                failure = Failure(
                    message:
                        "the data has more than \(maximumValues) values: the alias `*\(alias.name)` here repeats data that itself repeats aliases; write the values out instead of nesting aliases",
                    line: alias.line, column: alias.column)
            }
            return .failure(failure)
        }
        return .success(result)
    }

    /// Aliases are expanded while composing; a budget stops "billion laughs" documents.
    static let maximumValues = 1_000_000

    private static func convert(_ node: Node, depth: Int, budget: inout Int, failure: inout Failure?, lineOffset: Int) -> DataNode {
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        budget -= 1
        guard budget > 0 else {
            if failure == nil {
                failure = Failure(
                    message: "the data has more than \(maximumValues) values (check for aliases that repeat each other)", line: line,
                    column: column)
            }
            return DataNode(.null, line: line, column: column)
        }
        guard depth < 200 else {
            if failure == nil { failure = Failure(message: "the data is nested more than 200 levels deep", line: line, column: column) }
            return DataNode(.null, line: line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            return DataNode(scalarValue(scalar), line: line, column: column)
        case .sequence(let sequence):
            return DataNode(
                .list(sequence.map { convert($0, depth: depth + 1, budget: &budget, failure: &failure, lineOffset: lineOffset) }),
                line: line, column: column)
        case .mapping(let mapping):
            var entries: [(key: String, node: DataNode)] = []
            var seen = Set<String>()
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalar?.string ?? ""
                if !seen.insert(key).inserted, failure == nil {
                    let first = mapping.first { $0.key.scalar?.string == key }?.key.mark?.line ?? 0
                    failure = Failure(
                        message:
                            "the key `\(key)` appears twice (first on line \(first + lineOffset)): keep one of them and remove or rename the other",
                        line: keyNode.mark?.line ?? line, column: keyNode.mark?.column ?? column)
                }
                entries.append((key, convert(valueNode, depth: depth + 1, budget: &budget, failure: &failure, lineOffset: lineOffset)))
            }
            return DataNode(.map(entries), line: line, column: column)
        }
    }

    /// Resolves plain scalars the YAML 1.2 core way: numbers, booleans and null; quoted ones stay text.
    private static func scalarValue(_ scalar: Node.Scalar) -> DataNode.Value {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        return plainValue(scalar.string)
    }

    /// The value of a plain (unquoted) scalar.
    static func plainValue(_ text: String) -> DataNode.Value {
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (first >= 0x30 && first <= 0x39) {
            if let int = Int(text) { return .int(int) }
            if text.contains("."), !text.contains("-", after: 1), let double = Double(text) { return .double(double) }
        }
        return .string(text)
    }

    private static func failure(from error: YamlError, text: String, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return YAMLMessages.explain(
                problem: problem, context: context.map { ($0.text, $0.mark.line, $0.mark.column) },
                line: mark.line, column: mark.column, in: text, lineOffset: lineOffset)
        case .reader(let problem, _, _, _):
            return Failure(message: "invalid YAML: \(problem)", line: 1, column: 1)
        default:
            return Failure(message: "invalid YAML: \(error)", line: 1, column: 1)
        }
    }
}

extension String {
    fileprivate func contains(_ character: Character, after offset: Int) -> Bool {
        dropFirst(offset).contains(character)
    }
}

import CYaml

/// Finds the alias (`*name`) at which a document's expanded values pass a budget, by walking libyaml's
/// events and counting what every anchor stands for. Only run after the budget has run out, to say
/// where: Yams expands aliases while composing and keeps no trace of where they were written.
enum YAMLAliasBudget {
    struct Alias: Equatable {
        var name: String
        /// 1-based line and column in the text.
        var line: Int
        var column: Int
    }

    static func aliasCrossing(_ budget: Int, in text: String) -> Alias? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Alias? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            // Open collections: their anchor, the values counted in them so far, and for a map how many
            // children it has had (keys are not values: the reader counts only what they name).
            var open: [(anchor: String?, count: Int, isMap: Bool, children: Int)] = []
            var total = 0
            /// Counts a child of the innermost collection; false for a map's key, which is not counted.
            func isValue() -> Bool {
                guard !open.isEmpty else { return true }
                defer { open[open.count - 1].children += 1 }
                return !(open[open.count - 1].isMap && open[open.count - 1].children % 2 == 0)
            }
            func add(_ count: Int) {
                total += count
                if !open.isEmpty { open[open.count - 1].count += count }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if isValue() { add(1) }
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let counted = isValue()
                    if counted { add(1) }
                    let isMap = event.type == YAML_MAPPING_START_EVENT
                    let anchor = name(isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    open.append((anchor, 0, isMap, 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { break }
                    if let anchor = closed.anchor { sizes[anchor] = closed.count + 1 }
                    // The collection's own value was counted at its start; its contents already reached the total.
                    if !open.isEmpty { open[open.count - 1].count += closed.count }
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    guard isValue() else { break }
                    add(sizes[alias] ?? 1)
                    if total >= budget {
                        return Alias(name: alias, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                default:
                    break
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

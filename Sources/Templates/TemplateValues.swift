import Foundation

/// A value whose children are computed when a template names them (`{{{cached.menu}}}`).
public protocol TemplateParent {
    func child(named name: String) -> Any?
}

/// A `TemplateParent` that is a class: found with a class cast, much cheaper than the protocol cast a
/// value of another kind needs (a page's view and its `page` are read this way for every page).
open class TemplateObject: TemplateParent {
    public init() {}

    open func child(named name: String) -> Any? { nil }
}

/// HTML that is already rendered: `{{{x}}}` inserts it as it is, `{{x}}` escapes it.
public protocol TemplateHTML {
    var html: String { get }
    /// True when there is nothing to insert: a section on it is then skipped.
    var isNull: Bool { get }
    /// Appends the HTML as UTF-8 (`{{{x}}}`); HTML already held as bytes is copied without a String.
    func appendHTML(to output: inout [UInt8])
}

extension TemplateHTML {
    public func appendHTML(to output: inout [UInt8]) {
        var text = html
        text.withUTF8 { output.append(contentsOf: $0) }
    }
}

/// One entry of the context stack, its kind found once when it is pushed.
enum Frame {
    case dictionary([String: Any])
    case parent(any TemplateParent)
    case value(Any)

    init(_ value: Any) {
        // The exact type first: a cast that fails costs a conformance lookup (and for a class, a
        // search for a bridge), and most frames are dictionaries.
        let type = Swift.type(of: value)
        if type == [String: Any].self {
            self = .dictionary(value as! [String: Any])
        } else if type == String.self {
            self = .value(value)
        } else if let object = value as? TemplateObject {
            self = .parent(object)
        } else if let dictionary = value as? [String: Any] {
            self = .dictionary(dictionary)
        } else if value is String {
            self = .value(value)
        } else if let parent = value as? any TemplateParent {
            self = .parent(parent)
        } else {
            self = .value(value)
        }
    }

    @inline(__always)
    func child(named name: String) -> Any? {
        switch self {
        case .dictionary(let dictionary): return dictionary[name]
        case .parent(let parent): return parent.child(named: name)
        case .value: return nil
        }
    }

    var value: Any {
        switch self {
        case .dictionary(let dictionary): return dictionary
        case .parent(let parent): return parent
        case .value(let value): return value
        }
    }
}

enum Values {
    /// A child of any value: dictionaries and `TemplateParent`s have children, nothing else does.
    @inline(__always)
    static func child(named name: String, of value: Any) -> Any? {
        // Exact types first, as in `Frame.init`.
        let type = Swift.type(of: value)
        if type == [String: Any].self { return (value as! [String: Any])[name] }
        if type == String.self { return nil }
        if let object = value as? TemplateObject { return object.child(named: name) }
        if let dictionary = value as? [String: Any] { return dictionary[name] }
        if value is String { return nil }
        if let parent = value as? any TemplateParent { return parent.child(named: name) }
        return nil
    }

    /// NSNull and an empty optional stand for no value.
    static func isNothing(_ value: Any) -> Bool {
        if value is NSNull { return true }
        if let optional = value as? any OptionalValue { return optional.isNone }
        return false
    }

    static func list(_ value: Any) -> [Any]? {
        if let dictionaries = value as? [[String: Any]] { return dictionaries }
        return value as? [Any]
    }

    /// The transforms as swift-mustache applied them: a value that has no such transform gives nil.
    static func apply(_ transform: Transform, to value: Any) -> Any? {
        switch transform {
        case .first: return list(value)?.first
        case .last: return list(value)?.last
        case .count:
            if let list = list(value) { return list.count }
            if let dictionary = value as? [String: Any] { return dictionary.count }
            return nil
        case .empty:
            if let list = list(value) { return list.isEmpty }
            if let dictionary = value as? [String: Any] { return dictionary.isEmpty }
            if let string = value as? String { return string.isEmpty }
            return nil
        case .reversed:
            if let list = list(value) { return Array(list.reversed()) }
            if let string = value as? String { return String(string.reversed()) }
            return nil
        case .lowercased: return (value as? String)?.lowercased()
        case .uppercased: return (value as? String)?.uppercased()
        case .capitalized: return (value as? String)?.capitalized
        }
    }
}

protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}

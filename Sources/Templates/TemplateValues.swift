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

/// A `TemplateHTML` that is a class: `{{{x}}}` finds it with a class cast, before the casts to strings and
/// numbers that a value of another kind is tried with (a page inserts its body and cached partials this way).
open class TemplateHTMLObject: TemplateHTML {
    public init() {}

    open var html: String { "" }
    open var isNull: Bool { true }
    open func appendHTML(to output: inout [UInt8]) {
        var text = html
        text.withUTF8 { output.append(contentsOf: $0) }
    }
}

/// What a value is to the renderer, found once per use: by its exact type first (a cast that fails
/// costs a conformance lookup, and for a class a search for a bridge: casts were 3.6 % of a build), then
/// by the casts, which also take related types (an `[Int]` as a list).
enum Shape {
    case flag(Bool)
    case dictionary([String: Any])
    case dictionaries([[String: Any]])
    case string
    case strings([String])
    case list([Any])
    case object(TemplateObject)
    /// A list of views read by name (a section's pages, a tag's pages).
    case objects([TemplateObject])
    /// Anything else: `TemplateHTML`, another `TemplateParent`, numbers, nothing.
    case other

    init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == [String: Any].self {
            self = .dictionary(value as! [String: Any])
        } else if type == String.self {
            self = .string
        } else if type == Bool.self {
            self = .flag(value as! Bool)
        } else if type == [[String: Any]].self {
            self = .dictionaries(value as! [[String: Any]])
        } else if type == [String].self {
            self = .strings(value as! [String])
        } else if type == [Any].self {
            self = .list(value as! [Any])
        } else if type == [TemplateObject].self {
            self = .objects(value as! [TemplateObject])
        } else if type is AnyObject.Type, let object = value as? TemplateObject {
            // Only a class is cast to one: casting an array or a dictionary to a class bridges all of it
            // to an NSArray or NSDictionary first (2 % of a default-theme build).
            self = .object(object)
        } else if let dictionaries = value as? [[String: Any]] {
            self = .dictionaries(dictionaries)
        } else if let flag = value as? Bool {
            self = .flag(flag)
        } else if let dictionary = value as? [String: Any] {
            self = .dictionary(dictionary)
        } else if value is String {
            self = .string
        } else if let list = value as? [Any] {
            self = .list(list)
        } else {
            self = .other
        }
    }
}

/// One entry of the context stack, its kind found once when it is pushed.
enum Frame {
    case dictionary([String: Any])
    /// A view read by name: a class reference, asked without opening an existential.
    case object(TemplateObject)
    case parent(any TemplateParent)
    case value(Any)

    init(_ value: Any) {
        switch Shape(value) {
        case .dictionary(let dictionary): self = .dictionary(dictionary)
        case .object(let object): self = .object(object)
        case .other: self = (value as? any TemplateParent).map { .parent($0) } ?? .value(value)
        case .flag, .dictionaries, .string, .strings, .list, .objects: self = .value(value)
        }
    }

    @inline(__always)
    func child(named name: String) -> Any? {
        switch self {
        case .dictionary(let dictionary): return dictionary[name]
        case .object(let object): return object.child(named: name)
        case .parent(let parent): return parent.child(named: name)
        case .value: return nil
        }
    }

    var value: Any {
        switch self {
        case .dictionary(let dictionary): return dictionary
        case .object(let object): return object
        case .parent(let parent): return parent
        case .value(let value): return value
        }
    }
}

enum Values {
    /// A child of any value: dictionaries and `TemplateParent`s have children, nothing else does.
    @inline(__always)
    static func child(named name: String, of value: Any) -> Any? {
        switch Shape(value) {
        case .dictionary(let dictionary): return dictionary[name]
        case .object(let object): return object.child(named: name)
        case .other: return (value as? any TemplateParent)?.child(named: name)
        case .flag, .dictionaries, .string, .strings, .list, .objects: return nil
        }
    }

    /// NSNull and an empty optional stand for no value.
    static func isNothing(_ value: Any) -> Bool {
        if value is NSNull { return true }
        if let optional = value as? any OptionalValue { return optional.isNone }
        return false
    }

    static func list(_ value: Any) -> [Any]? {
        if let dictionaries = value as? [[String: Any]] { return dictionaries }
        if let objects = value as? [TemplateObject] { return objects }
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

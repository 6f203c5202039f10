import Foundation

/// A value whose children are computed when a template names them (`{{{cached.menu}}}`).
public protocol TemplateParent {
    func child(named name: String) -> Any?
}

/// A value read by name that is a class: found with a class cast, much cheaper than the protocol cast a
/// value of another kind needs (a page's view and its `page` are read this way for every page). Its
/// children come typed, so the renderer neither boxes them in `Any` nor casts them back (the boxes,
/// their copies and the casts were a third of the template time of a default-theme build).
open class TemplateObject {
    public init() {}

    /// The child `name`; compare `name` with `TemplateName`s made once (`static let`), not with text.
    open func value(named name: TemplateName) -> TemplateValue? { nil }
}

/// A value as a view hands it to the renderer: the kinds views use, and anything else as `any`.
public enum TemplateValue {
    case string(String)
    case flag(Bool)
    case int(Int)
    case object(TemplateObject)
    /// A list of views read by name (a section's pages, a tag's pages).
    case objects([TemplateObject])
    case html(TemplateHTMLObject)
    case dictionary([String: Any])
    /// Anything else (lists and values from data files, a `TemplateParent`, `TemplateHTML` that is not
    /// a class): the renderer finds its shape when it uses it.
    case any(Any)

    /// The kind of `value`, by its exact type (a cast that fails costs a conformance lookup).
    public init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == String.self {
            self = .string(value as! String)
        } else if type is AnyObject.Type {
            // Only a class is cast to one: casting an array or a dictionary to a class bridges all of it
            // to an NSArray or NSDictionary first (2 % of a default-theme build). Views first: a page's
            // view is classified for every page and every cached partial.
            if let object = value as? TemplateObject {
                self = .object(object)
            } else if let html = value as? TemplateHTMLObject {
                self = .html(html)
            } else {
                self = .any(value)
            }
        } else if type == [String: Any].self {
            self = .dictionary(value as! [String: Any])
        } else if type == Bool.self {
            self = .flag(value as! Bool)
        } else if type == Int.self {
            self = .int(value as! Int)
        } else if type == [TemplateObject].self {
            self = .objects(value as! [TemplateObject])
        } else {
            self = .any(value)
        }
    }

    /// The value itself, for the transforms and for values of other kinds.
    public var asAny: Any {
        switch self {
        case .string(let string): return string
        case .flag(let flag): return flag
        case .int(let number): return number
        case .object(let object): return object
        case .objects(let objects): return objects
        case .html(let html): return html
        case .dictionary(let dictionary): return dictionary
        case .any(let value): return value
        }
    }
}

/// HTML that is already rendered: `{{{x}}}` inserts it as it is, `{{x}}` escapes it.
public protocol TemplateHTML {
    var html: String { get }
    /// True when there is nothing to insert: a section on it is then skipped.
    var isNull: Bool { get }
    /// Appends the HTML as UTF-8 (`{{{x}}}`); HTML already held as bytes is copied without a String.
    func appendHTML(to output: inout TemplateOutput)
}

extension TemplateHTML {
    public func appendHTML(to output: inout TemplateOutput) { output.append(html) }
}

/// A `TemplateHTML` that is a class: `{{{x}}}` finds it with a class cast, before the casts to strings and
/// numbers that a value of another kind is tried with (a page inserts its body and cached partials this way).
open class TemplateHTMLObject: TemplateHTML {
    public init() {}

    open var html: String { "" }
    open var isNull: Bool { true }
    open func appendHTML(to output: inout TemplateOutput) { output.append(html) }
}

/// What a value of a kind views do not hand over typed (`TemplateValue.any`: lists and values from data
/// files) is to the renderer, found once per use: by its exact type first (a cast that fails costs a
/// conformance lookup, and for a class a search for a bridge: casts were 3.6 % of a build), then by the
/// casts, which also take related types (an `[Int]` as a list). Views and lists of views never get here:
/// `TemplateValue.init` makes them `.object` and `.objects`.
enum Shape {
    case flag(Bool)
    case dictionary([String: Any])
    case dictionaries([[String: Any]])
    case string
    case strings([String])
    case list([Any])
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

enum Values {
    /// A child of any value: dictionaries, views and `TemplateParent`s have children, nothing else does.
    @inline(__always)
    static func child(named name: TemplateName, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let object): return object.value(named: name)
        case .dictionary(let dictionary): return dictionary[name.string].map(TemplateValue.init)
        case .any(let value):
            switch Shape(value) {
            case .dictionary(let dictionary): return dictionary[name.string].map(TemplateValue.init)
            case .other: return (value as? any TemplateParent)?.child(named: name.string).map(TemplateValue.init)
            case .flag, .dictionaries, .string, .strings, .list: return nil
            }
        case .string, .flag, .int, .objects, .html: return nil
        }
    }

    static func isNothing(_ value: TemplateValue) -> Bool {
        if case .any(let value) = value { return isNothing(value) }
        return false
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

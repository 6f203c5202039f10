import Foundation
import Templates
import Testing

/// Every vector of the official Mustache spec files in Spec/ (see its README.md). None is skipped:
/// the runner fails on a file with fewer vectors than it had when it was added.
@Suite struct SpecTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        let name: String
        let data: JSONValue
        let template: String
        let partials: [String: String]?
        let expected: String
        var testDescription: String { name }
    }

    struct SpecFile: Decodable {
        let tests: [Vector]
    }

    static let files: [(name: String, count: Int)] = [
        ("comments", 11), ("delimiters", 14), ("interpolation", 31), ("inverted", 21), ("partials", 11), ("sections", 33),
        ("~inheritance", 26),
    ]

    @Test(arguments: files)
    func everyVectorRendersAsExpected(file: String, count: Int) throws {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Spec"))
        let vectors = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url)).tests
        #expect(vectors.count == count)
        for vector in vectors {
            var library = TemplateLibrary()
            for (name, text) in vector.partials ?? [:] { try library.register(text, named: name) }
            try library.register(vector.template, named: "__test__")
            let output = library.render(vector.data.value, template: "__test__")
            #expect(output == vector.expected, "\(file): \(vector.name)\ntemplate: \(vector.template.debugDescription)")
        }
    }
}

/// JSON as the plain values Mengvorm hands to templates: null is NSNull.
struct JSONValue: Decodable {
    let value: Any

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = NSNull()
        } else if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let int = try? container.decode(Int.self) {
            value = int
        } else if let double = try? container.decode(Double.self) {
            value = double
        } else if let string = try? container.decode(String.self) {
            value = string
        } else if let list = try? container.decode([JSONValue].self) {
            value = list.map(\.value)
        } else {
            value = try container.decode([String: JSONValue].self).mapValues(\.value)
        }
    }
}

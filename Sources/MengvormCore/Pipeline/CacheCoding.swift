import Foundation

/// Writes the build cache file: varints, length-prefixed UTF-8 and nothing else, so 10,000 pages take
/// milliseconds (Codable to JSON spent more time on the file than the no-change rebuild it saves).
struct CacheEncoder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Another encoder's bytes, as if they had been encoded here (parts encoded side by side).
    mutating func append(_ part: CacheEncoder) { bytes.append(contentsOf: part.bytes) }

    /// Bytes an earlier encoding wrote for the same value (see `BuildCache.Loads.origins`).
    mutating func append(_ earlier: [UInt8], _ range: Range<Int>) {
        earlier.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag, so small negative numbers stay short too.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func int64(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// Eight bytes: hashes are evenly spread, a varint would make them longer.
    mutating func hash(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites eight bytes written earlier by `hash` (a length or checksum known only later).
    mutating func fill(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + 8, with: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheEncoder, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheEncoder, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheEncoder` wrote; any byte out of place throws, and the caller builds from scratch.
struct CacheDecoder {
    struct Invalid: Error {}

    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Invalid() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Invalid() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int64() throws -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func int() throws -> Int {
        let value = try int64()
        guard let fits = Int(exactly: value) else { throw Invalid() }
        return fits
    }

    /// A count of things still to read: never more than the bytes left, so garbage cannot ask for a huge array.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw Invalid() }
        return Int(value)
    }

    mutating func hash() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw Invalid() }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << (8 * UInt64(shift)) }
        position += 8
        return value
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Invalid()
        }
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + length]), as: UTF8.self)
        }
    }

    mutating func optional<T>(_ read: (inout CacheDecoder) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheDecoder) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}

// MARK: The values the cache holds

extension CacheEncoder {
    mutating func stamp(_ stamp: FileStamp) {
        int64(stamp.size)
        int64(stamp.modified)
        int64(stamp.changed)
        unsigned(stamp.inode)
    }

    mutating func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }

    mutating func location(_ location: SourceLocation) {
        string(location.path)
        int(location.line)
        int(location.column)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        bool(diagnostic.severity == .error)
        optional(diagnostic.location) { $0.location($1) }
        string(diagnostic.message)
    }

    mutating func node(_ node: DataNode) {
        int(node.line)
        int(node.column)
        switch node.value {
        case .string(let text):
            byte(0)
            string(text)
        case .int(let number):
            byte(1)
            int(number)
        case .double(let number):
            byte(2)
            hash(number.bitPattern)
        case .bool(let value):
            byte(3)
            bool(value)
        case .null:
            byte(4)
        case .list(let items):
            byte(5)
            array(items) { $0.node($1) }
        case .map(let entries):
            byte(6)
            array(entries) {
                $0.string($1.key)
                $0.node($1.node)
            }
        }
    }

    mutating func meta(_ meta: PageMeta) {
        string(meta.title)
        optional(meta.description) { $0.string($1) }
        optional(meta.date) { $0.day($1) }
        optional(meta.updated) { $0.day($1) }
        bool(meta.draft)
        optional(meta.weight) { $0.int($1) }
        optional(meta.layout) { $0.string($1) }
        optional(meta.pageLayout) { $0.string($1) }
        optional(meta.slug) { $0.string($1) }
        array(meta.tags) { $0.string($1) }
        array(meta.keywords) { $0.string($1) }
        optional(meta.owner) { $0.string($1) }
        optional(meta.reviewBy) { $0.day($1) }
        optional(meta.lang) { $0.string($1) }
        optional(meta.publishFrom) { $0.day($1) }
        optional(meta.publishUntil) { $0.day($1) }
        optional(meta.sortBy) { $0.string($1) }
        bool(meta.feed)
        bool(meta.hidden)
        optional(meta.validUntil) { $0.day($1) }
        optional(meta.pagesFrom) { $0.node($1) }
        array(meta.params) {
            $0.string($1.key)
            $0.node($1.node)
        }
        for line in [meta.lines.slug, meta.lines.layout, meta.lines.feed, meta.lines.reviewBy, meta.lines.validUntil] { int(line) }
    }

    /// A loaded page without its text (a page rendered again reads it from its file).
    mutating func loadedWithoutText(_ page: LoadedPage) {
        meta(page.meta)
        int(page.bodyLine)
        hash(page.frontMatterHash)
        hash(page.bodyHash)
    }

    mutating func rendered(_ page: RenderedPage) {
        array(page.diagnostics) { $0.diagnostic($1) }
        array(page.anchors) {
            $0.int($1.target)
            $0.string($1.fragment)
            $0.location($1.location)
        }
        // Sorted: a set's order differs from run to run, and the file should not.
        array(page.headingIDs.sorted()) { $0.string($1) }
        array(page.components) {
            $0.string($1.component)
            $0.string($1.data)
        }
    }
}

extension CacheDecoder {
    mutating func stamp() throws -> FileStamp {
        FileStamp(size: try int64(), modified: try int64(), changed: try int64(), inode: try unsigned())
    }

    mutating func day() throws -> Day {
        guard let day = Day(year: try int(), month: try int(), day: try int()) else { throw Invalid() }
        return day
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        let location = try optional { try $0.location() }
        return Diagnostic(severity, try string(), at: location)
    }

    mutating func node(depth: Int = 0) throws -> DataNode {
        // The reader allows no deeper YAML than this either; garbage must not exhaust the stack.
        guard depth < 512 else { throw Invalid() }
        let line = try int()
        let column = try int()
        let value: DataNode.Value
        switch try byte() {
        case 0: value = .string(try string())
        case 1: value = .int(try int())
        case 2: value = .double(Double(bitPattern: try hash()))
        case 3: value = .bool(try bool())
        case 4: value = .null
        case 5: value = .list(try array { try $0.node(depth: depth + 1) })
        case 6: value = .map(try array { (key: try $0.string(), node: try $0.node(depth: depth + 1)) })
        default: throw Invalid()
        }
        return DataNode(value, line: line, column: column)
    }

    mutating func meta() throws -> PageMeta {
        var meta = PageMeta(title: try string())
        meta.description = try optional { try $0.string() }
        meta.date = try optional { try $0.day() }
        meta.updated = try optional { try $0.day() }
        meta.draft = try bool()
        meta.weight = try optional { try $0.int() }
        meta.layout = try optional { try $0.string() }
        meta.pageLayout = try optional { try $0.string() }
        meta.slug = try optional { try $0.string() }
        meta.tags = try array { try $0.string() }
        meta.keywords = try array { try $0.string() }
        meta.owner = try optional { try $0.string() }
        meta.reviewBy = try optional { try $0.day() }
        meta.lang = try optional { try $0.string() }
        meta.publishFrom = try optional { try $0.day() }
        meta.publishUntil = try optional { try $0.day() }
        meta.sortBy = try optional { try $0.string() }
        meta.feed = try bool()
        meta.hidden = try bool()
        meta.validUntil = try optional { try $0.day() }
        meta.pagesFrom = try optional { try $0.node() }
        meta.params = try array { (key: try $0.string(), node: try $0.node()) }
        meta.lines.slug = try int()
        meta.lines.layout = try int()
        meta.lines.feed = try int()
        meta.lines.reviewBy = try int()
        meta.lines.validUntil = try int()
        return meta
    }

    mutating func loadedWithoutText(source: SourceFile) throws -> LoadedPage {
        LoadedPage(
            source: source, meta: try meta(), body: "", bodyLine: try int(), frontMatterHash: try hash(), bodyHash: try hash(),
            hasText: false)
    }

    mutating func rendered() throws -> RenderedPage {
        var page = RenderedPage()
        page.diagnostics = try array { try $0.diagnostic() }
        page.anchors = try array {
            LinkResolver.AnchorReference(target: try $0.int(), fragment: try $0.string(), location: try $0.location())
        }
        page.headingIDs = Set(try array { try $0.string() })
        page.components = try array { ComponentUse(component: try $0.string(), data: try $0.string()) }
        return page
    }
}

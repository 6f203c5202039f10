import Foundation
import Markdown

/// Reads the pixel size of a PNG, JPEG, GIF, WebP or SVG file from its first bytes, so an `img` gets
/// `width` and `height` and the page does not jump while it loads. Unknown or damaged files give nil.
enum ImageSizeReader {
    /// Bytes read from the start of a file; a JPEG's size may come after this (large EXIF blocks), so
    /// JPEGs are read further in steps.
    static let headerBytes = 64 * 1024
    static let maximumJPEGBytes = 4 * 1024 * 1024

    static func size(ofFileAt path: String) -> ImageSize? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: headerBytes), !head.isEmpty else { return nil }
        let bytes = [UInt8](head)
        if let size = png(bytes) ?? gif(bytes) ?? webp(bytes) { return size }
        if bytes.starts(with: [0xFF, 0xD8]) {
            if let size = jpeg(bytes) { return size }
            guard bytes.count == headerBytes, let more = try? handle.read(upToCount: maximumJPEGBytes - headerBytes) else { return nil }
            return jpeg(bytes + [UInt8](more))
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".svg") { return svg(String(decoding: bytes, as: UTF8.self)) }
        return nil
    }

    static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            b[12...15].elementsEqual("IHDR".utf8)
        else { return nil }
        return positive(bigEndian(b, 16, 4), bigEndian(b, 20, 4))
    }

    static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10, b.starts(with: "GIF87a".utf8) || b.starts(with: "GIF89a".utf8) else { return nil }
        return positive(Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
    }

    static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30, b.starts(with: "RIFF".utf8), b[8...11].elementsEqual("WEBP".utf8) else { return nil }
        let chunk = String(decoding: b[12...15], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            // Lossy: a key frame's start code, then 14-bit width and height.
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return positive((Int(b[26]) | Int(b[27]) << 8) & 0x3FFF, (Int(b[28]) | Int(b[29]) << 8) & 0x3FFF)
        case "VP8L":
            // Lossless: a signature byte, then width-1 and height-1 in 14 bits each.
            guard b[20] == 0x2F else { return nil }
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            // Extended: canvas width-1 and height-1 in 24 bits each.
            return positive((Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16) + 1, (Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16) + 1)
        default:
            return nil
        }
    }

    /// Walks the JPEG segments to the first start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC).
    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        var index = 2
        while index + 9 < b.count {
            guard b[index] == 0xFF else { return nil }
            let marker = b[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let length = bigEndian(b, index + 2, 2)
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                return positive(bigEndian(b, index + 7, 2), bigEndian(b, index + 5, 2))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    /// `width` and `height` of the root `svg` element in pixels (plain numbers or `px`), else its `viewBox`.
    static func svg(_ text: String) -> ImageSize? {
        guard let start = text.range(of: "<svg") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let range = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)")
                    ?? tag.range(of: "\t\(name)=\(quote)"),
                    let close = tag[range.upperBound...].range(of: quote)
                {
                    return String(tag[range.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
        func pixels(_ value: String?) -> Int? {
            guard var value else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            guard let number = Double(value), number > 0, number < 100_000 else { return nil }
            return Int(number.rounded())
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return ImageSize(width: width, height: height)
        }
        if let box = attribute("viewBox") {
            let parts = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 4, parts[2] > 0, parts[3] > 0, parts[2] < 100_000, parts[3] < 100_000 {
                return ImageSize(width: Int(parts[2].rounded()), height: Int(parts[3].rounded()))
            }
        }
        return nil
    }

    private static func bigEndian(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset + count <= b.count else { return 0 }
        return b[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func positive(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }
}

/// Image sizes by file path, read once per build: a logo on every page is read one time.
final class ImageSizeCache: @unchecked Sendable {
    private var sizes: [String: ImageSize?] = [:]
    private let lock = NSLock()

    func size(ofFileAt path: String) -> ImageSize? {
        lock.lock()
        if let known = sizes[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let size = ImageSizeReader.size(ofFileAt: path)
        lock.lock()
        sizes[path] = size
        lock.unlock()
        return size
    }

    /// The file a page's image destination names inside `Content/`, when it is one the site copies.
    static func contentPath(of destination: String, folder: String, assets: [String: String]) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("//"), !destination.contains(":") else { return nil }
        var path = Substring(destination)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let decoded = path.removingPercentEncoding ?? String(path)
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let contentPath = segments.joined(separator: "/")
        return assets[contentPath] == nil ? nil : contentPath
    }
}

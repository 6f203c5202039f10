import Foundation

/// Reads a source file as UTF-8 text, refusing what an editor would not mean as text.
enum FileReader {
    static let maximumTextBytes = 10 * 1024 * 1024

    enum Failure: Error {
        /// The file could not be opened or read; `code` is the `errno` (its words in the message).
        case unreadable(code: Int32)
        case tooLarge(Int)
        case binary
        case notUTF8(line: Int)
    }

    static func readText(at path: String) -> Result<String, Failure> {
        let bytes: [UInt8]
        switch readBytes(at: path, limit: maximumTextBytes) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): bytes = read
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // memchr: a byte loop over every file of a 10,000-page site shows up in profiles.
        let hasNul = body.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
        if hasNul { return .failure(.binary) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(.notUTF8(line: firstInvalidLine(body)))
        }
        return .success(text)
    }

    static func readBytes(at path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.unreadable(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(code: errno)) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + total, size - total)
            }
            if count < 0 { return .failure(.unreadable(code: errno)) }
            if count == 0 { break }
            total += count
        }
        if total < size { bytes.removeLast(size - total) }
        return .success(bytes)
    }

    /// The line of the first byte sequence that is not UTF-8, for the error message.
    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }

    static func message(for failure: Failure) -> (String, Int) {
        switch failure {
        case .unreadable(let code):
            return ("cannot read this file (\(String(cString: strerror(code)))); check that it exists and that you may read it", 0)
        case .tooLarge(let size):
            return (
                "this file is \(size / 1_048_576) MB; pages may be at most \(maximumTextBytes / 1_048_576) MB: split it into several pages",
                0
            )
        case .binary: return ("this is not a text file (it contains NUL bytes); give it another extension than .md, .yml or .json", 0)
        case .notUTF8(let line): return ("this file is not UTF-8 text; save it as UTF-8 in your editor", line)
        }
    }
}

import Foundation
import Hummingbird

/// Serves the built site from its folder, adding the live-reload script to HTML pages.
struct PreviewFiles: Sendable {
    let root: URL

    func response(for requestPath: String) -> Response {
        guard let path = resolve(requestPath) else { return notFound() }
        guard var data = FileManager.default.contents(atPath: path) else { return notFound() }
        let type = contentType(for: path)
        if type.hasPrefix("text/html") { data = LiveReload.inject(into: data) }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The file for a URL path, never outside the site folder; folders serve their index.html.
    func resolve(_ requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") }) else { return nil }
        var path = root.path + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { path += "/index.html" }
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private func notFound() -> Response {
        let page = root.path + "/404.html"
        let data = FileManager.default.contents(atPath: page).map(LiveReload.inject(into:)) ?? Data("Not found".utf8)
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "svg": "image/svg+xml", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "pdf": "application/pdf",
        "woff2": "font/woff2", "txt": "text/plain; charset=utf-8", "ico": "image/x-icon",
    ]

    private func contentType(for path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        return Self.types[ext] ?? "application/octet-stream"
    }
}

/// The script that reloads a preview tab after a rebuild and shows build errors over the page.
enum LiveReload {
    static let tag = "<script src=\"/__mengvorm/live.js\"></script>"

    static func inject(into html: Data) -> Data {
        guard var text = String(data: html, encoding: .utf8) else { return html }
        // The preview asks the server for changes; a theme's policy may forbid all connections.
        text = text.replacingOccurrences(of: "connect-src 'none'", with: "connect-src 'self'")
        if let range = text.range(of: "</body>", options: .backwards) {
            return Data(text.replacingCharacters(in: range, with: tag + "</body>").utf8)
        }
        return Data((text + tag).utf8)
    }

    static let script = """
        (function () {
          "use strict";
          var version = null;
          function overlay(text) {
            var box = document.getElementById("mengvorm-errors");
            if (!text) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "mengvorm-errors";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.5 monospace";
              document.body.appendChild(box);
            }
            box.textContent = "";
            var pre = document.createElement("pre");
            pre.style.whiteSpace = "pre-wrap";
            pre.textContent = text;
            box.appendChild(pre);
          }
          var builds = null;
          // The server answers `?after=N` as soon as the next build has finished (or after 25 s).
          function poll() {
            var url = "/__mengvorm/status" + (builds === null ? "" : "?after=" + builds);
            fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
              if (version === null) { version = s.version; }
              else if (s.version !== version) { location.reload(); return; }
              builds = s.builds;
              overlay(s.errors);
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """
}

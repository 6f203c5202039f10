import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Mistakes in a theme's templates, as the build reports them: file, line and column, and what to do.
@Suite struct TemplateErrorTests {
    @Test func eachKindOfMistakeIsReportedAtItsPlace() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/transform.mustache"] = "<ul>\n{{#sorted(items)}}{{.}}{{/sorted(items)}}</ul>"
        theme["Themes/default/partials/close.mustache"] = "{{#items}}\n  {{/item}}"
        theme["Themes/default/partials/unfinished.mustache"] = "<p>{{title x}}</p>"
        theme["Themes/default/partials/delimiter.mustache"] = "a\nb {{=<% %>}}"
        theme["Themes/default/partials/parent.mustache"] = "{{<base}}{{title}}{{/base}}"
        let site = TestSite(["Content/_index.md": page("Home")], theme: theme)
        defer { site.remove() }
        let lines = TestSite.lines(site.build())
        for expected in [
            "Themes/default/partials/transform.mustache:2:1: error: unknown transform `sorted`; known: first, last, count, empty, "
                + "reversed, lowercased, uppercased, capitalized",
            "Themes/default/partials/close.mustache:2:6: error: this closing tag `{{/item}}` does not match the section that is open; "
                + "close `{{#items}}` with `{{/items}}`",
            "Themes/default/partials/unfinished.mustache:1:12: error: this tag is not finished: close it with `}}`",
            "Themes/default/partials/delimiter.mustache:2:13: error: this delimiter change is malformed; write it like `{{=<% %>=}}`",
            "Themes/default/partials/parent.mustache:1:28: error: inside `{{<layout}}` only `{{$block}}` sections may stand",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)\nin: \(lines.joined(separator: "\n"))")
        }
    }

    @Test func transformsRenderInAPage() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] =
            "{{#first(page.tags)}}first {{.}}{{/first(page.tags)}} {{count(page.tags)}} {{uppercased(page.title)}}"
            + "{{^empty(page.tags)}} tagged{{/empty(page.tags)}}"
        let site = TestSite(
            ["Content/_index.md": page("Home"), "Content/a.md": page("Werk", extra: "tags: [thuis, kantoor]")], theme: theme)
        defer { site.remove() }
        site.build()
        #expect(site.read("a/index.html") == "first thuis 2 WERK tagged")
    }
}

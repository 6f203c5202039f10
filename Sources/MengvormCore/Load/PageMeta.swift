/// The front matter of a page, checked and typed.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String?
    public var date: Day?
    public var updated: Day?
    public var draft = false
    public var weight: Int?
    public var layout: String?
    /// On a section: the layout of its pages (cascades to pages without their own `layout`).
    public var pageLayout: String?
    public var slug: String?
    public var tags: [String] = []
    /// Words the page should be found by in search (besides its title, tags and text).
    public var keywords: [String] = []
    public var owner: String?
    public var reviewBy: Day?
    public var lang: String?
    public var publishFrom: Day?
    public var publishUntil: Day?
    /// On a section: `date` lists newest first, anything else orders by weight then title.
    public var sortBy: String?
    /// On a section: write an Atom feed of its pages (`feed.xml`).
    public var feed = false
    /// Leave the page out of search and listings such as tags (it is still built).
    public var hidden = false
    /// Every other key, handed to templates as `page.params`.
    public var params: [(key: String, node: DataNode)] = []
    /// Where `slug` and `layout` were written, for later messages.
    public var slugLine = 0
    public var layoutLine = 0

    public init(title: String) { self.title = title }

    static let knownKeys = ["title", "description", "date", "updated", "draft", "weight", "layout", "page_layout",
                            "slug", "tags", "owner", "review_by", "lang", "publish_from", "publish_until", "sort_by", "feed", "hidden", "keywords"]
}

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
    /// The last day the yearly figures on this page hold (`valid_until: 2026-12-31`); `check` warns
    /// `validity_warning_days` before it, so HR updates amounts before the new year, not after.
    public var validUntil: Day?
    /// On a section: make one page per entry of a data file (see `DataPages`).
    public var pagesFrom: DataNode?
    /// Every other key, and the entries of a `params:` map, handed to templates as `page.params`.
    public var params: [(key: String, node: DataNode)] = []
    /// Where some keys were written (file lines; 0 when absent), for messages raised after loading.
    public var lines = Lines()

    public struct Lines: Sendable {
        public var slug = 0
        public var layout = 0
        public var feed = 0
        public var reviewBy = 0
        public var validUntil = 0
    }

    public init(title: String) { self.title = title }

    /// The keys Mengvorm reads. Any other key reaches templates as a param; one that is a near miss of
    /// these (`weigth:`) is a warning, since it is almost always a typo. Keys meant for the theme that
    /// look like these go under `params:`, which is never checked.
    static let knownKeys = [
        "title", "description", "date", "updated", "draft", "weight", "layout", "page_layout",
        "slug", "tags", "keywords", "owner", "review_by", "valid_until", "lang", "publish_from", "publish_until",
        "sort_by", "feed", "hidden", "params", "pages_from",
    ]
}

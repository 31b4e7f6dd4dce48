import QuireCore

/// The conversion options the EPUB writer reads, checked once.
struct EPUBSettings {
    enum Order: String { case input, published, channel }

    var title: String?
    var author: String?
    var coverPath: String?
    var order: Order
    var groupByChannel: Bool
    /// Seconds since 1970 for `dcterms:modified` (`SOURCE_DATE_EPOCH`).
    var date: Int?
    var language: String?
    var unsafeHTML: Bool
    /// Episode timelines and the overview page (`--no-timeline` leaves them out).
    var timeline: Bool

    init(_ options: ConversionOptions) throws(ConversionFailure) {
        title = options["title"].flatMap { $0.isEmpty ? nil : $0 }
        author = options["author"].flatMap { $0.isEmpty ? nil : $0 }
        coverPath = options["cover"].flatMap { $0.isEmpty ? nil : $0 }
        let orderName = options["order"] ?? "input"
        guard let order = Order(rawValue: orderName) else {
            throw ConversionFailure(.error("epub.option.order", "--order takes 'input', 'published' or 'channel', not '\(orderName)'"))
        }
        self.order = order
        switch options["group-by"] {
        case nil, "": groupByChannel = false
        case "channel": groupByChannel = true
        case let other?:
            throw ConversionFailure(.error("epub.option.group-by", "--group-by takes 'channel', not '\(other)'"))
        }
        if let text = options["date"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw ConversionFailure(.error("epub.option.date", "the date must be seconds since 1970 (SOURCE_DATE_EPOCH), not '\(text)'"))
            }
            date = seconds
        }
        language = options["language"].flatMap { LanguageTag.isWellFormed($0) ? $0 : nil }
        unsafeHTML = options.flag("unsafe-html")
        timeline = !options.flag("no-timeline")
    }
}

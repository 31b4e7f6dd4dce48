import QuireCore
import QuireHTML
import Testing

/// The format is registered with a lossless reader, a writer whose one loss (control characters) is
/// declared, and recognises HTML by its content.
@Suite struct HTMLRegistrationTests {
    @Test func readerAndWriterAreRegistered() throws {
        let registry = try FormatRegistry(plugins: [HTMLFormat()])
        #expect(registry.readers(of: "html").count == 1)
        #expect(registry.writers(of: "html").count == 1)
        #expect(registry.readers(of: "html").allSatisfy { $0.loss == .lossless })
        #expect(registry.writers(of: "html").allSatisfy { $0.loss == .lossy("control characters, which HTML cannot hold") })
        #expect(registry.format(forPath: "site/index.htm")?.id == "html")
    }

    @Test(arguments: [
        "<!DOCTYPE html>\n<html>", "\u{FEFF}  <!doctype HTML>", "<html lang=\"en\">", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<!-- saved page -->\n<!DOCTYPE html>",
    ])
    func htmlIsRecognised(start: String) throws {
        let registry = try FormatRegistry(plugins: [HTMLFormat()])
        #expect(registry.sniff(ContentSample(Array(start.utf8)))?.id == "html")
    }

    @Test(arguments: ["# Title\n\nSome <html> in text", "<opml version=\"2.0\">", "{\"html\": 1}", "<?xml version=\"1.0\"?><rss>"])
    func otherTextIsNot(start: String) throws {
        let registry = try FormatRegistry(plugins: [HTMLFormat()])
        #expect(registry.sniff(ContentSample(Array(start.utf8))) == nil)
    }
}

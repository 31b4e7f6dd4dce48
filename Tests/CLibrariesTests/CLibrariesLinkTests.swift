import CCmarkGFM
import CLibXML2
import CLibZip
import Foundation
import Testing

/// The C libraries the later formats use link and run, next to Foundation (the libxml2/ICU clash).
@Suite struct CLibrariesLinkTests {
    @Test func libxml2ParsesWithoutNetworkOrEntities() throws {
        let xml = "<root a=\"1\">text</root>"
        let document = xml.withCString { xmlReadMemory($0, Int32(strlen($0)), "test.xml", nil, Int32(XML_PARSE_NONET.rawValue)) }
        let parsed = try #require(document)
        defer { xmlFreeDoc(parsed) }
        let root = try #require(xmlDocGetRootElement(parsed))
        #expect(String(cString: root.pointee.name) == "root")
        let content = try #require(xmlNodeGetContent(root))
        defer { quire_xml_free(content) }
        #expect(String(cString: content) == "text")
    }

    @Test func libzipReportsItsVersion() {
        let version = String(cString: zip_libzip_version())
        #expect(version.split(separator: ".").count >= 2)
    }

    @Test func cmarkGFMRendersWithExtensions() throws {
        cmark_gfm_core_extensions_ensure_registered()
        let markdown = "| a |\n|---|\n| ~~b~~ |\n"
        let parser = try #require(cmark_parser_new(CMARK_OPT_DEFAULT))
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            let extensionPointer = try #require(cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let document = try #require(cmark_parser_finish(parser))
        defer { cmark_node_free(document) }
        let html = try #require(cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)))
        defer { free(html) }
        let text = String(cString: html)
        #expect(text.contains("<table>"))
        #expect(text.contains("<del>b</del>"))
    }
}

import QuireCore

/// EPUB 3.3 reading collections (with an EPUB 2 NCX for older readers).
public struct EPUBFormat: FormatPlugin {
    public static let id: FormatID = "epub"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "EPUB", fileExtensions: ["epub"], mediaTypes: ["application/epub+zip"],
                settings: EPUBSettings.all,
                sniffer: { sample in
                    // A zip whose first entry is the stored `mimetype` naming EPUB (OCF 3.3, 4.3).
                    let signature = Array("PK\u{03}\u{04}".utf8), mimetype = Array("mimetypeapplication/epub+zip".utf8)
                    guard sample.bytes.starts(with: signature) else { return nil }
                    let header = Array(sample.bytes.prefix(30 + mimetype.count))
                    return header.count == 30 + mimetype.count && header[30...].elementsEqual(mimetype) ? .certain : nil
                }))
        try registry.addReader(EPUBReader(), for: Self.id)
        try registry.addChecker(EPUBChecker(), for: Self.id, profiles: EPUBChecker.profiles)
        // XHTML cannot hold C0 control characters; the writer warns when it drops any.
        try registry.addWriter(EPUBWriter(), for: Self.id, loss: .lossy("control characters, which XHTML cannot hold"))
    }
}

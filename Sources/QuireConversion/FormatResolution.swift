import QuireCore

/// Telling formats from names, extensions and content, the way every front end does.
public struct FormatResolution: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry) { self.registry = registry }

    /// A format or `model` by name or alias; an unknown name is a request error listing the known ones.
    public func node(named name: String) throws(ConversionError) -> GraphNode {
        if name.lowercased() == "model" { return .model }
        guard let format = registry.format(named: name) else {
            let known = registry.formats.map(\.id.rawValue).joined(separator: ", ")
            throw .request("unknown format '\(name)'; known formats: \(known)")
        }
        return .format(format.id)
    }

    /// Reads an input (a path or `-`) and tells its format: `format` when given, else its extension
    /// (when that format can be read), else its content.
    public func readInput(_ path: String, format: GraphNode?) throws(ConversionError) -> (file: InputFile, format: GraphNode) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw .failure("cannot read \(error.description)")
        }
        return try tell(InputFile(name: path == "-" ? "<stdin>" : path, bytes: bytes), path: path == "-" ? nil : path, format: format)
    }

    /// The format of bytes already read: given, else by the path's extension, else by content.
    public func tell(_ file: InputFile, path: String?, format: GraphNode?) throws(ConversionError) -> (file: InputFile, format: GraphNode) {
        if let format { return (file, format) }
        if let path, let format = readableFormat(forPath: path) { return (file, .format(format)) }
        if let format = registry.sniff(ContentSample(file.bytes)) { return (file, .format(format.id)) }
        throw .failure("\(file.name): cannot tell the input format from its name or content; give \(ConversionRequest.sourceFormatMention)")
    }

    /// The format of the file at `path` as `readInput` would tell it, from the name or its first bytes.
    public func inputFormat(ofFile path: String, given format: GraphNode?) throws(ConversionError) -> GraphNode {
        if let format { return format }
        if let format = readableFormat(forPath: path) { return .format(format) }
        let sample: [UInt8]
        do {
            sample = try FileIO.readPrefix(path, count: ContentSample.length)
        } catch {
            throw .failure("cannot read \(error.description)")
        }
        if let format = registry.sniff(ContentSample(sample)) { return .format(format.id) }
        throw .failure("\(path): cannot tell the input format from its name or content; give \(ConversionRequest.sourceFormatMention)")
    }

    /// The format a path's extension names, when Quire can read that format.
    public func readableFormat(forPath path: String) -> FormatID? {
        guard let format = registry.format(forPath: path), !registry.readers(of: format.id).isEmpty else { return nil }
        return format.id
    }

    /// The formats whose writers write a folder with these settings (HTML with `split`).
    public func folderFormats(settings: ConversionOptions) -> [FormatID] {
        var seen = Set<FormatID>()
        return registry.edges.compactMap { edge -> FormatID? in
            guard case .write(let writer as any FolderWriter) = edge.action, case .format(let id) = edge.to,
                writer.writesFolder(options: settings), seen.insert(id).inserted
            else { return nil }
            return id
        }
    }
}

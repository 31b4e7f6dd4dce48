import QuireCore

/// With `split`, the Markdown writer writes a notes vault into the output folder, or updates the one
/// there (`Vault/VaultWriter.swift`, docs/notes-vault.md).
extension MarkdownWriter: FolderWriter {
    public func writesFolder(options: ConversionOptions) -> Bool { options.flag(MarkdownSettings.split) }
    /// A vault re-sync merges into the notes already there.
    public var readsExistingFolder: Bool { true }

    public func writeFolder(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [OutputFile]? {
        try updateFolder(collection, existing: FolderSnapshot.empty, options: options, diagnostics: &diagnostics)?.files
    }

    public func updateFolder(
        _ collection: EpisodeCollection, existing: any ExistingFolder, options: ConversionOptions, diagnostics: inout Diagnostics
    ) throws -> FolderUpdate? {
        guard writesFolder(options: options) else { return nil }
        let templateText = options.value(MarkdownSettings.noteName) ?? MarkdownSettings.defaultNoteName
        let template: NoteNameTemplate
        do {
            template = try NoteNameTemplate(templateText)
        } catch {
            throw ConversionFailure(.error("markdown.note-name", "bad \(MarkdownSettings.noteName.mention) '\(templateText)': \(error.reason)"))
        }
        let style = try options.choice(MarkdownSettings.links, as: VaultLinks.Style.self) ?? .wikilinks
        let writer = VaultWriter(collection: collection, template: template, style: style, prune: options.flag(MarkdownSettings.prune))
        return writer.update(existing: existing, diagnostics: &diagnostics)
    }
}

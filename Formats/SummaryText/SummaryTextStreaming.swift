import QuireCore

/// Streaming: a scraped page is read a piece at a time (`LineChunks`), its episodes handed on as they
/// are read, so a page of any size is read in the memory of one piece. The episode form, and input
/// that is not summary text at all, are read whole.
extension SummaryTextReader: StreamingFormatReader {
    public func stream(
        path: String, name: String, options: ConversionOptions, diagnostics: inout Diagnostics, into writer: any EpisodeStreamWriter,
        progress: (_ bytesRead: Int) -> Void
    ) throws -> Bool {
        let input = InputFile(name: name, bytes: [])
        guard try formOfFile(path, input: input) == .page else { return false }

        var chunks = try chunks(path)
        defer { chunks.close() }
        var reader = PageFormReader(input: input)
        reader.language = options.value(CommonSettings.language)
        reader.splitHints = try SplitHints.load(options)
        var page = PageFormReader.Progress()
        var hasBegun = false
        var episodeCount = 0
        var bytesRead = 0
        func handOn(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
            if !hasBegun, let preamble = page.preamble {
                try writer.begin(CollectionHeader(preamble: preamble), diagnostics: &diagnostics)
                hasBegun = true
            }
            guard !episodes.isEmpty else { return }
            episodeCount += episodes.count
            try writer.write(episodes, diagnostics: &diagnostics)
        }
        while let chunk = try next(&chunks) {
            let source = try SourceText(chunk.bytes[...], firstLine: chunk.firstLine, input: input)
            let episodes = reader.readPiece(source.lines, progress: &page)
            // Diagnostics in the order the whole read gives them: each piece's before its episodes go on.
            diagnostics.report(contentsOf: reader.diagnostics)
            reader.diagnostics = Diagnostics()
            try handOn(episodes, diagnostics: &diagnostics)
            bytesRead += chunk.bytes.count
            progress(bytesRead)
        }
        let last = reader.finish(&page)
        diagnostics.report(contentsOf: reader.diagnostics)
        try handOn(last, diagnostics: &diagnostics)
        if episodeCount == 0 {
            diagnostics.report(.warning("summary.no-episodes", "found no episode in the input; its lines are kept as the preamble", at: input.location()))
        }
        try writer.finish(diagnostics: &diagnostics)
        return true
    }

    /// The first pass: the form of the whole file, read a piece at a time. Refuses markup and
    /// input that is not UTF-8 text as the whole read does.
    private func formOfFile(_ path: String, input: InputFile) throws -> Form? {
        var chunks = try chunks(path)
        defer { chunks.close() }
        var detector = FormDetector()
        var hasCheckedMarkup = false
        while let chunk = try next(&chunks) {
            let source = try SourceText(chunk.bytes[...], firstLine: chunk.firstLine, input: input)
            detector.scan(source.lines)
            if !hasCheckedMarkup, let first = detector.firstTextLine {
                try Self.rejectMarkup(firstLine: first, input: input)
                hasCheckedMarkup = true
            }
        }
        return detector.hasText ? detector.form : nil
    }

    private func chunks(_ path: String) throws -> LineChunks {
        do {
            return try LineChunks(path: path, chunkSize: pieceSize)
        } catch {
            throw ConversionFailure(.error("input.read", "cannot read: \(error.reason)", at: SourceLocation(file: path)))
        }
    }

    private func next(_ chunks: inout LineChunks) throws -> (bytes: [UInt8], firstLine: Int)? {
        do {
            return try chunks.next()
        } catch {
            throw ConversionFailure(.error("input.read", "cannot read: \(error.reason)", at: SourceLocation(file: chunks.path)))
        }
    }
}

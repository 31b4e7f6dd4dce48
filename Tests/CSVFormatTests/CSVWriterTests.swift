import Foundation
import QuireCSV
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

@Suite struct CSVRecordTests {
    /// RFC 4180: CRLF after every record, quotes only where a cell holds a comma, a quote or a line break.
    @Test func quotingFollowsRFC4180() throws {
        let model = EpisodeCollection(episodes: [
            Episode(
                title: "plain", channel: "a,b",
                chapters: [Chapter(start: 1, title: "say \"hi\"", body: "one\ntwo", quotes: [Quote(text: "cr\rhere"), Quote(text: "x")])])
        ])
        let text = String(decoding: try writeCSV(model).bytes, as: UTF8.self)
        #expect(
            text == "channel,episode,published,episode_url,chapter,start,start_seconds,heading,body,quotes\r\n"
                + "\"a,b\",plain,,,1,00:00:01,1,\"say \"\"hi\"\"\",\"one\ntwo\",\"cr\rhere\nx\"\r\n")
    }

    @Test func anEmptyCollectionIsTheHeaderRowAlone() throws {
        for table in CSVTable.allCases {
            let (bytes, diagnostics) = try writeCSV(EpisodeCollection(), ["csv": table.rawValue])
            #expect(String(decoding: bytes, as: UTF8.self) == table.columns.joined(separator: ",") + "\r\n")
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func theByteOrderMarkIsWrittenOnlyWhenAskedFor() throws {
        let model = TrickySamples.collection
        let plain = try writeCSV(model).bytes, marked = try writeCSV(model, ["csv-bom": "true"]).bytes
        #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.dropFirst(3)) == plain)
        #expect(plain.first == UInt8(ascii: "c"))
    }

    @Test func anUnknownTableIsAnErrorNamingTheSetting() throws {
        do {
            _ = try writeCSV(ModelSamples.everyField, ["csv": "quotes"])
            Issue.record("expected a failure")
        } catch let failure as ConversionFailure {
            #expect(failure.diagnostics.map(\.id) == ["setting.value"])
            #expect(failure.description.contains("setting 'csv' takes 'chapters', 'entities' or 'episodes', not 'quotes'"))
        }
    }
}

@Suite struct CSVFormulaGuardTests {
    @Test func cellsASpreadsheetWouldRunGetALeadingApostrophe() {
        for cell in ["=1+2", "+1 555", "-x", "@SUM(A1)", "\tx", "\rx", "\r\nx", "'=x", "''+x", "=\u{301}"] {
            #expect(CSVFormulaGuard.guarded(cell) == "'" + cell, "\(cell.debugDescription)")
        }
        for cell in ["", "plain", "'Tis", "'", "x=1", " =1", "-12", "+7", "12", "面包", "\nx"] {
            #expect(CSVFormulaGuard.guarded(cell) == cell, "\(cell.debugDescription)")
        }
    }

    /// The guard can always be undone exactly, so a script reading the table gets the model's text back.
    @Test func theGuardIsUndoneExactly() {
        var random = SeededRandom(state: 19)
        let pieces = ["'", "=", "+", "-", "@", "\t", "\r", "\n", "1", "a", "面", " ", "\""]
        for _ in 0..<5000 {
            let cell = (0..<random.int(0...5)).map { _ in pieces[random.int(0...(pieces.count - 1))] }.joined()
            #expect(CSVFormulaGuard.unguard(CSVFormulaGuard.guarded(cell)) == cell, "\(cell.debugDescription)")
        }
    }

    @Test func guardedCellsAreCountedInANoteAndCanBeTurnedOff() throws {
        let (guarded, notes) = try writeCSV(TrickySamples.collection)
        #expect(notes.all.map(\.id) == ["csv.lossy", "csv.formula-guard"])
        #expect(notes.all.last?.severity == .note)
        // The HYPERLINK heading, the phone number, two quotes cells ('@SUM…', '- a dash…') and '=already;
        // not the heading '-12', a number.
        #expect(notes.all.last?.message.hasPrefix("5 cells beginning with =, +, -, @") == true)
        let raw = try PythonTable.read(guarded, flags: []).records
        #expect(raw[0]["heading"] == "'=HYPERLINK(\"https://evil.example\",\"click\")")
        #expect(raw[0]["body"] == "'+1 555 0100 is a phone number")
        #expect(raw[2]["heading"] == "-12")
        #expect(raw[2]["body"] == "''=already quoted")

        let (unsafe, diagnostics) = try writeCSV(TrickySamples.collection, ["csv-unsafe": "true"])
        #expect(diagnostics.all.map(\.id) == ["csv.lossy"])
        #expect(try PythonTable.read(unsafe, flags: []).records == ExpectedTable.chapters(TrickySamples.collection))
    }
}

@Suite(.needsPython) struct CSVPythonTests {
    /// Every table of the tricky sample and of `everyField`, read by Python's csv module, holds
    /// exactly the model's records: CJK, commas, quotes and line breaks included.
    @Test(arguments: CSVTable.allCases)
    func pythonReadsExactlyTheModelsRecords(_ table: CSVTable) throws {
        for model in [TrickySamples.collection, ModelSamples.everyField] {
            let (bytes, _) = try writeCSV(model, ["csv": table.rawValue])
            let python = try PythonTable.read(bytes)
            #expect(python.header == table.columns)
            #expect(python.records == ExpectedTable.records(table, model))
            let marked = try PythonTable.read(try writeCSV(model, ["csv": table.rawValue, "csv-bom": "true"]).bytes, flags: ["--unguard", "--bom"])
            #expect(marked.rows == python.rows)
        }
    }

    /// The real page: one record per chapter (per entity, per episode) with the right fields.
    @Test(.needsSharedCorpus, arguments: CSVTable.allCases)
    func theSamplePageReadsBackRowForRow(_ table: CSVTable) throws {
        let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        var diagnostics = Diagnostics()
        let page = try SummaryTextReader().read(try Fixtures.input(at: url, name: "page.txt"), options: ConversionOptions(), diagnostics: &diagnostics)
        // The page holds 20 episodes as Quire reads it (SummaryTextTests' PageFormTests).
        #expect(page.episodes.count == 20)
        let python = try PythonTable.read(try writeCSV(page, ["csv": table.rawValue]).bytes)
        let expected = ExpectedTable.records(table, page)
        switch table {
        case .chapters: #expect(python.rows.count == page.episodes.map(\.chapters.count).reduce(0, +))
        case .entities: #expect(python.rows.count == page.episodes.map(\.entities.count).reduce(0, +))
        case .episodes: #expect(python.rows.count == page.episodes.count)
        }
        #expect(python.records == expected)
        // Spot checks against the page as written, so a model read wrong cannot pass unseen.
        if table == .chapters {
            #expect(python.records.contains { $0["heading"] == "Post-Training RL is Greenfield" && $0["start"] == "00:32:30" && $0["start_seconds"] == "1950" })
            #expect(python.records.contains { $0["start"] == "01:32:45" && $0["heading"] == "China trip flops, or was progress made behind the scenes?" })
        }
    }
}

@Suite struct CSVGoldenTests {
    /// Each table of `everyField`, byte for byte, and the warning saying what it left out.
    @Test(arguments: CSVTable.allCases)
    func everyFieldMatchesGolden(_ table: CSVTable) throws {
        let (bytes, diagnostics) = try writeCSV(ModelSamples.everyField, ["csv": table.rawValue])
        try Golden.expect(String(decoding: bytes, as: UTF8.self), matches: "Tests/CSVFormatTests/Fixtures/every-field.\(table.rawValue).golden.csv")
        #expect(diagnostics.all.map(\.id) == ["csv.lossy"])
        let expectedLoss: [CSVTable: String] = [
            .chapters:
                "the chapters table leaves out the collection's title; the preamble; channel details (feed, site, description, artwork, author, categories); languages; summaries; entities (setting 'csv' entities writes them); quote times; episode guids; episode durations; episode seasons and numbers; episode enclosures; episode artwork; episode explicit flags; episode chapters and transcript links; episode extra fields; transcripts",
            .entities:
                "the entities table leaves out the collection's title; the preamble; channel details (feed, site, description, artwork, author, categories); languages; summaries; chapters (setting 'csv' chapters writes them); episode pages; episode guids; episode durations; episode seasons and numbers; episode enclosures; episode artwork; episode explicit flags; episode chapters and transcript links; episode extra fields; transcripts; 1 episode without entities, which have no row",
            .episodes:
                "the episodes table leaves out the collection's title; the preamble; channel details (feed, site, description, artwork, author, categories); chapters (setting 'csv' chapters writes them); entities (setting 'csv' entities writes them); episode enclosures; episode artwork; episode explicit flags; episode chapters and transcript links; episode extra fields; transcripts",
        ]
        #expect(diagnostics.all.first?.message == expectedLoss[table])
    }
}

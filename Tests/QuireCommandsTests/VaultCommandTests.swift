import Foundation
import QuireCommands
import QuireCore
import QuireTestSupport
import Testing

private let examplePage = Fixtures.url("Examples/sample-page.txt").path

/// Every file under `folder` (hidden ones aside), by relative path, with its bytes and modification time.
private func snapshot(_ folder: String) throws -> [String: (bytes: Data, modified: Date)] {
    var result: [String: (bytes: Data, modified: Date)] = [:]
    let manager = FileManager.default
    for case let relative as String in manager.enumerator(atPath: folder)! {
        let path = folder + "/" + relative
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        let modified = try manager.attributesOfItem(atPath: path)[.modificationDate] as! Date
        result[relative] = (try Data(contentsOf: URL(fileURLWithPath: path)), modified)
    }
    return result
}

/// Sets every file's modification time far back, so that a rewrite shows.
private func age(_ folder: String) throws {
    let old = Date(timeIntervalSince1970: 1_000_000_000)
    for relative in try snapshot(folder).keys {
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + relative)
    }
}

/// `quire convert … --to markdown --split -o vault/`: a notes vault, and a second run into it that keeps
/// what the user wrote (docs/notes-vault.md).
@Suite struct VaultCommandTests {
    @Test func splitWithoutAFormatIntoAFolderAsksWhichFormat() throws {
        let directory = try TemporaryDirectory()
        let result = quire(["convert", examplePage, "--split", "-o", directory.path("vault") + "/"])
        #expect(result.status == .usage)
        #expect(result.error.contains("html and markdown each write a folder"), "\(result.error)")
        #expect(result.error.contains("--to"))
    }

    @Test func aSecondRunKeepsEditsRenamesAndLeavesUnchangedFilesUntouched() throws {
        let directory = try TemporaryDirectory()
        let vault = directory.path("vault")
        #expect(quire(["convert", examplePage, "--to", "markdown", "--split", "-o", vault + "/"]).status == .success)
        let first = try snapshot(vault)
        // The sample page names no channels: its notes are at the vault's top.
        let oldName = "The Canal That Bankrupted a County.md"
        try #require(first[oldName] != nil, "\(first.keys.sorted())")
        // The user's own note, an edit after Quire's part, and a symbolic link out of the vault (never followed).
        let userNote = "Canal reading list.md"
        try Data("See [[The Canal That Bankrupted a County]].\n".utf8).write(to: URL(fileURLWithPath: vault + "/" + userNote))
        let edited = "Why Your Sourdough Sulks in Winter.md"
        let editedText = String(decoding: first[edited]!.bytes, as: UTF8.self) + "\nMy starter notes.\n"
        try Data(editedText.utf8).write(to: URL(fileURLWithPath: vault + "/" + edited))
        let outside = directory.path("outside")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data(first[oldName]!.bytes).write(to: URL(fileURLWithPath: outside + "/copy.md"))
        try FileManager.default.createSymbolicLink(atPath: vault + "/linked", withDestinationPath: outside)
        try age(vault)
        let aged = try snapshot(vault)

        let renamedPage = directory.path("page.txt")
        let page = try String(contentsOfFile: examplePage, encoding: .utf8)
        try Data(page.replacingOccurrences(of: "The Canal That Bankrupted a County", with: "The Canal That Ruined a County").utf8).write(
            to: URL(fileURLWithPath: renamedPage))
        let second = quire(["convert", renamedPage, "--to", "markdown", "--split", "-o", vault + "/"])
        #expect(second.status == .success, "\(second.error)")
        let after = try snapshot(vault)
        let newName = "The Canal That Ruined a County.md"
        #expect(after[oldName] == nil)
        try #require(after[newName] != nil, "\(after.keys.sorted())")
        #expect(String(decoding: after[userNote]!.bytes, as: UTF8.self) == "See [[The Canal That Ruined a County]].\n")
        #expect(after[edited]!.bytes == Data(editedText.utf8))
        #expect(after[edited]!.modified == aged[edited]!.modified)
        #expect(try String(contentsOfFile: outside + "/copy.md", encoding: .utf8) == String(decoding: first[oldName]!.bytes, as: UTF8.self))
        // Only the renamed note and the notes that link to it were written.
        let rewritten = after.filter { aged[$0.key]?.modified != $0.value.modified }.keys.sorted()
        #expect(rewritten.contains(newName) && rewritten.contains(userNote) && rewritten.contains("Entities/Marguerite Olin.md"))
        for path in rewritten where path != newName && path != userNote {
            #expect(String(decoding: aged[path]!.bytes, as: UTF8.self).contains("The Canal That Bankrupted a County"), "\(path) rewritten")
        }
        #expect(rewritten.count < after.count / 2)
    }

    @Test func aBadNoteNameTemplateNamesTheSetting() throws {
        let directory = try TemporaryDirectory()
        let result = quire(["convert", examplePage, "--to", "markdown", "--split", "--note-name", "../{title}", "-o", directory.path("vault") + "/"])
        // The template is checked by the writer, after the input is read: a failed conversion, not usage.
        #expect(result.status == .failure)
        #expect(result.error.contains("note-name"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("vault")))
    }

    @Test func aVaultReadsBackIntoTheSameVault() throws {
        let directory = try TemporaryDirectory()
        let vault = directory.path("vault"), again = directory.path("again"), json = directory.path("all.json")
        #expect(quire(["convert", examplePage, "--to", "markdown", "--split", "-o", vault + "/"]).status == .success)
        let read = quire(["convert", vault, "-o", json])
        #expect(read.status == .success, "\(read.error)")
        #expect(quire(["convert", json, "--to", "markdown", "--split", "-o", again + "/"]).status == .success)
        let first = try snapshot(vault), second = try snapshot(again)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, file) in first { #expect(second[path]?.bytes == file.bytes, "\(path)") }
    }
}

/// The core's folder update on disk: what a writer sees of the folder, and applying its changes.
@Suite struct FolderUpdateOnDiskTests {
    @Test func theExistingFolderListsRegularFilesOnlyNeitherHiddenNorThroughLinks() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path("vault")
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/A", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/.obsidian/app.json"))
        try Data("note".utf8).write(to: URL(fileURLWithPath: root + "/A/note.md"))
        try FileManager.default.createDirectory(atPath: directory.path("elsewhere"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: URL(fileURLWithPath: directory.path("elsewhere/secret.md")))
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: directory.path("elsewhere"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: directory.path("elsewhere/secret.md"))
        let folder = DiskFolder(root: root + "/")
        #expect(folder.files == [ExistingFile(path: "A/note.md", size: 4)])
        #expect(try folder.contents(of: "A/note.md") == Array("note".utf8))
        #expect(throws: FileIO.Failure.self) { try folder.contents(of: "../elsewhere/secret.md") }
        #expect(folder.symbolicLinks == ["link.md", "out"])
        #expect(DiskFolder(root: directory.path("missing")).files.isEmpty)
    }

    @Test func aLinkedFolderInTheVaultIsNeitherWrittenThroughNorReplaced() throws {
        let directory = try TemporaryDirectory()
        let vault = directory.path("vault"), outside = directory.path("outside")
        #expect(quire(["convert", examplePage, "--channel", "Canals", "--to", "markdown", "--split", "-o", vault + "/"]).status == .success)
        // The user keeps the channel's notes elsewhere and links the folder into the vault.
        try FileManager.default.moveItem(atPath: vault + "/Canals", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: vault + "/Canals", withDestinationPath: outside)
        let note = outside + "/The Canal That Bankrupted a County.md"
        let edited = String(decoding: try FileIO.read(note), as: UTF8.self) + "\nMy precious edit.\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: note))
        let before = try snapshot(outside)
        let run = quire(["convert", examplePage, "--channel", "Canals", "--to", "markdown", "--split", "-o", vault + "/"])
        #expect(run.status == .success, "\(run.error)")
        #expect(run.error.contains("Canals: warning: a symbolic link"), "\(run.error)")
        #expect(String(decoding: try FileIO.read(note), as: UTF8.self) == edited)
        #expect(try snapshot(outside).mapValues(\.bytes) == before.mapValues(\.bytes))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: vault + "/Canals") == outside)
    }

    @Test func aFileWhereAFolderIsNeededOrALinkStopsTheUpdateBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path("vault")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("a file".utf8).write(to: URL(fileURLWithPath: root + "/Zed"))
        let update = FolderUpdate(files: [OutputFile(path: "A/first.md", bytes: [1]), OutputFile(path: "Zed/second.md", bytes: [2])])
        #expect(throws: FileIO.Failure.self) { try FileIO.apply(update, under: root) }
        #expect(!FileManager.default.fileExists(atPath: root + "/A/first.md"))
        try FileManager.default.createDirectory(atPath: directory.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/L", withDestinationPath: directory.path("elsewhere"))
        let throughLink = FolderUpdate(files: [OutputFile(path: "A/first.md", bytes: [1]), OutputFile(path: "L/x.md", bytes: [2])])
        #expect(throws: FileIO.Failure.self) { try FileIO.apply(throughLink, under: root) }
        #expect(!FileManager.default.fileExists(atPath: root + "/A/first.md"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("elsewhere/x.md")))
    }

    @Test func applyingWritesThenRemovesAndRefusesPathsOutsideBeforeTouchingAnything() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path("vault")
        try FileIO.apply(FolderUpdate(files: [OutputFile(path: "A/old.md", bytes: Array("old".utf8))]), under: root)
        try FileIO.apply(FolderUpdate(files: [OutputFile(path: "B/new.md", bytes: Array("new".utf8))], removals: ["A/old.md", "A/gone.md"]), under: root)
        #expect(!FileManager.default.fileExists(atPath: root + "/A/old.md"))
        #expect(try FileIO.read(root + "/B/new.md") == Array("new".utf8))
        #expect(throws: FileIO.Failure.self) {
            try FileIO.apply(FolderUpdate(files: [OutputFile(path: "C/x.md", bytes: [])], removals: ["../outside.md"]), under: root)
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/C/x.md"))
    }
}

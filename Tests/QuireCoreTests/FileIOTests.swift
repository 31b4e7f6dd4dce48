import Foundation
import QuireCore
import QuireTestSupport
import Testing

@Suite struct FileIOTests {
    @Test func replacesAnExistingFileWholeAndLeavesNoTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("out.json")
        try Data("old content that is longer".utf8).write(to: URL(fileURLWithPath: path))
        try FileIO.writeAtomically(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.json"])
    }

    @Test func failureLeavesTheTargetAloneAndNamesThePath() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("missing-folder/out.json")
        #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically(Array("x".utf8), to: path) }
        do {
            try FileIO.writeAtomically(Array("x".utf8), to: path)
        } catch {
            #expect(error.description.hasPrefix(path + ": cannot create a temporary file beside it"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func writingOverADirectoryFailsAndKeepsIt() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path("taken")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically(Array("x".utf8), to: target) }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["taken"])
    }

    @Test func devicesAreWrittenIntoNotReplaced() throws {
        try FileIO.writeAtomically(Array("discarded".utf8), to: "/dev/null")
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test func readingReportsMissingFilesAndDirectories() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: FileIO.Failure(path: directory.path("nope"), reason: "No such file or directory")) {
            try FileIO.read(directory.path("nope"))
        }
        #expect(throws: FileIO.Failure(path: directory.url.path, reason: "is a directory")) { try FileIO.read(directory.url.path) }
    }

    @Test func aFolderIsWrittenWithItsSubfolders() throws {
        let directory = try TemporaryDirectory()
        let site = directory.path("site")
        try FileIO.writeFolder(
            [OutputFile(path: "index.html", bytes: Array("i".utf8)), OutputFile(path: "episodes/01.html", bytes: Array("e".utf8))],
            under: site)
        #expect(try FileIO.read(site + "/index.html") == Array("i".utf8))
        #expect(try FileIO.read(site + "/episodes/01.html") == Array("e".utf8))
    }

    @Test func aFolderPathLeavingTheOutputIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        for bad in ["../escape.html", "/etc/passwd", "a/../../b", "a\\b", ""] {
            #expect(throws: FileIO.Failure.self) {
                try FileIO.writeFolder([OutputFile(path: "ok.html", bytes: []), OutputFile(path: bad, bytes: [])], under: directory.path("site"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("site/ok.html")))
    }
}

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
}

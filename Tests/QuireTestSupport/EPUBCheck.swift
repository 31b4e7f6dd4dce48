import Foundation

/// epubcheck (the W3C's EPUB validator) through Java, when both are installed: the one copy every
/// test target that writes EPUBs uses.
public enum EPUBCheck {
    public static let jar = "/usr/share/java/epubcheck.jar"

    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: jar) && ExternalTool.isAvailable("java", probe: ["-version"]) }

    /// epubcheck's messages (fatals, errors, warnings) for the book in `bytes`, empty when it is clean.
    /// `name` keeps the extension that matters to readers (`book.kepub.epub`).
    public static func problems(_ bytes: [UInt8], name: String = "book.epub") throws -> [String] {
        let directory = try TemporaryDirectory()
        let path = directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try problems(atPath: path)
    }

    /// epubcheck's messages for the book at `path`.
    public static func problems(atPath path: String) throws -> [String] {
        // A large stack, as epubcheck's troubleshooting advises: 4.2 checks the reading order by recursion.
        let result = try ExternalTool.run("java", ["-Xss256m", "-jar", jar, "-q", path])
        let lines = (result.output + "\n" + result.error).split(separator: "\n").map(String.init)
        // epubcheck 4.2 catches some of its own crashes (a StackOverflowError on a long reading order,
        // w3c/epubcheck#1358) and then reports no messages at all: a crash counts as a problem.
        let problems = lines.filter {
            $0.hasPrefix("FATAL") || $0.hasPrefix("ERROR") || $0.hasPrefix("WARNING") || $0.hasPrefix("java.lang.") || $0.hasPrefix("Exception")
        }
        if result.status != 0 && problems.isEmpty { return ["epubcheck exited with \(result.status): \(result.error)"] }
        return problems
    }
}

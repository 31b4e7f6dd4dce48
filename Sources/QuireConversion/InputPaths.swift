import Foundation
import QuireCore

/// The files a command's input arguments name: files as given, every file below a folder (hidden ones
/// left out), and glob patterns Quire expands itself (for quoted patterns and shells that do not).
enum InputPaths {
    struct File: Equatable, Sendable {
        var path: String
        /// Path below the folder it was found in (the file name for a file given directly).
        var relative: String
    }

    /// Files in argument order; each folder's files sorted, so output reads the same on every run.
    static func expand(_ arguments: [String]) throws(ConversionError) -> [File] {
        var files: [File] = []
        let manager = FileManager.default
        for argument in arguments {
            if argument == "-" {
                files.append(File(path: "-", relative: "-"))
                continue
            }
            var isDirectory: ObjCBool = false
            if !manager.fileExists(atPath: argument, isDirectory: &isDirectory) {
                let matches = glob(argument)
                guard !matches.isEmpty else { throw .failure("cannot read \(argument): No such file or directory") }
                files += try expand(matches)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(File(path: argument, relative: (argument as NSString).lastPathComponent))
                continue
            }
            var found: [File] = []
            if let enumerator = manager.enumerator(atPath: argument) {
                while let relative = enumerator.nextObject() as? String {
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let path = (argument as NSString).appendingPathComponent(relative)
                    // A feed's linked files (feeds/show.files/, FeedFolder) are read by the feed's reader, not as inputs.
                    if isFeedAttachmentsFolder(path) {
                        enumerator.skipDescendants()
                        continue
                    }
                    if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                        found.append(File(path: path, relative: relative))
                    }
                }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return files
    }

    /// `show.files` beside a file `show.<ext>`: where `quire fetch` keeps the chapters and transcripts
    /// a feed links to.
    static func isFeedAttachmentsFolder(_ path: String) -> Bool {
        guard path.hasSuffix(".files") else { return false }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        let stem = String((path as NSString).lastPathComponent.dropLast(".files".count))
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return siblings.contains { $0 != stem + ".files" && ($0 as NSString).deletingPathExtension == stem }
    }

    /// Whether an argument names a folder or a pattern, whose files are chosen by Quire.
    static func isCollection(_ argument: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) { return isDirectory.boolValue }
        return argument.contains { "*?[".contains($0) }
    }

    private static func glob(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        return System.glob(pattern)
    }
}

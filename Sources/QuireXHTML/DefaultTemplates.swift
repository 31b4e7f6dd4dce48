/// The templates Quire ships: the `.mustache` files beside this one, compiled into the binary
/// (`resources: [.embedInCode("Templates")]`), so a copied executable still has them. Copy a file into
/// a folder, edit it and pass the folder with `--template` to replace it; docs/html-format.md lists
/// the variables.
public enum DefaultTemplates {
    /// The episode markup's templates by name: `episode` (one `<article>`), `chapter` (one `<section>`,
    /// rendered inside `episode` for each of its chapters) and `timeline` (the episode's shape in time,
    /// placed by `episode`). Their class names are what the reader looks for; a replacement that keeps
    /// them reads back exactly.
    public static let sources: [String: String] = [
        "episode": String(decoding: PackageResources.episode_mustache, as: UTF8.self),
        "chapter": String(decoding: PackageResources.chapter_mustache, as: UTF8.self),
        "timeline": String(decoding: PackageResources.timeline_mustache, as: UTF8.self),
    ]
}

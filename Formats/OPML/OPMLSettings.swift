import QuireCore

/// What the OPML writer can be told.
public enum OPMLSettings {
    public enum Mode: String, Sendable { case channels, outline }

    public static let mode = FormatSetting(
        "opml", .choice(["channels", "outline"]), default: Mode.channels.rawValue,
        help: "'channels': a subscription list for podcast apps; 'outline': the whole summary, for outliners.")

    public static let all = [mode]
}

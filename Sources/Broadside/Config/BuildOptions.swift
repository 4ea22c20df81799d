import Foundation

/// What one build is asked to do. The CLI fills it in; the library never reads the
/// command line, the environment or the clock itself.
public struct BuildOptions: Sendable {
    /// The site folder: `site.yml`, `content/`, `themes/`, `static/`.
    public var source: URL
    /// Where the finished site goes; replaced as a whole only when the build succeeds.
    public var output: URL
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// The build's "now": decides which posts are in the future, and nothing else.
    public var now: Date
    /// Drop the files in Broadside's own output folder that it did not write, instead of
    /// stopping the build; a folder Broadside did not make is still never replaced.
    public var clean: Bool
    /// Warnings stop the build as errors do (for CI): nothing is written.
    public var strict: Bool
    /// Told of each stage as it ends, for a terminal's progress lines; never changes the output.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Build the whole site even when nothing changed since the last build (`--verbose` shows
    /// each stage of a whole build); the output is the same either way.
    public var wholeBuild = false
    /// The process ends once the build returns (`broadside build`, not `serve`): the build's
    /// values are then left to the system as it ends, not freed one by one (about 30 ms of an
    /// edit's rebuild at 10,000 posts).
    public var endsProcess = false
    /// Which Mustache engine renders the theme: Broadside's own, or swift-mustache where a test
    /// compares the whole site byte for byte (see docs/templates-engine.md).
    var templateEngine: TemplateEngineChoice = .broadside

    public init(
        source: URL, output: URL? = nil, baseURL: String? = nil,
        includeDrafts: Bool = false, includeFuture: Bool = false, now: Date, clean: Bool = false,
        strict: Bool = false, progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("site")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.clean = clean
        self.strict = strict
        self.progress = progress
    }
}

/// A stage of the build that has just ended: `loaded 1,204 posts`.
public struct BuildProgress: Sendable {
    public var stage: String
    /// What the stage made, in words: `1,204 posts`.
    public var counts: String
    public var seconds: Double
}

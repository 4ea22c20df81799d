/// Which engine renders the theme: swift-mustache (the default), or Broadside's own
/// (`TemplateLibrary`), which tests choose to show the whole site comes out byte for byte the
/// same before it replaces swift-mustache.
enum TemplateEngineChoice: Sendable, Hashable {
    case swiftMustache
    case broadside
}

/// The answers the preview server gives besides a file, as HTTP status codes.
public enum PreviewStatus: Int, Error, Sendable, Equatable {
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case methodNotAllowed = 405
    case uriTooLong = 414
    case headersTooLarge = 431
    case serviceUnavailable = 503

    /// The reason phrase, and the one line of text the response carries.
    public var phrase: String {
        switch self {
        case .badRequest: "Bad Request"
        case .forbidden: "Forbidden"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .uriTooLong: "URI Too Long"
        case .headersTooLarge: "Request Header Fields Too Large"
        case .serviceUnavailable: "Service Unavailable"
        }
    }
}

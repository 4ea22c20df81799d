import Foundation
import Yams

/// `brand:` in site.yml: the organisation's colour for links, buttons and focus rings, for light
/// and (optionally) dark mode. A colour readers cannot read is refused: a link or a button's
/// text must keep WCAG 2.1 AA's 4.5:1 contrast with the page, and the error names the two
/// colours, the ratio, and the nearest colour of the same hue that passes.
///
/// ```yaml
/// brand:
///   accent: "#1d4e89"
///   accent_dark: "#9cc3f5"
/// ```
public struct BrandColours: Sendable, Equatable {
    public var accent: String?
    public var accentDark: String?

    /// The built-in theme's backgrounds, light and dark (themes/default/static/css/style.css),
    /// that link text and button labels stand on.
    static let background = "#fdfcfa"
    static let backgroundDark = "#17171a"
    static let minimum = 4.5
    static let keys = ["accent", "accent_dark"]

    var isEmpty: Bool { accent == nil && accentDark == nil }

    mutating func apply(_ node: Node, file: String, diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`brand` must be settings such as accent: \"#1d4e89\"",
                hint: "brand: { accent: \"#1d4e89\", accent_dark: \"#9cc3f5\" }"))
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            guard Self.keys.contains(key) else {
                diagnostics.append(.warning(file, line: keyNode.line, column: keyNode.column, "unknown setting `brand.\(key)` is ignored",
                    hint: KeySuggestions.hint("the brand settings are \(Self.keys.joined(separator: ", "))", near: key, in: Self.keys)))
                continue
            }
            let dark = key == "accent_dark"
            let background = dark ? Self.backgroundDark : Self.background
            guard let written = value.text?.trimmed, let colour = Colour(hex: written) else {
                diagnostics.append(.error(file, line: value.line, column: value.column, "`brand.\(key)` is not a colour: \"\(value.text ?? "")\"",
                    hint: "write it as a hex colour in quotes, such as \(key): \"#1d4e89\""))
                continue
            }
            let ratio = colour.contrast(with: Colour(hex: background)!)
            guard ratio >= Self.minimum else {
                let nearest = colour.nearestPassing(on: Colour(hex: background)!, minimum: Self.minimum)
                diagnostics.append(.error(file, line: value.line, column: value.column,
                    "`brand.\(key)` \(colour.hex) on the \(dark ? "dark mode's" : "page's") background \(background) has a contrast of \(Colour.ratioText(ratio)):1; links and buttons need 4.5:1 (WCAG 2.1 AA) to be read",
                    hint: "the nearest colour of the same hue that passes is \(nearest.hex) (\(Colour.ratioText(nearest.contrast(with: Colour(hex: background)!))):1)"))
                continue
            }
            if dark { accentDark = colour.hex } else { accent = colour.hex }
        }
    }

    /// The built-in theme's custom properties for the colours set, for a `<style>` after its stylesheet.
    var css: String? {
        guard !isEmpty else { return nil }
        var css = ""
        if let accent { css += ":root{--accent:\(accent)}" }
        if let accentDark { css += "@media (prefers-color-scheme: dark){:root{--accent:\(accentDark)}}" }
        return css
    }
}

/// An sRGB colour, for WCAG 2.1's contrast ratio.
struct Colour: Equatable {
    var red: Double, green: Double, blue: Double

    /// `#1d4e89` or `#fff`.
    init?(hex written: String) {
        var digits = Substring(written)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = Int(digits, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    init(red: Double, green: Double, blue: Double) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    var hex: String {
        "#" + [red, green, blue].map { channel in
            let byte = Int((min(max(channel, 0), 1) * 255).rounded())
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// WCAG 2.1's relative luminance.
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The same hue mixed toward black (on a light background) or white (on a dark one), just
    /// enough to pass: the smallest change that keeps the organisation's colour recognisable.
    func nearestPassing(on background: Colour, minimum: Double) -> Colour {
        let target: Double = background.luminance > 0.5 ? 0 : 1
        func mixed(_ amount: Double) -> Colour {
            Colour(red: red + (target - red) * amount, green: green + (target - green) * amount, blue: blue + (target - blue) * amount)
        }
        var (low, high) = (0.0, 1.0)
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if mixed(middle).contrast(with: background) >= minimum { high = middle } else { low = middle }
        }
        // Rounded to whole bytes, the colour may fall just short: step on until it passes.
        var amount = high
        while mixed(amount).roundedToBytes.contrast(with: background) < minimum && amount < 1 { amount = min(1, amount + 0.002) }
        return mixed(amount).roundedToBytes
    }

    private var roundedToBytes: Colour { Colour(hex: hex)! }

    /// 2.1, 4.48 → "4.4" (never rounded up to a pass).
    static func ratioText(_ ratio: Double) -> String {
        let tenths = (ratio * 10).rounded(.down) / 10
        return String(format: "%.1f", tenths)
    }
}

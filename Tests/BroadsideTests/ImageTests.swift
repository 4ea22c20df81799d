import Foundation
import Testing

@testable import Broadside

/// Photos as a reader receives them: no metadata in any published copy, upright, in sizes
/// named by content; and every bad or hostile image stopped with its file named.
@Suite struct ImageTests {
    static let featured = post("title: \"Shelter\"\ndate: 2026-10-01\nimage: courtyard.jpg\nimage_alt: \"The courtyard\"",
        body: "Inside.\n\n![A label](label.png) ![Blinking](blink.gif)")

    /// Every image file of the output, by path.
    static func images(in site: TemporarySite) throws -> [String: [UInt8]] {
        try tree(site.output).filter { ImageFormat.of(extension: $0.key) != nil }.mapValues { Array($0) }
    }

    @Test func everyPublishedImageHasNoMetadataAndIsUpright() throws {
        let site = try TemporarySite(files: ["content/posts/shelter/index.md": Self.featured], images: [
            "content/posts/shelter/courtyard.jpg": "phone.jpg", "content/posts/shelter/label.png": "label.png",
            "content/posts/shelter/blink.gif": "blink.gif", "static/images/wide.jpg": "wide.jpg",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.imagesProcessed == 4 && report.imagesFromCache == 0)
        let images = try Self.images(in: site)
        // The phone photo: its own address, 48 px in WebP and JPEG, and the share copy (the 48 px JPEG).
        #expect(images.keys.filter { $0.hasPrefix("posts/shelter/courtyard") }.count == 3)
        for (path, bytes) in images {
            let format = try #require(ImageFormat.sniff(bytes), "\(path) is no image")
            #expect(MetadataScan.metadata(in: bytes, format: format) == nil, "\(path) carries metadata")
            for secret in ["Exif", "PhoneCo", "taken at the shelter", "secret place"] {
                #expect(bytes.firstRange(of: Array(secret.utf8)) == nil, "\(path) still holds \(secret)")
            }
        }
        // Stored 64 × 48 with orientation 6 (turn 90° clockwise): published 48 × 64, portrait.
        for (path, bytes) in images where path.hasPrefix("posts/shelter/courtyard") {
            let header = try #require(ImageCodec.header(bytes))
            #expect(header.width == 48 && header.height == 64, "\(path) is \(header.width) × \(header.height)")
        }
        let gif = try #require(images["posts/shelter/blink.gif"])
        #expect(GIFStrip.strip(gif)?.frames == 2)
        // A photo wider than the largest width is published at it, never at its own 2000 px.
        let wideBytes: [UInt8] = try #require(images["images/wide.jpg"])
        let wide = try #require(ImageCodec.header(wideBytes))
        #expect(wide.width == 1600 && wide.height == 800)
    }

    @Test func thePostShowsEachSizeAndTheFeedAnImageMailClientsShow() throws {
        let site = try TemporarySite(files: ["content/posts/wide/index.md": post(
            "title: \"Wide\"\ndate: 2026-10-01\nimage: wide.jpg\nimage_alt: \"A field\"")], images: ["content/posts/wide/wide.jpg": "wide.jpg"])
        defer { site.remove() }
        try site.build()
        let names = try Self.images(in: site).keys.sorted()
        let first: String = try #require(names.first { $0.hasPrefix("posts/wide/wide-480.") })
        let key = first.split(separator: ".")[1]
        var expected: [String] = ["posts/wide/wide-1200.\(key).jpg"]
        for width in [480, 960, 1600] {
            expected += ["posts/wide/wide-\(width).\(key).jpg", "posts/wide/wide-\(width).\(key).webp"]
        }
        expected.append("posts/wide/wide.jpg")
        #expect(names == expected.sorted())
        let page = try site.read("posts/wide/index.html")
        let sizes = "sizes=\"(min-width: 760px) 712px, 100vw\""
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"/posts/wide/wide-480.\(key).webp 480w, "
            + "/posts/wide/wide-960.\(key).webp 960w, /posts/wide/wide-1600.\(key).webp 1600w\" \(sizes)>"
            + "<img src=\"/posts/wide/wide-960.\(key).jpg\" srcset=\"/posts/wide/wide-480.\(key).jpg 480w, "
            + "/posts/wide/wide-960.\(key).jpg 960w, /posts/wide/wide-1600.\(key).jpg 1600w\" \(sizes) "
            + "width=\"1600\" height=\"800\" alt=\"A field\"></picture>"))
        // The home page leads with the newest post's photo in its sizes; other lists show its thumbnail.
        #expect(try site.read("index.html").contains("<article class=\"lead\" lang=\"en\">\n<figure class=\"post-image\">\n<picture><source type=\"image/webp\""))
        #expect(try site.read("kinds/dispatch/index.html").contains("<picture class=\"thumb\"><source type=\"image/webp\" "
            + "srcset=\"/posts/wide/wide-480.\(key).webp\"><img src=\"/posts/wide/wide-480.\(key).jpg\" width=\"480\" "
            + "height=\"240\" alt=\"\" loading=\"lazy\"></picture>"))
        #expect(try site.read("feed.xml").contains("<content:encoded>&lt;p&gt;&lt;img src=&quot;https://example.org/posts/wide/wide-960.\(key).jpg&quot; "
            + "width=&quot;960&quot; height=&quot;480&quot; alt=&quot;A field&quot;&gt;&lt;/p&gt;"))
    }

    @Test func aWarmBuildTakesEveryImageFromTheCacheAndWritesTheSameBytes() throws {
        let site = try TemporarySite(files: ["content/posts/shelter/index.md": Self.featured], images: [
            "content/posts/shelter/courtyard.jpg": "phone.jpg", "content/posts/shelter/label.png": "label.png",
            "content/posts/shelter/blink.gif": "blink.gif",
        ])
        defer { site.remove() }
        try site.build()
        let first = try tree(site.output)
        let warm = try site.build()
        #expect(warm.imagesProcessed == 0 && warm.imagesFromCache == 3)
        #expect(try tree(site.output) == first)

        // A damaged cache file is noticed and made again, never published.
        let cache = site.root.appendingPathComponent(ImageCache.folderName)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        let isPNG = { (name: String) in (try? String(contentsOfFile: cache.path + "/\(name)/entry", encoding: .utf8))?.contains(" png ") == true }
        let entry: String = try #require(entries.first(where: isPNG))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/" + entry)
        let png: String = try #require(files.first { $0.hasSuffix(".png") })
        try Data("damaged".utf8).write(to: cache.appendingPathComponent("\(entry)/\(png)"))
        let repaired = try site.build()
        #expect(repaired.imagesProcessed == 1 && repaired.imagesFromCache == 2)
        #expect(try tree(site.output) == first)

        // An image no longer published leaves the cache, and so does the label's entry with sizes,
        // now that no page shows it: two entries are left.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/shelter/blink.gif"))
        try site.write("content/posts/shelter/index.md", post("title: \"Shelter\"\ndate: 2026-10-01\nimage: courtyard.jpg\nimage_alt: \"The courtyard\""))
        try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    @Test func checkNamesPhotosThatCarriedALocationAndWritesNothing() throws {
        let site = try TemporarySite(files: ["content/posts/shelter/index.md": Self.featured], images: [
            "content/posts/shelter/courtyard.jpg": "phone.jpg", "content/posts/shelter/label.png": "label.png",
            "content/posts/shelter/blink.gif": "blink.gif",
        ])
        defer { site.remove() }
        let report = SiteCheck.run(site.options())
        #expect(report.diagnostics == [])
        #expect(report.locatedImages == ["content/posts/shelter/courtyard.jpg"])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".broadside-cache").path))
    }

    @Test func theSettingsChooseWidthsAndQualityButNeverKeepMetadata() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nimages:\n  widths: [600, 300]\n  quality: 70\n",
            "content/posts/wide/index.md": post("title: \"Wide\"\ndate: 2026-10-01\nimage: wide.jpg\nimage_alt: \"A field\""),
        ], images: ["content/posts/wide/wide.jpg": "wide.jpg"])
        defer { site.remove() }
        try site.build()
        let names = try Self.images(in: site).keys
        let widths = Set(names.compactMap { $0.split(separator: "/").last?.split(separator: ".").first?.split(separator: "-").last })
        #expect(widths == ["300", "600", "1200", "wide"])

        try site.write("site.yml", "base_url: \"https://example.org/\"\nimages:\n  strip: false\n  widths: [0]\n")
        #expect(site.failure() == [
            .error("site.yml", line: 3, column: 3, "removing photos' metadata cannot be switched off",
                hint: "Broadside always removes GPS positions, camera details and dates from published images; delete this line"),
            .error("site.yml", line: 4, column: 11, "`images.widths` must be one to six widths in pixels, each from 16 to 4096",
                hint: "widths: [480, 960, 1600]"),
        ])
    }

    @Test func aPhotoFarLargerThanAnySizeServedIsAWarning() throws {
        let site = try TemporarySite(images: ["static/wide.jpg": "wide.jpg"])
        defer { site.remove() }
        var settings = ImageSettings()
        settings.warnPixels = 1_000_000  // wide.jpg is 2000 × 1000; sites get 20 megapixels
        let job = ImageJob(real: site.root.appendingPathComponent("static/wide.jpg").path, source: "static/wide.jpg", outputPath: "wide.jpg")
        let (_, diagnostics) = ImageStage.run([job], settings: settings, cache: ImageCache(site: site.root), store: false)
        #expect(diagnostics == [.warning("static/wide.jpg", "this photo is 2000 × 1000 pixels, far more than the 1600 pixels wide any reader is sent",
            hint: "it is published smaller; to save space and upload time, export it at 2000 to 3000 pixels wide")])
    }

    /// iPhones save HEIC; browsers other than Safari show neither HEIC nor (old ones) AVIF.
    @Test(arguments: ["heic", "avif"])
    func aHEICOrAVIFPhotoIsPublishedOnlyAsJPEGAndWebPSizes(_ format: String) throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: phone.\(format)\nimage_alt: \"The gate\"", body: "![Again](phone.\(format))")],
            images: ["content/posts/a/phone.\(format)": "phone.\(format)"])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.imagesProcessed == 1)
        let images = try Self.images(in: site)
        #expect(images["posts/a/phone.\(format)"] == nil, "the original format is not published")
        #expect(images.keys.filter { $0.hasSuffix(".jpg") }.count == 1 && images.keys.filter { $0.hasSuffix(".webp") }.count == 1)
        for (path, bytes) in images {
            let sniffed = try #require(ImageFormat.sniff(bytes))
            #expect(MetadataScan.metadata(in: bytes, format: sniffed) == nil, "\(path)")
            #expect(bytes.firstRange(of: Array("PhoneCo".utf8)) == nil, "\(path)")
        }
        #expect(try site.read("posts/a/index.html").components(separatedBy: "<picture><source type=\"image/webp\"").count == 3)
        #expect(SiteCheck.run(site.options()).locatedImages == ["content/posts/a/phone.\(format)"])
    }

    @Test func anAnimatedWebPKeepsItsFramesAndLosesItsEXIF() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01",
            body: "![Three colours](spin.webp)")], images: ["content/posts/a/spin.webp": "spin.webp"])
        defer { site.remove() }
        try site.build()
        let bytes = Array(try Data(contentsOf: site.output.appendingPathComponent("posts/a/spin.webp")))
        #expect(MetadataScan.metadata(in: bytes, format: .webp) == nil)
        #expect(bytes.firstRange(of: Array("PhoneCo".utf8)) == nil && bytes.firstRange(of: Array("ANMF".utf8)) != nil)
        #expect(ImageCodec.header(bytes)?.pages == 3)
        #expect(try site.read("posts/a/index.html").contains(
            "<p><img src=\"/posts/a/spin.webp\" width=\"12\" height=\"10\" alt=\"Three colours\" loading=\"lazy\"></p>"))
    }

    /// A file cut short anywhere (an upload broken off, a copy interrupted) is read as what it
    /// is by the scan and the rewriters, never beyond its end.
    @Test func everyImageCutShortIsScannedWithoutReadingPastItsEnd() throws {
        for name in ["phone.jpg", "label.png", "spin.webp", "blink.gif"] {
            let whole = Array(try Data(contentsOf: fixturesRoot.appendingPathComponent("images/\(name)")))
            for end in 0...min(whole.count, 400) {
                let bytes = Array(whole[..<end])
                for format in [ImageFormat.jpeg, .png, .webp, .gif] { _ = MetadataScan.metadata(in: bytes, format: format) }
                if let stripped = WebPStrip.strip(bytes) { _ = MetadataScan.metadata(in: stripped, format: .webp) }
                if let stripped = GIFStrip.strip(bytes) { _ = MetadataScan.metadata(in: stripped.bytes, format: .gif) }
            }
        }
        // A WebP's extended header cut before its flags cannot vouch for the file.
        let header = Array("RIFF".utf8) + [12, 0, 0, 0] + Array("WEBPVP8X".utf8) + [0, 0, 0, 0]
        #expect(MetadataScan.metadata(in: header, format: .webp) == "no WebP structure")
    }

    @Test func aPhotoWrittenIntoTheTextAsADataURLIsRefused() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01",
            body: "A photo:\n\n  ![The gate](data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ)")])
        defer { site.remove() }
        #expect(site.failure() == [.error("content/posts/a.md", line: 7, column: 3,
            "this image is written into the text as a data: URL, so Broadside cannot remove its metadata (a photo's GPS position) nor make sizes of it",
            hint: "save the image as a file beside index.md, or in static/, and write its name: ![What it shows](photo.jpg)")])
    }

    // MARK: Bad and hostile images

    static let used = " (the featured image of content/posts/a/index.md)"

    /// Builds a good site, then puts `bytes` where its photo was: the build must fail with
    /// `expected` and leave the site it built before exactly as it was.
    func failure(_ bytes: [UInt8], name: String = "photo.jpg") throws -> [Diagnostic] {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: \(name)\nimage_alt: \"A photo\"")], images: ["content/posts/a/\(name)": "phone.jpg"])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        try Data(bytes).write(to: site.root.appendingPathComponent("content/posts/a/\(name)"))
        let diagnostics = site.failure()
        #expect(try tree(site.output) == before, "the failed build changed the site")
        return diagnostics
    }

    static let damaged = Diagnostic.error("content/posts/a/photo.jpg", "this image cannot be read: it is damaged or cut short",
        hint: "open it in an image viewer and save it again, or replace it" + used)

    @Test func aTruncatedOrCorruptPhotoStopsTheBuild() throws {
        let wide = Array(try Data(contentsOf: fixturesRoot.appendingPathComponent("images/wide.jpg")))
        #expect(try failure(Array(wide.prefix(wide.count / 2))) == [Self.damaged])
        var corrupt = wide
        for index in stride(from: 700, to: corrupt.count - 2, by: 7) { corrupt[index] = 0xFF }
        #expect(try failure(corrupt) == [Self.damaged])
        #expect(try failure([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) == [Self.damaged])
    }

    /// Replaced within the file system's clock tick, by a file of the same size: its times may not
    /// move, so the digest remembered by file status must not be trusted (git's "racy" files).
    @Test func aPhotoReplacedAtOnceBySameSizedBytesIsReadAgain() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: photo.jpg\nimage_alt: \"A photo\"")], images: ["content/posts/a/photo.jpg": "wide.jpg"])
        defer { site.remove() }
        try site.build()
        var corrupt = Array(try Data(contentsOf: fixturesRoot.appendingPathComponent("images/wide.jpg")))
        for index in stride(from: 700, to: corrupt.count - 2, by: 7) { corrupt[index] = 0xFF }
        let path = site.root.appendingPathComponent("content/posts/a/photo.jpg").path
        let handle = try #require(FileHandle(forWritingAtPath: path))  // in place: the same inode
        try handle.write(contentsOf: Data(corrupt))
        try handle.close()
        #expect(site.failure() == [Self.damaged])
    }

    @Test func aFileNamedAsAnImageThatHoldsSomethingElseIsNamedForWhatItHolds() throws {
        func wrong(_ what: String, name: String = "photo.jpg") -> Diagnostic {
            .error("content/posts/a/\(name)", "this file is named .\(name.split(separator: ".").last!) but holds \(what), not an image",
                hint: "replace it with the image itself, or give it the extension of what it is" + Self.used)
        }
        #expect(try failure(Array("<!DOCTYPE html><html><body>Hi</body></html>".utf8)) == [wrong("an HTML page")])
        #expect(try failure(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), name: "photo.png") == [wrong("a PDF document", name: "photo.png")])
        #expect(try failure((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, name: "photo.webp")
            == [wrong("no image Broadside can read", name: "photo.webp")])
    }

    @Test func aDecompressionBombIsRefusedBeforeItIsDecoded() throws {
        // A valid PNG header claiming 100,000 × 100,000 pixels (10 gigapixels), and no pixels.
        var ihdr = Array("IHDR".utf8) + bigEndian(100_000) + bigEndian(100_000) + [8, 2, 0, 0, 0]
        ihdr += bigEndian(crc32(ihdr))
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13) + ihdr
            + bigEndian(0) + Array("IEND".utf8) + bigEndian(crc32(Array("IEND".utf8)))
        #expect(try failure(png, name: "photo.png") == [.error("content/posts/a/photo.png",
            "this image is 100000 × 100000 pixels, more than Broadside opens (100 megapixels)",
            hint: "resize it to at most 8000 pixels on its longest side before adding it" + Self.used)])
        // Found by fuzz-images: sides whose product overflows a 64-bit integer.
        var huge = png
        huge.replaceSubrange(16..<24, with: bigEndian(.max) + bigEndian(.max))
        #expect(try failure(huge, name: "photo.png") == [.error("content/posts/a/photo.png",
            "this image is 4294967295 × 4294967295 pixels, more than Broadside opens (100 megapixels)",
            hint: "resize it to at most 8000 pixels on its longest side before adding it" + Self.used)])
    }

    @Test func anUnreadablePhotoIsNamed() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: photo.jpg\nimage_alt: \"A photo\"")], images: ["content/posts/a/photo.jpg": "phone.jpg"])
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/posts/a/photo.jpg").path
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        // Root reads any file (unless run without CAP_DAC_OVERRIDE, as `setpriv` can): nothing to test then.
        let probe = open(path, O_RDONLY)
        guard probe < 0 else { close(probe); return }
        // Found when the post folder is listed (the message of any unreadable file), or by the image stage.
        #expect(site.failure().contains { $0.file == "content/posts/a/photo.jpg" && $0.severity == .error
            && $0.message.contains("cannot be read") && $0.message.contains("permission denied") })
    }

    @Test func anSVGIsPublishedOnlyWhenItRunsAndLoadsNothing() throws {
        let cases: [(String, String)] = [
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "holds a script"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "holds an event handler (onload)"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>", "holds a foreignObject"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"https://tracker.example/p.png\"/></svg>",
                "refers to another file or host (https://tracker.example/p.png)"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: url(https://x.example/a)\"/></svg>",
                "refers to another file or host (url(https://x.example/a))"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/jpeg;base64,/9j/4AAQ\"/></svg>",
                "embeds a file of its own (a data: URL), which may carry its own metadata"),
            ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>", "holds an entity declaration (<!ENTITY)"),
            // Found by the acceptance suite: a self-closing tag before the script hid it.
            ("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\" fill=\"#369\"/>\n  <script>x()</script>\n</svg>\n", "holds a script"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/><g/> <foreignObject/></svg>", "holds a foreignObject"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"red\" <script>x()</script></svg>", "holds a script"),
        ]
        for (svg, problem) in cases {
            #expect(try failure(Array(svg.utf8), name: "chart.svg") == [.error("content/posts/a/chart.svg", "this SVG \(problem)",
                hint: "export it again from the drawing program as plain SVG, without scripts, links or embedded files, or publish a PNG instead" + Self.used)],
                "\(svg)")
        }
        let safe = "<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\"/><use href=\"#g\"/></svg>"
        #expect(SVGCheck.problem(in: safe) == nil)
    }

    @Test func aFormatBroadsideCannotStripIsRefused() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post(
            "title: \"A\"\ndate: 2026-10-01\nimage: photo.bmp\nimage_alt: \"A photo\""), "content/posts/a/photo.bmp": "BM not really"])
        defer { site.remove() }
        #expect(site.failure() == [.error("content/posts/a/photo.bmp",
            "Broadside does not publish this kind of image", hint: "save it as JPEG, PNG or WebP" + Self.used)])
    }

    @Test func aGIFLosesItsCommentsAndForeignBlocksButNotItsFrames() throws {
        let gif = Array(try Data(contentsOf: fixturesRoot.appendingPathComponent("images/blink.gif")))
        let stripped = try #require(GIFStrip.strip(gif))
        #expect(stripped.frames == 2 && stripped.width == 10 && stripped.height == 8)
        #expect(gif.firstRange(of: Array("secret place".utf8)) != nil && stripped.bytes.firstRange(of: Array("secret place".utf8)) == nil)
        #expect(stripped.bytes.firstRange(of: Array("NETSCAPE2.0".utf8)) != nil, "the loop block goes")
        #expect(GIFStrip.strip(Array(gif.dropLast(5))) == nil)
    }
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

// Random bytes named .jpg, .png, .webp, .gif or .svg (the first byte chooses), through the
// image stage as a build runs it (sniffing, the size check, libvips's decoders, the sizes, the
// metadata scan) and through the lossless rewriters. Nothing may crash, and nothing published
// may carry metadata. The cache is read but never written.
import Foundation
import FuzzSupport

@testable import Broadside

// One folder for every run (libFuzzer ends without running exit handlers), each input's file
// named by the process and removed after it.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-fuzz-images")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let names = ["photo.jpg", "photo.png", "photo.webp", "photo.gif", "chart.svg"]
var settings = ImageSettings()
settings.widths = [16, 64]
// Small enough that a fuzzed header claiming a large image is refused before it is decoded.
settings.maxPixels = 4_000_000

runFuzzer { bytes in
    guard let first = bytes.first else { return }
    let name = names[Int(first) % names.count]
    let body = Array(bytes.dropFirst())
    let file = folder.appendingPathComponent("\(getpid())-\(name)")
    guard (try? Data(body).write(to: file)) != nil else { return }
    defer { try? FileManager.default.removeItem(at: file) }
    let job = ImageJob(real: file.path, source: "content/posts/fuzz/\(name)", outputPath: "posts/fuzz/\(name)", sizes: true, share: true)
    let (images, _) = ImageStage.run([job], settings: settings, cache: ImageCache(site: folder), store: false)
    // GIFs and animated WebPs are published as they are, frames and size kept: only images made
    // in sizes are held to the widths.
    if let image = images.images[job.outputPath], !image.webp.isEmpty || !image.fallback.isEmpty {
        precondition(image.width <= 64 && image.height > 0, "an image larger than the widths asked for")
    }
    if let stripped = GIFStrip.strip(body) {
        precondition(MetadataScan.metadata(in: stripped.bytes, format: .gif) == nil, "a stripped GIF keeps a comment")
    }
    if let stripped = WebPStrip.strip(body) {
        let found = MetadataScan.metadata(in: stripped, format: .webp)
        precondition(found == nil || found == "no WebP structure", "a stripped WebP keeps \(found!)")
    }
    _ = SVGCheck.problem(in: String(decoding: body, as: UTF8.self))
}

import CFiles
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file copied without holding it: the kernel copies it (`copy_file_range`, which also shares
/// blocks on file systems that can), else one fixed buffer is read and written in turn. Memory
/// stays the same whatever the file's size, so a 2 GB attachment costs no more than a 2 kB one.
/// Only the parts that hold data are copied: the holes of a sparse file stay holes.
struct FileCopy {
    /// The buffer of the read/write loop.
    static let bufferSize = 1 << 20

    enum Failure: Error, Equatable {
        case reading(Int32)
        case writing(Int32)
    }

    private let input: Int32
    private let output: Int32
    /// Whether `copy_file_range` is still worth asking: once it cannot, the buffer does the rest.
    private var inKernel = true
    private var buffer: UnsafeMutableRawPointer? = nil

    private init(_ input: Int32, _ output: Int32) {
        self.input = input
        self.output = output
    }

    /// `inKernel: false` (for tests) copies through the buffer from the start.
    static func copy(from source: String, to destination: String, inKernel: Bool = true) -> Result<Void, Failure> {
        let input = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { return .failure(.reading(errno)) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { return .failure(.reading(errno)) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { return .failure(.writing(errno)) }
        var copier = FileCopy(input, output)
        copier.inKernel = inKernel
        defer { free(copier.buffer) }
        var result = copier.copyData(size: Int(status.st_size)).flatMap { size in
            // The holes at the end, if any, and the length of a file that shrank while copied.
            ftruncate(output, off_t(size)) == 0 ? .success(()) : .failure(.writing(errno))
        }
        // `close` is where a file system that writes late (NFS) may report a full disk.
        if close(output) != 0, errno != EINTR, case .success = result { result = .failure(.writing(errno)) }
        return result
    }

    /// Copies each stretch of data below `size` (the size when the copy began) to the same place
    /// in the output; gives the size copied, less than `size` if the file was cut short meanwhile.
    private mutating func copyData(size: Int) -> Result<Int, Failure> {
        var position = 0
        while position < size {
            var start = Int(bs_seek_data(input, off_t(position)))
            if start < 0 {
                // ENXIO: only a hole is left. Another error: no SEEK_DATA here, so all of it is data.
                if errno == ENXIO { return .success(size) }
                start = position
            }
            let hole = Int(bs_seek_hole(input, off_t(start)))
            let end = min(hole < 0 ? size : hole, size)
            if start >= end { return .success(size) }
            switch copyRange(from: start, to: end) {
            case .failure(let failure): return .failure(failure)
            case .success(let reached) where reached < end: return .success(reached)
            case .success: position = end
            }
        }
        return .success(size)
    }

    /// The bytes from `start` to `end`; gives where it stopped, `end` unless the file was cut short.
    private mutating func copyRange(from start: Int, to end: Int) -> Result<Int, Failure> {
        var offset = start
        while offset < end {
            if inKernel {
                var from = off_t(offset)
                var to = off_t(offset)
                let copied = bs_copy_file_range(input, &from, output, &to, end - offset)
                if copied > 0 { offset += copied; continue }
                // The end of the file, or a file system that copies nothing this way (procfs
                // did): the buffer goes on, and says which.
                if copied == 0 { inKernel = false; continue }
                switch errno {
                case EINTR: continue
                case EXDEV, ENOSYS, EINVAL, EOPNOTSUPP: inKernel = false; continue
                case EIO: return .failure(.reading(EIO))
                default: return .failure(.writing(errno))
                }
            }
            switch copyThroughBuffer(at: offset, count: min(end - offset, Self.bufferSize)) {
            case .failure(let failure): return .failure(failure)
            case .success(0): return .success(offset)
            case .success(let copied): offset += copied
            }
        }
        return .success(offset)
    }

    /// One read of at most `count` bytes at `offset`, written at the same offset; gives the bytes copied.
    private mutating func copyThroughBuffer(at offset: Int, count: Int) -> Result<Int, Failure> {
        if buffer == nil { buffer = malloc(Self.bufferSize) }
        guard let buffer else { return .failure(.reading(ENOMEM)) }
        var got = -1
        while got < 0 {
            got = pread(input, buffer, count, off_t(offset))
            if got < 0 && errno != EINTR { return .failure(.reading(errno)) }
        }
        var done = 0
        while done < got {
            let written = pwrite(output, buffer + done, got - done, off_t(offset + done))
            if written < 0 {
                if errno == EINTR { continue }
                return .failure(.writing(errno))
            }
            done += written
        }
        return .success(got)
    }
}

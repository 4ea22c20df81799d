import CLibFuzzer

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer calls back through a C function pointer, which cannot capture the target's closure.
nonisolated(unsafe) private var currentTarget: ((UnsafeRawBufferPointer) -> Void)?

/// Hands the process to libFuzzer, which parses the command line (`-max_total_time=60 CORPUS…`)
/// and calls `target` with each input; returns only through `exit`.
public func runFuzzer(_ target: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
    currentTarget = target
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        currentTarget?(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
    exit(status)
}

/// A broken invariant is a crash, so libFuzzer keeps the input that broke it.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #file, line: UInt = #line)
{
    if !condition() { fatalError(message(), file: file, line: line) }
}

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that have their own main (llvm.org/docs/LibFuzzer.html,
// "Using libFuzzer as a library"). A Swift executable's main hides libFuzzer's, so each
// target calls this instead; -sanitize=fuzzer links the runtime that defines it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

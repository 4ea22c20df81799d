#define _GNU_SOURCE
#include "broadside_files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

ssize_t bs_copy_file_range(int input, off_t *input_offset, int output, off_t *output_offset, size_t count) {
#ifdef __linux__
    return copy_file_range(input, input_offset, output, output_offset, count, 0);
#else
    (void)input; (void)input_offset; (void)output; (void)output_offset; (void)count;
    errno = ENOSYS;
    return -1;
#endif
}

off_t bs_seek_data(int descriptor, off_t offset) {
#ifdef SEEK_DATA
    return lseek(descriptor, offset, SEEK_DATA);
#else
    (void)descriptor; (void)offset;
    errno = EINVAL;
    return -1;
#endif
}

off_t bs_seek_hole(int descriptor, off_t offset) {
#ifdef SEEK_HOLE
    return lseek(descriptor, offset, SEEK_HOLE);
#else
    (void)descriptor; (void)offset;
    errno = EINVAL;
    return -1;
#endif
}

int bs_open_unnamed(const char *folder) {
    int descriptor;
#ifdef O_TMPFILE
    descriptor = open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (descriptor >= 0) return descriptor;
#endif
    char path[4096];
    int length = snprintf(path, sizeof path, "%s/.broadside-html-XXXXXX", folder);
    if (length < 0 || (size_t)length >= sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    descriptor = mkostemp(path, O_CLOEXEC);
    if (descriptor >= 0) unlink(path);
    return descriptor;
}

/* Under a sanitizer, malloc is the sanitizer's own and glibc's arenas hold next to nothing; a
   malloc_trim walking them then crashed the thread sanitizer's run (SEGV in mtrim) while other
   tests' threads ran. Nothing is there to give back, so nothing is asked. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define BS_SANITIZED_ALLOCATOR 1
#endif
#endif

#if defined(__GLIBC__) && !defined(BS_SANITIZED_ALLOCATOR)
#include <malloc.h>
void bs_release_free_memory(void) { malloc_trim(0); }
#else
void bs_release_free_memory(void) {}
#endif

#define _GNU_SOURCE
#include "broadside_files.h"

#include <errno.h>
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

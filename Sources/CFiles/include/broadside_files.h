/* The Linux file calls Swift's Glibc module leaves out (they need _GNU_SOURCE), for copying
   files by streaming: see Sources/Broadside/Write/FileCopy.swift. */
#ifndef BROADSIDE_FILES_H
#define BROADSIDE_FILES_H

#include <stddef.h>
#include <sys/types.h>

/* copy_file_range(2) at the given offsets, which it advances; -1 with errno ENOSYS where
   there is none (not Linux). */
ssize_t bs_copy_file_range(int input, off_t *input_offset, int output, off_t *output_offset, size_t count);

/* lseek(2) to the next byte of data (SEEK_DATA) or hole (SEEK_HOLE) at or after `offset`;
   -1 with errno EINVAL where the system has no such seek. */
off_t bs_seek_data(int descriptor, off_t offset);
off_t bs_seek_hole(int descriptor, off_t offset);

/* A file without a name in `folder`, open for reading and writing: O_TMPFILE where the file
   system has it, else a file made and removed at once. It is gone when it is closed, however
   the process ends. -1 with errno when no file can be made there. */
int bs_open_unnamed(const char *folder);

/* Gives the system back the free memory of every malloc arena (glibc's malloc_trim(0)); nothing
   where the C library has no such call. Between a build's stages: what one stage freed is
   otherwise still counted to the process while the next grows elsewhere. */
void bs_release_free_memory(void);

#endif

#include <cmark.h>

#ifdef __linux__
/* glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module is built
   without; the site writer needs it to swap the new site and the old one in one step. */
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
/* The same for memmem, which finds the markers Broadside leaves in a post's HTML. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
#endif

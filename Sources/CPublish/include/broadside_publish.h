#ifndef BROADSIDE_PUBLISH_H
#define BROADSIDE_PUBLISH_H

#include <curl/curl.h>
#include <stddef.h>
#include <stdio.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
// function per kind of argument.
CURLcode bs_curl_set_long(CURL *curl, CURLoption option, long value);
CURLcode bs_curl_set_string(CURL *curl, CURLoption option, const char *value);
CURLcode bs_curl_set_pointer(CURL *curl, CURLoption option, void *value);
CURLcode bs_curl_set_off(CURL *curl, CURLoption option, curl_off_t value);
CURLcode bs_curl_get_long(CURL *curl, CURLINFO info, long *value);

// Uploads read from a FILE* and downloads append to a growing buffer: the callbacks stay in C
// so no Swift closure crosses the C boundary.
CURLcode bs_curl_read_from_file(CURL *curl, FILE *file);

typedef struct bs_buffer {
    char *data;
    size_t size;
} bs_buffer;
CURLcode bs_curl_write_to_buffer(CURL *curl, bs_buffer *buffer);
void bs_buffer_free(bs_buffer *buffer);

#endif

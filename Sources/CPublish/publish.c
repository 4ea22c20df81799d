#include "broadside_publish.h"

#include <stdlib.h>
#include <string.h>

CURLcode bs_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

CURLcode bs_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

CURLcode bs_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

CURLcode bs_curl_set_off(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}

CURLcode bs_curl_get_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}

static size_t read_file(char *buffer, size_t size, size_t count, void *file) {
    return fread(buffer, size, count, (FILE *)file);
}

CURLcode bs_curl_read_from_file(CURL *curl, FILE *file) {
    CURLcode code = curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_file);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(curl, CURLOPT_READDATA, file);
}

static size_t append(char *data, size_t size, size_t count, void *target) {
    bs_buffer *buffer = target;
    size_t length = size * count;
    char *grown = realloc(buffer->data, buffer->size + length + 1);
    if (!grown) return 0;  // curl reports a write error
    memcpy(grown + buffer->size, data, length);
    buffer->data = grown;
    buffer->size += length;
    grown[buffer->size] = 0;
    return length;
}

CURLcode bs_curl_write_to_buffer(CURL *curl, bs_buffer *buffer) {
    CURLcode code = curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(curl, CURLOPT_WRITEDATA, buffer);
}

void bs_buffer_free(bs_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
}

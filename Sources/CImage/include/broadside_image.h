/* The few libvips calls Broadside makes, as plain C functions: libvips's API is variadic
   (name/value option lists ended by NULL), which Swift cannot call. */
#ifndef BROADSIDE_IMAGE_H
#define BROADSIDE_IMAGE_H

#include <stddef.h>

/* Starts libvips once per process; 0 on success. Caches no operations (memory stays
   bounded by the images in hand) and runs each operation on one thread: Broadside
   processes several images side by side instead. */
int bs_image_start(void);

typedef struct {
    /* As a reader sees it: width and height swapped for EXIF orientations 5 to 8. */
    int width;
    int height;
    int pages;
    int orientation;
    /* libvips's loader: "jpegload", "pngload", "webpload", "gifload", "heifload", "tiffload"… */
    char loader[48];
    /* The file carries a GPS position (an EXIF GPS field). */
    int has_gps;
} bs_image_info;

/* Reads the header only of the `size` bytes at `data`. 0 on success, else -1 with libvips's
   message in `error`. The bytes must stay in place while any image made from them lives. */
int bs_image_probe_buffer(const void *data, size_t size, bs_image_info *info, char *error, size_t error_size);

/* Decodes the bytes (a JPEG shrunk by `jpeg_shrink`, 1, 2, 4 or 8, while it is read) at `width` pixels wide (never wider than the image), orientation applied
   to the pixels, in sRGB, whole in memory. Stops at the first decoding error (a damaged or
   truncated file). NULL on failure, with the message in `error`. */
void *bs_image_decode_buffer(const void *data, size_t size, int width, int jpeg_shrink, char *error, size_t error_size);

/* A copy of `image` reduced to `width` pixels wide, in memory. */
void *bs_image_resize(void *image, int width, char *error, size_t error_size);

int bs_image_width(void *image);
int bs_image_height(void *image);

enum { BS_FORMAT_JPEG = 0, BS_FORMAT_PNG = 1, BS_FORMAT_WEBP = 2 };

/* Encodes `image` with no metadata at all (no EXIF, XMP, IPTC, ICC, comments, text chunks).
   Returns a buffer to release with bs_image_free_buffer, or NULL with the message in `error`. */
void *bs_image_encode(void *image, int format, int quality, size_t *size, char *error, size_t error_size);

void bs_image_free_buffer(void *buffer);
void bs_image_release(void *image);

/* SHA-256 of `size` bytes as 64 lowercase hex digits and a NUL. */
void bs_sha256(const void *data, size_t size, char out[65]);
/// SHA-256 of a file read in 1 MB chunks, as 64 hex digits; -1 when it cannot be read.
int bs_sha256_file(const char *path, char out[65]);
/* SHA-256 of bytes given in parts: what bs_sha256 gives for the parts joined. bs_sha256_end
   writes the digits and releases the state. */
void *bs_sha256_begin(void);
void bs_sha256_update(void *state, const void *data, size_t size);
void bs_sha256_end(void *state, char out[65]);

#endif

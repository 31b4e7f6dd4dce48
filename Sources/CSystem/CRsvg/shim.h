#ifndef QUIRE_CRSVG_SHIM_H
#define QUIRE_CRSVG_SHIM_H
// librsvg renders SVG into cairo surfaces; cairo reads PNG bytes; zlib deflates the PNG Quire writes.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <gio/gio.h>
#include <zlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The image data (IDAT) of a PNG of a cairo ARGB32 surface: RGB when every pixel is opaque, else
// straight RGBA; each row with the Up filter, deflated with zlib's run-length strategy. A cover is
// mostly flat colour, so this takes about a third of the time cairo_surface_write_to_png's libpng
// defaults (adaptive filters, zlib level 6) take, for a file of similar size. In C, not Swift, so
// debug builds (the tests) are as fast as release ones. Returns 0 and a malloc'ed stream to free
// with quire_png_free, or -1.
static inline int quire_png_image_data(const unsigned char *pixels, int width, int height, int stride, int *has_alpha,
                                       unsigned char **out, unsigned long *out_length) {
    int alpha = 0;
    for (int y = 0; y < height && !alpha; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        for (int x = 0; x < width; x++) if ((row[x] >> 24) != 0xFF) { alpha = 1; break; }
    }
    const size_t channels = alpha ? 4 : 3, row_length = 1 + (size_t)width * channels;
    unsigned char *raw = malloc(row_length * height), *previous = calloc((size_t)width * channels, 1),
                  *current = malloc((size_t)width * channels);
    if (!raw || !previous || !current) { free(raw); free(previous); free(current); return -1; }
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        for (int x = 0; x < width; x++) {
            uint32_t word = row[x], a = word >> 24;
            unsigned char *pixel = current + (size_t)x * channels;
            for (int c = 0; c < 3; c++) {
                uint32_t value = (word >> (16 - 8 * c)) & 0xFF;
                // cairo premultiplies; PNG does not.
                if (alpha && a != 0xFF) value = a == 0 ? 0 : (value * 255 + a / 2) / a;
                pixel[c] = (unsigned char)(value > 255 ? 255 : value);
            }
            if (alpha) pixel[3] = (unsigned char)a;
        }
        unsigned char *line = raw + (size_t)y * row_length;
        line[0] = 2;  // Up: each byte minus the one above it; a flat picture becomes zeros.
        for (size_t i = 0; i < (size_t)width * channels; i++) line[1 + i] = (unsigned char)(current[i] - previous[i]);
        unsigned char *swap = previous; previous = current; current = swap;
    }
    free(previous); free(current);
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) { free(raw); return -1; }
    unsigned long bound = deflateBound(&stream, row_length * height);
    unsigned char *compressed = malloc(bound);
    stream.next_in = raw; stream.avail_in = (uInt)(row_length * height);
    stream.next_out = compressed; stream.avail_out = (uInt)bound;
    int status = compressed ? deflate(&stream, Z_FINISH) : Z_MEM_ERROR;
    *out_length = stream.total_out;
    deflateEnd(&stream);
    free(raw);
    if (status != Z_STREAM_END) { free(compressed); return -1; }
    *has_alpha = alpha;
    *out = compressed;
    return 0;
}

static inline void quire_png_free(unsigned char *data) { free(data); }
#endif

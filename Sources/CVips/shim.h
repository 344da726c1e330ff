#include <vips/vips.h>

/* Swift cannot call C's variadic functions: each wrapper below fixes the options Exemplar
   uses. Images are read from memory with sequential access, so a decoder streams through
   the file once and never holds the whole image at full size. */

/* The size and EXIF orientation of an encoded image, from its header alone. */
static inline int exemplar_vips_probe(const void *bytes, size_t length, int *width, int *height, int *orientation) {
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    *orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) vips_image_get_int(image, VIPS_META_ORIENTATION, orientation);
    g_object_unref(image);
    return 0;
}

/* Decodes and shrinks in one pass (JPEG and WebP shrink while loading), upright by the
   EXIF orientation, converted to sRGB, never enlarged. With `crop`, the result is exactly
   width × height, cut around the most interesting part. The result is held in memory, so
   later sizes are made from it without decoding the file again. A truncated or damaged
   file fails here. */
static inline VipsImage *exemplar_vips_thumbnail(const void *bytes, size_t length, int width, int height, int crop) {
    VipsImage *lazy = NULL;
    int failed = crop
        ? vips_thumbnail_buffer((void *)bytes, length, &lazy, width, "height", height, "size", VIPS_SIZE_DOWN,
                                "crop", VIPS_INTERESTING_ATTENTION, "export_profile", "srgb",
                                "option_string", "fail_on=truncated", NULL)
        : vips_thumbnail_buffer((void *)bytes, length, &lazy, width, "height", height, "size", VIPS_SIZE_DOWN,
                                "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
    if (failed) return NULL;
    VipsImage *memory = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    return memory;
}

/* A smaller copy of an image already in memory. */
static inline VipsImage *exemplar_vips_resize(VipsImage *image, int width, int height, int crop) {
    VipsImage *out = NULL;
    int failed = crop
        ? vips_thumbnail_image(image, &out, width, "height", height, "size", VIPS_SIZE_DOWN, "crop", VIPS_INTERESTING_CENTRE, NULL)
        : vips_thumbnail_image(image, &out, width, "height", height, "size", VIPS_SIZE_DOWN, NULL);
    return failed ? NULL : out;
}

/* JPEG has no transparency: transparent parts become white, not black. */
static inline VipsImage *exemplar_vips_flatten(VipsImage *image) {
    VipsImage *out = NULL;
    if (!vips_image_hasalpha(image)) {
        g_object_ref(image);
        return image;
    }
    double white[] = {255, 255, 255};
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    int failed = vips_flatten(image, &out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return failed ? NULL : out;
}

enum { EXEMPLAR_JPEG = 0, EXEMPLAR_WEBP = 1, EXEMPLAR_PNG = 2 };

/* Encodes with every piece of metadata removed (EXIF with GPS and serial numbers, XMP, IPTC,
   ICC: pixels are already sRGB). The saver's own `strip` is not trusted alone (some versions
   keep EXIF in WebP): every metadata field is removed from a copy of the image first.
   The caller frees `*bytes` with g_free. */
static inline int exemplar_vips_save(VipsImage *image, int format, int quality, void **bytes, size_t *length) {
    VipsImage *bare = NULL;
    if (vips_copy(image, &bare, NULL)) return -1;
    gchar **fields = vips_image_get_fields(bare);
    for (int i = 0; fields[i] != NULL; i++) vips_image_remove(bare, fields[i]);
    g_strfreev(fields);
    int failed;
    switch (format) {
    case EXEMPLAR_JPEG:
        failed = vips_jpegsave_buffer(bare, bytes, length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
        break;
    case EXEMPLAR_WEBP:
        failed = vips_webpsave_buffer(bare, bytes, length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
        break;
    default:
        failed = vips_pngsave_buffer(bare, bytes, length, "strip", TRUE, "compression", 6, NULL);
        break;
    }
    g_object_unref(bare);
    return failed;
}

static void exemplar_vips_ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

/* libvips' own warnings (a damaged tile) are not printed: the build reports the file instead. */
static inline void exemplar_vips_quiet(void) {
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, exemplar_vips_ignore, NULL);
}

/* The SHA-256 of some bytes as 64 hex digits; the caller frees it with g_free. */
static inline char *exemplar_sha256(const void *bytes, size_t length) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, length);
}

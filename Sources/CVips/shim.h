#include <dlfcn.h>
#include <stddef.h>

/* libvips is opened with dlopen the first time a photo is processed, not linked: with its
   hundred libraries (codecs, TLS, PDF and SVG readers) it would add about 25 MB to every
   build's memory, and most builds have no new photo to process. The few types and constants
   used are declared here with libvips' and GLib's values.

   Swift cannot call C's variadic functions: each wrapper below fixes the options Exemplar
   uses. Images are read from memory with sequential access, so a decoder streams through
   the file once and never holds the whole image at full size. */

typedef struct _VipsImage VipsImage;

enum { EXEMPLAR_ACCESS_SEQUENTIAL = 1, EXEMPLAR_SIZE_DOWN = 2, EXEMPLAR_INTERESTING_CENTRE = 1,
       EXEMPLAR_INTERESTING_ATTENTION = 3, EXEMPLAR_LOG_LEVEL_WARNING = 1 << 4, EXEMPLAR_CHECKSUM_SHA256 = 2 };

/* The functions used, looked up once in the opened library (GLib's come with it). */
struct exemplar_vips_api {
    int (*init)(const char *argv0);
    void (*concurrency_set)(int);
    void (*cache_set_max)(int);
    void (*error_clear)(void);
    VipsImage *(*image_new_from_buffer)(const void *, size_t, const char *, ...);
    int (*image_get_width)(const VipsImage *);
    int (*image_get_height)(const VipsImage *);
    unsigned long (*image_get_typeof)(const VipsImage *, const char *);
    int (*image_get_int)(VipsImage *, const char *, int *);
    int (*thumbnail_buffer)(void *, size_t, VipsImage **, int, ...);
    VipsImage *(*image_copy_memory)(VipsImage *);
    int (*thumbnail_image)(VipsImage *, VipsImage **, int, ...);
    int (*image_hasalpha)(VipsImage *);
    void *(*array_double_new)(const double *, int);
    int (*flatten)(VipsImage *, VipsImage **, ...);
    void (*area_unref)(void *);
    int (*copy)(VipsImage *, VipsImage **, ...);
    char **(*image_get_fields)(VipsImage *);
    int (*image_remove)(VipsImage *, const char *);
    int (*jpegsave_buffer)(VipsImage *, void **, size_t *, ...);
    int (*webpsave_buffer)(VipsImage *, void **, size_t *, ...);
    int (*pngsave_buffer)(VipsImage *, void **, size_t *, ...);
    void (*object_ref)(void *);
    void (*object_unref)(void *);
    void (*strfreev)(char **);
    void (*free)(void *);
    unsigned (*log_set_handler)(const char *, int, void (*)(const char *, int, const char *, void *), void *);
    char *(*compute_checksum_for_data)(int, const unsigned char *, size_t);
};

/* The table is the caller's (one per process, filled by `exemplar_vips_open`) and every
   function here takes it: Swift may emit these functions into several object files, each
   with its own copy of any static variable. */
#define exemplar_vips (*api)

/* Opens libvips and finds every function into `api`; 0 when done, -1 when the library or
   one of its functions is missing. Called once, before anything else here. */
static inline int exemplar_vips_open(struct exemplar_vips_api *api) {
    const char *names[] = {"libvips.so.42", "libvips.so"};
    void *library = NULL;
    for (int i = 0; i < 2 && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return -1;
    struct { void **slot; const char *name; } symbols[] = {
        {(void **)&exemplar_vips.init, "vips_init"},
        {(void **)&exemplar_vips.concurrency_set, "vips_concurrency_set"},
        {(void **)&exemplar_vips.cache_set_max, "vips_cache_set_max"},
        {(void **)&exemplar_vips.error_clear, "vips_error_clear"},
        {(void **)&exemplar_vips.image_new_from_buffer, "vips_image_new_from_buffer"},
        {(void **)&exemplar_vips.image_get_width, "vips_image_get_width"},
        {(void **)&exemplar_vips.image_get_height, "vips_image_get_height"},
        {(void **)&exemplar_vips.image_get_typeof, "vips_image_get_typeof"},
        {(void **)&exemplar_vips.image_get_int, "vips_image_get_int"},
        {(void **)&exemplar_vips.thumbnail_buffer, "vips_thumbnail_buffer"},
        {(void **)&exemplar_vips.image_copy_memory, "vips_image_copy_memory"},
        {(void **)&exemplar_vips.thumbnail_image, "vips_thumbnail_image"},
        {(void **)&exemplar_vips.image_hasalpha, "vips_image_hasalpha"},
        {(void **)&exemplar_vips.array_double_new, "vips_array_double_new"},
        {(void **)&exemplar_vips.flatten, "vips_flatten"},
        {(void **)&exemplar_vips.area_unref, "vips_area_unref"},
        {(void **)&exemplar_vips.copy, "vips_copy"},
        {(void **)&exemplar_vips.image_get_fields, "vips_image_get_fields"},
        {(void **)&exemplar_vips.image_remove, "vips_image_remove"},
        {(void **)&exemplar_vips.jpegsave_buffer, "vips_jpegsave_buffer"},
        {(void **)&exemplar_vips.webpsave_buffer, "vips_webpsave_buffer"},
        {(void **)&exemplar_vips.pngsave_buffer, "vips_pngsave_buffer"},
        {(void **)&exemplar_vips.object_ref, "g_object_ref"},
        {(void **)&exemplar_vips.object_unref, "g_object_unref"},
        {(void **)&exemplar_vips.strfreev, "g_strfreev"},
        {(void **)&exemplar_vips.free, "g_free"},
        {(void **)&exemplar_vips.log_set_handler, "g_log_set_handler"},
        {(void **)&exemplar_vips.compute_checksum_for_data, "g_compute_checksum_for_data"},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(library, symbols[i].name);
        if (*symbols[i].slot == NULL) return -1;
    }
    return 0;
}

static inline int exemplar_vips_init(const struct exemplar_vips_api *api, const char *argv0) { return exemplar_vips.init(argv0); }
static inline void exemplar_vips_concurrency_set(const struct exemplar_vips_api *api, int threads) { exemplar_vips.concurrency_set(threads); }
static inline void exemplar_vips_cache_set_max(const struct exemplar_vips_api *api, int operations) { exemplar_vips.cache_set_max(operations); }
static inline void exemplar_vips_error_clear(const struct exemplar_vips_api *api) { exemplar_vips.error_clear(); }
static inline int exemplar_vips_width(const struct exemplar_vips_api *api, const VipsImage *image) { return exemplar_vips.image_get_width(image); }
static inline int exemplar_vips_height(const struct exemplar_vips_api *api, const VipsImage *image) { return exemplar_vips.image_get_height(image); }
static inline void exemplar_g_object_unref(const struct exemplar_vips_api *api, void *object) { exemplar_vips.object_unref(object); }
static inline void exemplar_g_free(const struct exemplar_vips_api *api, void *memory) { exemplar_vips.free(memory); }

/* The size and EXIF orientation of an encoded image, from its header alone. */
static inline int exemplar_vips_probe(const struct exemplar_vips_api *api, const void *bytes, size_t length, int *width, int *height, int *orientation) {
    VipsImage *image = exemplar_vips.image_new_from_buffer(bytes, length, "", "access", EXEMPLAR_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    *width = exemplar_vips.image_get_width(image);
    *height = exemplar_vips.image_get_height(image);
    *orientation = 1;
    if (exemplar_vips.image_get_typeof(image, "orientation")) exemplar_vips.image_get_int(image, "orientation", orientation);
    exemplar_vips.object_unref(image);
    return 0;
}

/* Decodes and shrinks in one pass (JPEG and WebP shrink while loading), upright by the
   EXIF orientation, converted to sRGB, never enlarged. With `crop`, the result is exactly
   width × height, cut around the most interesting part. The result is held in memory, so
   later sizes are made from it without decoding the file again. A truncated or damaged
   file fails here. */
static inline VipsImage *exemplar_vips_thumbnail(const struct exemplar_vips_api *api, const void *bytes, size_t length, int width, int height, int crop) {
    VipsImage *lazy = NULL;
    int failed = crop
        ? exemplar_vips.thumbnail_buffer((void *)bytes, length, &lazy, width, "height", height, "size", EXEMPLAR_SIZE_DOWN,
                                "crop", EXEMPLAR_INTERESTING_ATTENTION, "export_profile", "srgb",
                                "option_string", "fail_on=truncated", NULL)
        : exemplar_vips.thumbnail_buffer((void *)bytes, length, &lazy, width, "height", height, "size", EXEMPLAR_SIZE_DOWN,
                                "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
    if (failed) return NULL;
    VipsImage *memory = exemplar_vips.image_copy_memory(lazy);
    exemplar_vips.object_unref(lazy);
    return memory;
}

/* A smaller copy of an image already in memory. */
static inline VipsImage *exemplar_vips_resize(const struct exemplar_vips_api *api, VipsImage *image, int width, int height, int crop) {
    VipsImage *out = NULL;
    int failed = crop
        ? exemplar_vips.thumbnail_image(image, &out, width, "height", height, "size", EXEMPLAR_SIZE_DOWN, "crop", EXEMPLAR_INTERESTING_CENTRE, NULL)
        : exemplar_vips.thumbnail_image(image, &out, width, "height", height, "size", EXEMPLAR_SIZE_DOWN, NULL);
    return failed ? NULL : out;
}

/* JPEG has no transparency: transparent parts become white, not black. */
static inline VipsImage *exemplar_vips_flatten(const struct exemplar_vips_api *api, VipsImage *image) {
    VipsImage *out = NULL;
    if (!exemplar_vips.image_hasalpha(image)) {
        exemplar_vips.object_ref(image);
        return image;
    }
    double white[] = {255, 255, 255};
    void *background = exemplar_vips.array_double_new(white, 3);
    int failed = exemplar_vips.flatten(image, &out, "background", background, NULL);
    exemplar_vips.area_unref(background);
    return failed ? NULL : out;
}

enum { EXEMPLAR_JPEG = 0, EXEMPLAR_WEBP = 1, EXEMPLAR_PNG = 2 };

/* Encodes with every piece of metadata removed (EXIF with GPS and serial numbers, XMP, IPTC,
   ICC: pixels are already sRGB). The saver's own `strip` is not trusted alone (some versions
   keep EXIF in WebP): every metadata field is removed from a copy of the image first.
   The caller frees `*bytes` with exemplar_g_free. */
static inline int exemplar_vips_save(const struct exemplar_vips_api *api, VipsImage *image, int format, int quality, void **bytes, size_t *length) {
    VipsImage *bare = NULL;
    if (exemplar_vips.copy(image, &bare, NULL)) return -1;
    char **fields = exemplar_vips.image_get_fields(bare);
    for (int i = 0; fields[i] != NULL; i++) exemplar_vips.image_remove(bare, fields[i]);
    exemplar_vips.strfreev(fields);
    int failed;
    switch (format) {
    case EXEMPLAR_JPEG:
        failed = exemplar_vips.jpegsave_buffer(bare, bytes, length, "Q", quality, "strip", 1,
                                      "optimize_coding", 1, "interlace", 1, NULL);
        break;
    case EXEMPLAR_WEBP:
        failed = exemplar_vips.webpsave_buffer(bare, bytes, length, "Q", quality, "strip", 1, "effort", 4, NULL);
        break;
    default:
        failed = exemplar_vips.pngsave_buffer(bare, bytes, length, "strip", 1, "compression", 6, NULL);
        break;
    }
    exemplar_vips.object_unref(bare);
    return failed;
}

static void exemplar_vips_ignore(const char *domain, int level, const char *message, void *data) {}

/* libvips' own warnings (a damaged tile) are not printed: the build reports the file instead. */
static inline void exemplar_vips_quiet(const struct exemplar_vips_api *api) {
    exemplar_vips.log_set_handler("VIPS", EXEMPLAR_LOG_LEVEL_WARNING, exemplar_vips_ignore, NULL);
}

/* The SHA-256 of some bytes as 64 hex digits; the caller frees it with exemplar_g_free. */
static inline char *exemplar_sha256(const struct exemplar_vips_api *api, const void *bytes, size_t length) {
    return exemplar_vips.compute_checksum_for_data(EXEMPLAR_CHECKSUM_SHA256, (const unsigned char *)bytes, length);
}

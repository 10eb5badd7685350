/* axon-idx.h: reading IDX files, the format of MNIST and its relatives.
 *
 * An IDX file is a 4-byte magic (0x00, 0x00, element type, number of dimensions), the
 * dimensions as big-endian 32-bit sizes, then the elements in row-major order. Files may be
 * gzip-compressed (recognised by their content, not their name). Every error names the file.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AXON_DATA_ERROR (axon_data_error_quark ())

typedef enum
{
  AXON_DATA_ERROR_IO,         /* the file could not be read (missing, permissions, ...) */
  AXON_DATA_ERROR_BAD_MAGIC,  /* not an IDX file */
  AXON_DATA_ERROR_TRUNCATED,  /* header or data shorter than the header announces */
  AXON_DATA_ERROR_TRAILING,   /* bytes after the announced data */
  AXON_DATA_ERROR_BAD_DIMS,   /* wrong number of dimensions or a zero/absurd size */
  AXON_DATA_ERROR_BAD_TYPE,   /* an element type the reader does not support here */
  AXON_DATA_ERROR_MISMATCH,   /* images and labels disagree (count), or bad label values */
  AXON_DATA_ERROR_NOT_FOUND,  /* a data directory lacks one of the four files */
} AxonDataError;

GQuark axon_data_error_quark (void);

#define AXON_IDX_MAX_DIMS 4

typedef enum
{
  AXON_IDX_UBYTE = 0x08,
  AXON_IDX_BYTE = 0x09,
  AXON_IDX_SHORT = 0x0b,
  AXON_IDX_INT = 0x0c,
  AXON_IDX_FLOAT = 0x0d,
  AXON_IDX_DOUBLE = 0x0e,
} AxonIdxType;

typedef struct
{
  char *name;       /* the file, as named in error messages */
  AxonIdxType type;
  guint n_dims;
  guint32 dims[AXON_IDX_MAX_DIMS];
  gsize n_elements; /* product of dims */
  GBytes *bytes;    /* the decompressed file; data starts at data_offset */
  gsize data_offset;
} AxonIdx;

/* Parses an IDX file held in bytes (raw or gzip); name is used in error messages. */
AxonIdx *axon_idx_parse (GBytes     *bytes,
                         const char *name,
                         GError    **error);
/* Reads and parses file. */
AxonIdx *axon_idx_load (GFile   *file,
                        GError **error);
void axon_idx_free (AxonIdx *idx);

/* The elements (big-endian for multi-byte types, as stored). */
const guint8 *axon_idx_data (const AxonIdx *idx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonIdx, axon_idx_free)

G_END_DECLS

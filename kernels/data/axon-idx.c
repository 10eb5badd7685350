/* axon-idx.c: the IDX reader, raw or gzip through GIO's GZlibDecompressor. */
#include "axon-idx.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (axon-data-error-quark, axon_data_error)

/* Sizes beyond this are not a data set this program could hold (and guard the products). */
#define MAX_ELEMENTS ((guint64) 1 << 34)

static gsize
type_size (guint type)
{
  switch (type)
    {
    case AXON_IDX_UBYTE:
    case AXON_IDX_BYTE:
      return 1;
    case AXON_IDX_SHORT:
      return 2;
    case AXON_IDX_INT:
    case AXON_IDX_FLOAT:
      return 4;
    case AXON_IDX_DOUBLE:
      return 8;
    default:
      return 0;
    }
}

static gboolean
is_gzip (GBytes *bytes)
{
  gsize n;
  const guint8 *p = g_bytes_get_data (bytes, &n);

  return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* The whole decompressed content of a gzip buffer; a cut-off stream is TRUNCATED. */
static GBytes *
gunzip (GBytes     *bytes,
        const char *name,
        GError    **error)
{
  g_autoptr (GZlibDecompressor) decompressor = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  gsize in_size;
  const guint8 *in = g_bytes_get_data (bytes, &in_size);
  gsize in_pos = 0;
  guint8 buffer[65536];

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  for (;;)
    {
      gsize read = 0, written = 0;
      g_autoptr (GError) local = NULL;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), in + in_pos, in_size - in_pos,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, &local);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_TRUNCATED,
                         _("%s: truncated gzip data"), name);
          else
            g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_IO,
                         _("%s: corrupt gzip data: %s"), name, local->message);
          return NULL;
        }
      in_pos += read;
      g_byte_array_append (out, buffer, (guint) written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

AxonIdx *
axon_idx_parse (GBytes     *bytes,
                const char *name,
                GError    **error)
{
  g_autoptr (AxonIdx) idx = g_new0 (AxonIdx, 1);
  const guint8 *p;
  gsize size, header, elem_size, expected;
  guint64 n = 1;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  idx->name = g_strdup (name);
  if (is_gzip (bytes))
    {
      idx->bytes = gunzip (bytes, name, error);
      if (idx->bytes == NULL)
        return NULL;
    }
  else
    idx->bytes = g_bytes_ref (bytes);

  p = g_bytes_get_data (idx->bytes, &size);
  if (size < 4)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_TRUNCATED,
                   _("%s: truncated header (%zu bytes, an IDX header has at least 4)"),
                   name, size);
      return NULL;
    }
  elem_size = type_size (p[2]);
  if (p[0] != 0 || p[1] != 0 || elem_size == 0 || p[3] == 0)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_MAGIC,
                   _("%s: bad magic 0x%02x%02x%02x%02x, not an IDX file"),
                   name, p[0], p[1], p[2], p[3]);
      return NULL;
    }
  idx->type = p[2];
  idx->n_dims = p[3];
  if (idx->n_dims > AXON_IDX_MAX_DIMS)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_DIMS,
                   _("%s: %u dimensions, at most %d supported"),
                   name, idx->n_dims, AXON_IDX_MAX_DIMS);
      return NULL;
    }
  header = 4 + 4 * (gsize) idx->n_dims;
  if (size < header)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_TRUNCATED,
                   _("%s: truncated header (%zu bytes, expected %zu for %u dimensions)"),
                   name, size, header, idx->n_dims);
      return NULL;
    }
  for (guint d = 0; d < idx->n_dims; d++)
    {
      idx->dims[d] = read_be32 (p + 4 + 4 * d);
      /* Checked before multiplying: 2^17 x 2^17 x 2^30 would wrap a guint64 to 0. */
      if (idx->dims[d] != 0 && n > MAX_ELEMENTS / idx->dims[d])
        {
          g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_DIMS,
                       _("%s: dimensions too large to be real data"), name);
          return NULL;
        }
      n *= idx->dims[d];
    }
  idx->n_elements = (gsize) n;
  idx->data_offset = header;
  expected = idx->n_elements * elem_size;
  if (size - header < expected)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_TRUNCATED,
                   _("%s: truncated data (%zu bytes after the header, expected %zu)"),
                   name, size - header, expected);
      return NULL;
    }
  if (size - header > expected)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_TRAILING,
                   _("%s: %zu unexpected bytes after the data"),
                   name, size - header - expected);
      return NULL;
    }
  return g_steal_pointer (&idx);
}

AxonIdx *
axon_idx_load (GFile   *file,
               GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &local);

  if (bytes == NULL)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_IO, "%s", local->message);
      return NULL;
    }
  return axon_idx_parse (bytes, name, error);
}

void
axon_idx_free (AxonIdx *idx)
{
  if (idx == NULL)
    return;
  g_free (idx->name);
  g_clear_pointer (&idx->bytes, g_bytes_unref);
  g_free (idx);
}

const guint8 *
axon_idx_data (const AxonIdx *idx)
{
  return (const guint8 *) g_bytes_get_data (idx->bytes, NULL) + idx->data_offset;
}

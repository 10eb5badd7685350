/* axon-tfrecord.c: CRC-32C (slicing-by-8 tables, or the SSE4.2 instruction) and TFRecord
 * framing. */
#include "axon-tfrecord.h"

#include <glib/gi18n.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define AXON_HAVE_SSE42_PATH 1
#include <nmmintrin.h>
#endif

/* Reflected Castagnoli polynomial. */
#define CRC32C_POLY 0x82f63b78u
/* TensorFlow's crc32c::kMaskDelta. */
#define CRC32C_MASK_DELTA 0xa282ead8u

static guint32 crc_table[8][256];

static gpointer
init_tables (gpointer data)
{
  for (guint32 i = 0; i < 256; i++)
    {
      guint32 c = i;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? (c >> 1) ^ CRC32C_POLY : c >> 1;
      crc_table[0][i] = c;
    }
  for (guint32 i = 0; i < 256; i++)
    for (int t = 1; t < 8; t++)
      crc_table[t][i] = (crc_table[t - 1][i] >> 8) ^ crc_table[0][crc_table[t - 1][i] & 0xff];
  return NULL;
}

static void
ensure_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_tables, NULL);
}

/* crc here is the raw register (already inverted). */
static guint32
crc32c_tables (guint32       crc,
               const guint8 *p,
               size_t        len)
{
  while (len > 0 && ((guintptr) p & 7) != 0)
    {
      crc = (crc >> 8) ^ crc_table[0][(crc ^ *p++) & 0xff];
      len--;
    }
  while (len >= 8)
    {
      guint32 lo, hi;

      memcpy (&lo, p, 4);
      memcpy (&hi, p + 4, 4);
      lo = GUINT32_FROM_LE (lo) ^ crc;
      hi = GUINT32_FROM_LE (hi);
      crc = crc_table[7][lo & 0xff] ^ crc_table[6][(lo >> 8) & 0xff]
            ^ crc_table[5][(lo >> 16) & 0xff] ^ crc_table[4][lo >> 24]
            ^ crc_table[3][hi & 0xff] ^ crc_table[2][(hi >> 8) & 0xff]
            ^ crc_table[1][(hi >> 16) & 0xff] ^ crc_table[0][hi >> 24];
      p += 8;
      len -= 8;
    }
  while (len-- > 0)
    crc = (crc >> 8) ^ crc_table[0][(crc ^ *p++) & 0xff];
  return crc;
}

#ifdef AXON_HAVE_SSE42_PATH
__attribute__ ((target ("sse4.2"))) static guint32
crc32c_sse42 (guint32       crc,
              const guint8 *p,
              size_t        len)
{
  guint64 c64;

  while (len > 0 && ((guintptr) p & 7) != 0)
    {
      crc = _mm_crc32_u8 (crc, *p++);
      len--;
    }
  c64 = crc;
  while (len >= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      c64 = _mm_crc32_u64 (c64, word);
      p += 8;
      len -= 8;
    }
  crc = (guint32) c64;
  while (len-- > 0)
    crc = _mm_crc32_u8 (crc, *p++);
  return crc;
}
#endif

guint32
axon_crc32c_portable (guint32     crc,
                      const void *data,
                      size_t      len)
{
  ensure_tables ();
  return ~crc32c_tables (~crc, data, len);
}

guint32
axon_crc32c (guint32     crc,
             const void *data,
             size_t      len)
{
#ifdef AXON_HAVE_SSE42_PATH
  static int have_sse42 = -1;

  if (G_UNLIKELY (have_sse42 < 0))
    have_sse42 = __builtin_cpu_supports ("sse4.2") ? 1 : 0;
  if (have_sse42)
    return ~crc32c_sse42 (~crc, data, len);
#endif
  return axon_crc32c_portable (crc, data, len);
}

guint32
axon_crc32c_mask (guint32 crc)
{
  return ((crc >> 15) | (crc << 17)) + CRC32C_MASK_DELTA;
}

guint32
axon_crc32c_unmask (guint32 masked)
{
  guint32 rot = masked - CRC32C_MASK_DELTA;

  return (rot >> 17) | (rot << 15);
}

static void
put_u32_le (guint8  *out,
            guint32  v)
{
  v = GUINT32_TO_LE (v);
  memcpy (out, &v, 4);
}

static guint32
get_u32_le (const guint8 *in)
{
  guint32 v;

  memcpy (&v, in, 4);
  return GUINT32_FROM_LE (v);
}

void
axon_tfrecord_append (GByteArray *out,
                      const void *payload,
                      size_t      len)
{
  guint8 header[12];
  guint8 footer[4];
  guint64 len_le = GUINT64_TO_LE ((guint64) len);

  memcpy (header, &len_le, 8);
  put_u32_le (header + 8, axon_crc32c_mask (axon_crc32c (0, header, 8)));
  put_u32_le (footer, axon_crc32c_mask (axon_crc32c (0, payload, len)));
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, payload, len);
  g_byte_array_append (out, footer, sizeof footer);
}

AxonTfrecordStatus
axon_tfrecord_next (const guint8  *data,
                    size_t         size,
                    size_t        *offset,
                    const guint8 **payload,
                    size_t        *payload_len)
{
  size_t at = *offset;
  guint64 len;

  *payload = NULL;
  *payload_len = 0;
  if (at >= size)
    return AXON_TFRECORD_END;
  if (size - at < 12)
    return AXON_TFRECORD_TRUNCATED_HEADER;
  memcpy (&len, data + at, 8);
  len = GUINT64_FROM_LE (len);
  if (axon_crc32c_mask (axon_crc32c (0, data + at, 8)) != get_u32_le (data + at + 8))
    return AXON_TFRECORD_BAD_LENGTH_CRC;
  /* Compare without overflow: a huge (but CRC-valid) length is just a truncation. */
  if (len > size - at - 12 || size - at - 12 - len < 4)
    return AXON_TFRECORD_TRUNCATED_PAYLOAD;
  if (axon_crc32c_mask (axon_crc32c (0, data + at + 12, len))
      != get_u32_le (data + at + 12 + len))
    return AXON_TFRECORD_BAD_PAYLOAD_CRC;
  *payload = data + at + 12;
  *payload_len = len;
  *offset = at + 12 + len + 4;
  return AXON_TFRECORD_OK;
}

const char *
axon_tfrecord_status_to_string (AxonTfrecordStatus status)
{
  switch (status)
    {
    case AXON_TFRECORD_OK:
      return _("valid record");
    case AXON_TFRECORD_END:
      return _("end of file");
    case AXON_TFRECORD_TRUNCATED_HEADER:
      return _("truncated record header");
    case AXON_TFRECORD_BAD_LENGTH_CRC:
      return _("corrupt record length (CRC mismatch)");
    case AXON_TFRECORD_TRUNCATED_PAYLOAD:
      return _("truncated record payload");
    case AXON_TFRECORD_BAD_PAYLOAD_CRC:
      return _("corrupt record payload (CRC mismatch)");
    default:
      return _("unknown record error");
    }
}

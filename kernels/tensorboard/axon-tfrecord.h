/* axon-tfrecord.h: CRC-32C and the TFRecord framing of TensorBoard event files.
 *
 * A record is: uint64 length (little endian), uint32 masked CRC-32C of those 8 bytes,
 * the payload, uint32 masked CRC-32C of the payload. Masking (TensorFlow's crc32c::Mask)
 * is ((crc >> 15) | (crc << 17)) + 0xa282ead8.
 */
#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

/* CRC-32C (Castagnoli, reflected polynomial 0x82f63b78) of data, continuing from crc
 * (0 to start), like zlib's crc32 (): axon_crc32c (0, "123456789", 9) == 0xe3069283.
 * Uses SSE4.2 when the CPU has it. */
guint32 axon_crc32c (guint32     crc,
                     const void *data,
                     size_t      len);
/* The same with the portable table code only (so tests can check both paths). */
guint32 axon_crc32c_portable (guint32     crc,
                              const void *data,
                              size_t      len);
guint32 axon_crc32c_mask (guint32 crc);
guint32 axon_crc32c_unmask (guint32 masked);

/* Appends one framed record to out. */
void axon_tfrecord_append (GByteArray *out,
                           const void *payload,
                           size_t      len);

typedef enum
{
  AXON_TFRECORD_OK,
  AXON_TFRECORD_END,               /* clean end of data at *offset */
  AXON_TFRECORD_TRUNCATED_HEADER,  /* fewer than 12 bytes left */
  AXON_TFRECORD_BAD_LENGTH_CRC,
  AXON_TFRECORD_TRUNCATED_PAYLOAD, /* the payload or its CRC runs past the end */
  AXON_TFRECORD_BAD_PAYLOAD_CRC,
} AxonTfrecordStatus;

/* Reads the record at *offset of data[0..size). On OK, *payload and *payload_len point into
 * data and *offset moves past the record; otherwise *offset is left at the damaged
 * record. */
AxonTfrecordStatus axon_tfrecord_next (const guint8  *data,
                                       size_t         size,
                                       size_t        *offset,
                                       const guint8 **payload,
                                       size_t        *payload_len);
/* A translated description of a status ("the CRC of the payload does not match"...). */
const char *axon_tfrecord_status_to_string (AxonTfrecordStatus status);

G_END_DECLS

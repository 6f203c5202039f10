#ifndef MENGVORM_BYTE_SCAN_H
#define MENGVORM_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// The position of the first byte at or after `from` that a JSON string inside an HTML script must
/// not hold as it is: a control byte (below 0x20), `"`, `\`, `<`, `>`, `&`, or 0xE2 (which starts
/// U+2028 and U+2029); `count` when there is none.
size_t mengvorm_json_care(const uint8_t *bytes, size_t count, size_t from);

/// The position of the first byte at or after `from` that HTML text escapes (`<`, `>`, `&`, `"`, `'`);
/// `count` when there is none.
size_t mengvorm_html_care(const uint8_t *bytes, size_t count, size_t from);

#endif

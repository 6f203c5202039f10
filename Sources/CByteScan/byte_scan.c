#include "byte_scan.h"

#include <string.h>

// Sixteen bytes at a time with the compiler's portable vectors (SSE2 on x86-64, NEON on arm64): the
// search index quotes every page's text, 75 MB at 10,000 pages, and the templates escape every title,
// link and description they insert; almost no byte needs care.
typedef uint8_t bytes16 __attribute__((vector_size(16)));

enum scan_kind { scan_json, scan_html };

static bytes16 hits(bytes16 block, enum scan_kind kind) {
    if (kind == scan_json) {
        return (bytes16)((block < 0x20) | (block == '"') | (block == '\\') | (block == '<') | (block == '>')
                         | (block == '&') | (block == 0xE2));
    }
    return (bytes16)((block == '<') | (block == '>') | (block == '&') | (block == '"') | (block == '\''));
}

static int hit(uint8_t byte, enum scan_kind kind) {
    if (kind == scan_json) {
        return byte < 0x20 || byte == '"' || byte == '\\' || byte == '<' || byte == '>' || byte == '&' || byte == 0xE2;
    }
    return byte == '<' || byte == '>' || byte == '&' || byte == '"' || byte == '\'';
}

// Always inlined with a constant kind, so each public function is its own loop without the test.
static inline __attribute__((always_inline)) size_t scan(const uint8_t *bytes, size_t count, size_t from, enum scan_kind kind) {
    size_t index = from;
    for (; index + 16 <= count; index += 16) {
        bytes16 block;
        memcpy(&block, bytes + index, 16);
        bytes16 found = hits(block, kind);
        uint64_t low, high;
        memcpy(&low, &found, 8);
        memcpy(&high, (const uint8_t *)&found + 8, 8);
        if (low | high) break;
    }
    for (; index < count; index++) {
        if (hit(bytes[index], kind)) return index;
    }
    return count;
}

size_t mengvorm_json_care(const uint8_t *bytes, size_t count, size_t from) { return scan(bytes, count, from, scan_json); }

size_t mengvorm_html_care(const uint8_t *bytes, size_t count, size_t from) { return scan(bytes, count, from, scan_html); }

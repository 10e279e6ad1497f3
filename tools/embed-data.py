#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Turn a data file into a C source holding its bytes, so the library carries the
referential it was built with. Usage: embed-data.py INPUT OUTPUT SYMBOL"""
import sys


def main():
    source, output, symbol = sys.argv[1:4]
    with open(source, 'rb') as f:
        data = f.read()
    lines = []
    for start in range(0, len(data), 16):
        chunk = data[start:start + 16]
        lines.append('\t' + ''.join('0x%02x,' % b for b in chunk))
    with open(output, 'w', encoding='ascii') as out:
        out.write('/* Generated from %s at build time; do not edit. */\n' % source.split('/')[-1])
        out.write('#include <stddef.h>\n\n')
        out.write('extern const unsigned char %s[];\n' % symbol)
        out.write('extern const size_t %s_size;\n\n' % symbol)
        out.write('const unsigned char %s[] = {\n%s\n\t0x00\n};\n' % (symbol, '\n'.join(lines)))
        out.write('const size_t %s_size = %d;\n' % (symbol, len(data)))


if __name__ == '__main__':
    main()

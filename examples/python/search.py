#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Search the embedded referential: accents, case and inclusive-writing punctuation do not
matter.

    search.py WORD...
"""
import sys

import cispref


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: search.py WORD...")
    ref = cispref.default()
    try:
        hits = ref.search(" ".join(sys.argv[1:]))
    except ValueError as error:
        sys.exit(f"search: {error}")
    for hit in hits:
        print(f"{hit.id}\t{hit.path}")
    print(f"{len(hits)} hit(s)")


if __name__ == "__main__":
    main()

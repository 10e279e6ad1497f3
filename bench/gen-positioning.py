#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Write a synthetic positioning document: PERSONS persons rating every item of a
referential (by default the embedded one, data/accompagnement-cisp.xml), deterministic
from the seed. Levels are drawn from the default scale with weights that leave about a
third of the ratings below proficient, so that the needs are many. Standard library
only.

    gen-positioning.py [--persons N] [--seed S] [--referential FILE] -o FILE
"""
import argparse
import os
import random
import xml.etree.ElementTree as ET

NS = "{urn:cispref:referential}"
LEVELS = ["decouverte", "developpement", "maitrise", "expertise"]
WEIGHTS = [1, 2, 4, 2]
ITEMS = ("savoir-faire", "savoir-faire-comportemental", "savoir")


def item_ids(path):
    root = ET.parse(path).getroot()
    ids = []
    for competence in root.iter(NS + "competence"):
        for child in competence:
            if child.tag[len(NS):] in ITEMS:
                ids.append(child.get("id"))
    return root.get("id"), root.get("version"), ids


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--referential",
                        default=os.path.join(here, "..", "data", "accompagnement-cisp.xml"))
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ref_id, edition, items = item_ids(args.referential)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<positioning xmlns="urn:cispref:positioning" format-version="1" '
                  f'referential="{ref_id}" edition="{edition}">\n  <persons>\n')
        for p in range(args.persons):
            out.write(f'    <person id="p{p:05d}"/>\n')
        out.write("  </persons>\n  <ratings>\n")
        for p in range(args.persons):
            for item in items:
                level = rng.choices(LEVELS, WEIGHTS)[0]
                out.write(f'    <rating person="p{p:05d}" target="{item}" level="{level}" '
                          'source="self"/>\n')
        out.write("  </ratings>\n</positioning>\n")


if __name__ == "__main__":
    main()

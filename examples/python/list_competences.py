#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""List the competences of a domain of the embedded referential, with their item counts.

    list_competences.py [DOMAIN_ID]     (default: psy)
"""
import sys

import cispref


def main() -> None:
    ref = cispref.default()
    domain_id = sys.argv[1] if len(sys.argv) > 1 else "psy"
    domain = ref.get(domain_id)
    if not isinstance(domain, cispref.Domain):
        ids = ", ".join(d.id for d in ref.domains)
        sys.exit(f"list_competences: no domain '{domain_id}' (domains: {ids})")
    print(domain.title)
    for plan in domain.plans:
        print(f"  {plan.title}")
        for competence in plan.competences:
            print(f"    {competence.id} {competence.title} "
                  f"({len(competence.savoir_faire)}/{len(competence.savoir_faire_comportementaux)}"
                  f"/{len(competence.savoirs)})")


if __name__ == "__main__":
    main()

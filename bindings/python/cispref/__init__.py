# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Competence referentials of the CISP sector (Walloon socio-professional integration)
as typed, read-only Python objects: load, navigate, search, validate, export, render.

Everything is defined by the C extension ``cispref._cispref`` and re-exported here;
its stubs (``_cispref.pyi``) and ``py.typed`` let type checkers see the types.
"""
from ._cispref import *  # noqa: F401,F403
from ._cispref import __version__ as __version__

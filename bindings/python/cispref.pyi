# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Competence referentials of the CISP sector as typed, read-only Python objects.

Every str argument is handed to C, where a NUL would end it: a str holding one raises
ValueError. File names (paths, Error.file, Diagnostic.file, Referential.origin) may be
str, bytes or os.PathLike and come back as os.fsdecode() gives them.

Long calls release the GIL, so that other threads run meanwhile: load(), loads(),
default(), Referential.save(), to_xml(), to_json(), render(), validate(), search(), ==,
and the first concept query (which builds the index). Objects are safe to share
between threads: a referential is never changed once loaded.
"""

from os import PathLike
from typing import Iterable, Iterator, NamedTuple, Optional, Sequence, Union, overload

__version__: str
# The formats render() and save() accept, in the library's order.
RENDER_FORMATS: tuple[str, ...]
EXPORT_FORMATS: tuple[str, ...]

class Error(Exception):
    """A referential could not be loaded, saved or exported."""
    file: Optional[str]
    line: int
    column: int
    tag: str

class NodeList(Sequence["_Node"]):
    """A read-only sequence of nodes: len(), indexing, slicing, iteration."""
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> "_Node": ...
    @overload
    def __getitem__(self, index: slice) -> list["_Node"]: ...
    def __iter__(self) -> Iterator["_Node"]: ...

class Domain:
    id: str
    kind: str  # 'core' | 'transversal'
    title: str
    summary: NodeList  # of SummaryEntry
    plans: NodeList  # of Plan
    parent: "Referential"
    referential: "Referential"

class SummaryEntry:
    id: str
    plan: str  # 'individual' | 'collective' | 'internal' | 'external' | 'joint'
    text: str
    competence: Optional["Competence"]
    competence_id: Optional[str]
    domain: Domain
    parent: Domain

class Plan:
    id: str
    kind: str  # 'individual' | 'collective' | 'internal' | 'external' | 'joint'
    title: str
    competences: NodeList  # of Competence
    domain: Domain
    parent: Domain

class Competence:
    id: str
    title: str
    savoir_faire: NodeList  # of Item
    savoir_faire_comportementaux: NodeList  # of Item
    savoirs: NodeList  # of Item
    notes: NodeList  # of Note
    note_ids: tuple[str, ...]
    plan: Plan
    domain: Domain
    parent: Plan
    def related(self) -> list[tuple["Competence", int]]: ...

class Item:
    id: str
    kind: str  # 'savoir-faire' | 'savoir-faire-comportemental' | 'savoir'
    text: str
    concept: Optional["Concept"]
    concept_id: Optional[str]
    competence: Competence
    parent: Competence

class Concept:
    id: str
    kind: str  # 'savoir-faire' | 'savoir-faire-comportemental' | 'savoir'
    label: str
    items: list[Item]
    competences: list[Competence]
    parent: "Referential"

class Note:
    id: str
    number: str
    text: str
    parent: "Referential"

_Node = Union[Domain, SummaryEntry, Plan, Competence, Item, Concept, Note]

class Diagnostic(NamedTuple):
    severity: str  # 'error' | 'warning' | 'info'
    tag: str
    message: str
    file: Optional[str]
    line: int
    column: int
    id: Optional[str]

class Hit(NamedTuple):
    id: str
    field: str  # 'title' | 'summary' | 'item'
    text: str
    path: str
    matched_words: int
    domain: Domain
    plan: Optional[Plan]
    competence: Optional[Competence]
    item: Optional[Item]
    summary_entry: Optional[SummaryEntry]

class Referential:
    id: str
    title: str
    version: str
    language: str
    origin: Optional[str]
    source: dict[str, str]
    domains: NodeList  # of Domain
    concepts: NodeList  # of Concept
    notes: NodeList  # of Note
    def __getitem__(self, id: str) -> _Node: ...
    def __contains__(self, id: object) -> bool: ...
    def get(self, id: str, default: object = None) -> Optional[_Node]: ...
    def search(self, query: str, domain: Optional[str] = None,
               plan: Union[None, str, Iterable[str]] = None,
               kind: Union[None, str, Iterable[str]] = None,
               limit: int = 0) -> list[Hit]: ...
    def find_concepts(self, query: str,
                      kind: Union[None, str, Iterable[str]] = None,
                      limit: int = 0) -> list[Concept]: ...
    def top_concepts(self, n: int = -1) -> list[Concept]: ...
    def to_xml(self) -> str: ...
    def to_json(self) -> str: ...
    def save(self, path: Union[str, bytes, PathLike], format: str = "xml") -> None: ...
    def validate(self) -> list[Diagnostic]: ...
    @overload
    def render(self, format: str, path: None = None, *, domains: Optional[Sequence[str]] = None,
               summary: bool = True, notes: bool = True, index: bool = True,
               title: Optional[str] = None, inclusive: str = "source") -> Union[str, bytes]: ...
    @overload
    def render(self, format: str, path: Union[str, bytes, PathLike], *,
               domains: Optional[Sequence[str]] = None, summary: bool = True,
               notes: bool = True, index: bool = True, title: Optional[str] = None,
               inclusive: str = "source") -> None: ...

def load(path: Union[str, bytes, PathLike], *, lenient: bool = False,
         max_input_size: Optional[int] = None, max_text_length: Optional[int] = None,
         max_elements: Optional[int] = None) -> Referential: ...
def loads(data: Union[str, bytes], name: Union[None, str, bytes, PathLike] = None, *,
          lenient: bool = False, max_input_size: Optional[int] = None,
          max_text_length: Optional[int] = None,
          max_elements: Optional[int] = None) -> Referential:
    """bytes follow the encoding their XML declaration names; a str is text already and
    is read as such whatever its declaration names (as xml.etree does)."""
    ...
def default() -> Referential: ...

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

from _typeshed import StrOrBytesPath, structseq
from collections.abc import Iterable, Sequence
from types import GenericAlias
from typing import Any, Final, Generic, Literal, Protocol, TypedDict, TypeVar, Union, final, overload, type_check_only

from typing_extensions import TypeAlias

__version__: str
# The formats render() and save() accept, in the library's order.
RENDER_FORMATS: tuple[str, ...]
EXPORT_FORMATS: tuple[str, ...]

_DomainKind: TypeAlias = Literal["core", "transversal"]
_PlanKind: TypeAlias = Literal["individual", "collective", "internal", "external", "joint"]
_ItemKind: TypeAlias = Literal["savoir-faire", "savoir-faire-comportemental", "savoir"]
_Severity: TypeAlias = Literal["error", "warning", "info"]
_HitField: TypeAlias = Literal["title", "summary", "item"]
_RenderFormat: TypeAlias = Literal["html", "odt", "fodt", "md"]
_ExportFormat: TypeAlias = Literal["xml", "json", "csv", "csv-excel-fr", "xlsx", "moodle", "case",
                                   "skos", "esco-csv"]
# What load() and loads() read: cispref XML, a Moodle framework CSV, a CASE package.
_LoadFormat: TypeAlias = Literal["xml", "moodle", "case"]
_Delimiter: TypeAlias = Literal[",", ";", ":", "\t"]
_Inclusive: TypeAlias = Literal["source", "normalized"]
_ChangeKind: TypeAlias = Literal["metadata", "added", "renamed", "moved", "kind", "text",
                                 "concept", "link", "notes", "deprecated", "removed"]
_NodeType: TypeAlias = Literal["domain", "summary-entry", "plan", "competence", "item",
                               "concept", "note"]
_WordOp: TypeAlias = Literal["same", "deleted", "inserted"]

class _BinaryReader(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...

class Error(Exception):
    """A referential could not be loaded, saved, exported or rendered."""
    file: str | None
    line: int
    column: int
    tag: str
    rule: str | None

class FileError(Error, OSError):
    """A file could not be read or written; errno is None when no system call failed."""

class ParseError(Error):
    """The input is not a referential this library reads."""

class RuleError(Error):
    """A strict load refused a referential that breaks a validator rule (see rule)."""

_T_co = TypeVar("_T_co", covariant=True)

@final
class NodeList(Sequence[_T_co], Generic[_T_co]):
    """A read-only sequence of nodes: len(), indexing, slicing (a list), iteration."""
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> _T_co: ...
    @overload
    def __getitem__(self, index: slice) -> list[_T_co]: ...
    def __class_getitem__(cls, item: Any, /) -> GenericAlias: ...

@final
class Domain:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def kind(self) -> _DomainKind: ...
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> NodeList[SummaryEntry]: ...
    @property
    def plans(self) -> NodeList[Plan]: ...
    @property
    def parent(self) -> Referential: ...
    @property
    def referential(self) -> Referential: ...

@final
class SummaryEntry:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def plan(self) -> _PlanKind: ...
    @property
    def text(self) -> str: ...
    @property
    def competence(self) -> Competence | None: ...
    @property
    def competence_id(self) -> str | None: ...
    @property
    def domain(self) -> Domain: ...
    @property
    def parent(self) -> Domain: ...

@final
class Plan:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def kind(self) -> _PlanKind: ...
    @property
    def title(self) -> str: ...
    @property
    def competences(self) -> NodeList[Competence]: ...
    @property
    def domain(self) -> Domain: ...
    @property
    def parent(self) -> Domain: ...

@final
class Competence:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def savoir_faire(self) -> NodeList[Item]: ...
    @property
    def savoir_faire_comportementaux(self) -> NodeList[Item]: ...
    @property
    def savoirs(self) -> NodeList[Item]: ...
    @property
    def items(self) -> NodeList[Item]: ...
    @property
    def notes(self) -> NodeList[Note]: ...
    @property
    def note_ids(self) -> tuple[str, ...]: ...
    @property
    def plan(self) -> Plan: ...
    @property
    def domain(self) -> Domain: ...
    @property
    def parent(self) -> Plan: ...
    def related(self) -> list[tuple[Competence, int]]: ...

@final
class Item:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def kind(self) -> _ItemKind: ...
    @property
    def text(self) -> str: ...
    @property
    def concept(self) -> Concept | None: ...
    @property
    def concept_id(self) -> str | None: ...
    @property
    def competence(self) -> Competence: ...
    @property
    def parent(self) -> Competence: ...

@final
class Concept:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def kind(self) -> _ItemKind: ...
    @property
    def label(self) -> str: ...
    @property
    def items(self) -> list[Item]: ...
    @property
    def competences(self) -> list[Competence]: ...
    @property
    def parent(self) -> Referential: ...

@final
class Note:
    @property
    def id(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def replaced_by(self) -> str | None: ...
    @property
    def number(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def parent(self) -> Referential: ...

# Any node that ref[id] may give.
_Node: TypeAlias = Union[Domain, SummaryEntry, Plan, Competence, Item, Concept, Note]
_D = TypeVar("_D")

@final
class Diagnostic(structseq[Any], tuple[_Severity, str, str, str | None, int, int, str | None]):
    """A finding of Referential.validate(), or of an import (load(diagnostics=...))."""
    __match_args__: Final = ("severity", "tag", "message", "file", "line", "column", "id")
    @property
    def severity(self) -> _Severity: ...
    @property
    def tag(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def file(self) -> str | None: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def id(self) -> str | None: ...

@final
class Change(structseq[Any], tuple[_ChangeKind, _NodeType | None, str | None, str | None,
                                   str | None, str | None, str | None, str | None,
                                   float | None, tuple[tuple[_WordOp, str], ...]]):
    """A change of cispref.diff()."""
    __match_args__: Final = ("kind", "node", "old_id", "new_id", "domain", "field", "old",
                             "new", "similarity", "words")
    @property
    def kind(self) -> _ChangeKind: ...
    @property
    def node(self) -> _NodeType | None: ...
    @property
    def old_id(self) -> str | None: ...
    @property
    def new_id(self) -> str | None: ...
    @property
    def domain(self) -> str | None: ...
    @property
    def field(self) -> str | None: ...
    @property
    def old(self) -> str | None: ...
    @property
    def new(self) -> str | None: ...
    @property
    def similarity(self) -> float | None: ...
    @property
    def words(self) -> tuple[tuple[_WordOp, str], ...]: ...

@final
class Hit(structseq[Any], tuple[str, _HitField, str, str, int, Domain, Plan | None,
                                Competence | None, Item | None, SummaryEntry | None]):
    """A hit of Referential.search()."""
    __match_args__: Final = ("id", "field", "text", "path", "matched_words", "domain", "plan",
                             "competence", "item", "summary_entry")
    @property
    def id(self) -> str: ...
    @property
    def field(self) -> _HitField: ...
    @property
    def text(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def matched_words(self) -> int: ...
    @property
    def domain(self) -> Domain: ...
    @property
    def plan(self) -> Plan | None: ...
    @property
    def competence(self) -> Competence | None: ...
    @property
    def item(self) -> Item | None: ...
    @property
    def summary_entry(self) -> SummaryEntry | None: ...

# The front matter's plain objects (types.SimpleNamespace at run time): these classes
# only describe their attributes.
@type_check_only
class _Run(Protocol):
    kind: Literal["text", "em", "q", "note-ref"]
    text: str | None
    note: str | None
    runs: tuple[_Run, ...]

@type_check_only
class _ListItem(Protocol):
    label: str | None
    text: str
    runs: tuple[_Run, ...]

@type_check_only
class _Step(Protocol):
    date: str
    actors: str | None
    task: str
    task_runs: tuple[_Run, ...]

@type_check_only
class _Phase(Protocol):
    heading: str
    heading_runs: tuple[_Run, ...]
    steps: tuple[_Step, ...]

@type_check_only
class _Block(Protocol):
    """The attributes beyond kind and id are those of the block's kind."""
    kind: Literal["p", "list", "quote", "timeline", "figure", "overview", "details"]
    id: str | None
    text: str
    runs: tuple[_Run, ...]
    items: tuple[_ListItem, ...]
    heading: str | None
    heading_runs: tuple[_Run, ...]
    paragraphs: tuple[tuple[_Run, ...], ...]
    attribution: str | None
    phases: tuple[_Phase, ...]
    drawing: str
    caption: str
    caption_runs: tuple[_Run, ...]
    domain_kind: _DomainKind | None  # None: a details block for every domain

@type_check_only
class _Section(Protocol):
    id: str
    number: str | None
    level: int
    heading: str
    heading_runs: tuple[_Run, ...]
    blocks: tuple[_Block, ...]
    sections: tuple[_Section, ...]

@final
class Referential:
    """A competence referential (read-only); ref[id] finds any node by id."""
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def uuid(self) -> str: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def source(self) -> dict[str, str]: ...
    @property
    def domains(self) -> NodeList[Domain]: ...
    @property
    def concepts(self) -> NodeList[Concept]: ...
    @property
    def notes(self) -> NodeList[Note]: ...
    @property
    def competences(self) -> NodeList[Competence]: ...
    @property
    def items(self) -> NodeList[Item]: ...
    @property
    def front_matter(self) -> tuple[_Section, ...]: ...
    def __getitem__(self, id: str, /) -> _Node: ...
    def __contains__(self, id: object, /) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    @overload
    def get(self, __id: str) -> _Node | None: ...
    @overload
    def get(self, __id: str, __default: _D) -> _Node | _D: ...
    def search(self, query: str, domain: str | None = None,
               plan: _PlanKind | Iterable[_PlanKind] | None = None,
               kind: _ItemKind | Iterable[_ItemKind] | None = None,
               limit: int = 0) -> list[Hit]: ...
    def find_concepts(self, query: str, kind: _ItemKind | Iterable[_ItemKind] | None = None,
                      limit: int = 0) -> list[Concept]: ...
    def top_concepts(self, limit: int = 0) -> list[Concept]: ...
    def to_xml(self) -> str: ...
    def to_json(self) -> str: ...
    def save(self, path: StrOrBytesPath, format: _ExportFormat | None = None, *,
             scale: str | None = None, scale_default: int | None = None,
             scale_proficient: int | None = None, taxonomy: str | None = None) -> None: ...
    def validate(self) -> list[Diagnostic]: ...
    @overload
    def render(self, path: None = None, *, format: Literal["odt"],
               domains: Iterable[str] | None = None, summary: bool = True,
               notes: bool = True, index: bool = True, title: str | None = None,
               inclusive: _Inclusive = "source", title_page: bool = True,
               contents: bool = True, gfm_tables: bool = False) -> bytes: ...
    @overload
    def render(self, path: None = None, *, format: Literal["html", "fodt", "md"],
               domains: Iterable[str] | None = None, summary: bool = True,
               notes: bool = True, index: bool = True, title: str | None = None,
               inclusive: _Inclusive = "source", title_page: bool = True,
               contents: bool = True, gfm_tables: bool = False) -> str: ...
    @overload
    def render(self, path: StrOrBytesPath, format: _RenderFormat | None = None, *,
               domains: Iterable[str] | None = None, summary: bool = True,
               notes: bool = True, index: bool = True, title: str | None = None,
               inclusive: _Inclusive = "source", title_page: bool = True,
               contents: bool = True, gfm_tables: bool = False) -> None: ...

class _PositioningLevel(TypedDict):
    id: str
    label: str
    proficient: bool

class _PositioningPerson(TypedDict):
    id: str
    name: str | None
    role: str | None

class _PositioningRating(TypedDict):
    person: str
    target: str
    level: str
    date: str | None
    source: Literal["self", "peer", "coordinator"] | None
    comment: str | None

class _CoverageRow(TypedDict):
    competence: str
    title: str
    count: int
    persons: list[str]

class _Need(TypedDict):
    id: str
    kind: Literal["concept", "item"]
    label: str
    persons: list[str]
    competences: list[str]

@final
class Positioning:
    """A team's positioning document (doc/positioning.md)."""
    @property
    def referential_id(self) -> str: ...
    @property
    def edition(self) -> str | None: ...
    @property
    def levels(self) -> list[_PositioningLevel]: ...
    @property
    def persons(self) -> list[_PositioningPerson]: ...
    @property
    def ratings(self) -> list[_PositioningRating]: ...
    def coverage(self, referential: Referential | None = None) -> list[_CoverageRow]: ...
    def needs(self, referential: Referential | None = None, *,
              person: str | None = None) -> list[_Need]: ...
    def validate(self, referential: Referential | None = None) -> list[Diagnostic]: ...
    def save(self, path: StrOrBytesPath, /) -> None: ...
    def render(self, what: Literal["grid", "coverage"] = "grid",
               format: Literal["html", "odt"] = "html",
               referential: Referential | None = None, *, person: str | None = None,
               anonymize: bool = False) -> bytes: ...
    def __reduce__(self) -> Any: ...

def load_positioning(path: StrOrBytesPath, /) -> Positioning: ...
def load(source: StrOrBytesPath | _BinaryReader, *, format: _LoadFormat | None = "xml",
         lenient: bool = False, max_input_size: int | None = None,
         max_text_length: int | None = None, max_elements: int | None = None,
         depths: str | None = None, encoding: str | None = None,
         delimiter: _Delimiter | None = None, foreign: bool = False,
         diagnostics: list[Diagnostic] | None = None) -> Referential: ...
def loads(data: str | bytes, name: StrOrBytesPath | None = None, *,
          format: _LoadFormat | None = "xml", lenient: bool = False,
          max_input_size: int | None = None, max_text_length: int | None = None,
          max_elements: int | None = None, depths: str | None = None,
          encoding: str | None = None, delimiter: _Delimiter | None = None,
          foreign: bool = False, diagnostics: list[Diagnostic] | None = None) -> Referential: ...
def default() -> Referential: ...
def diff(old: Referential, new: Referential) -> list[Change]: ...

"""An analyst's corrections: ``corrections.yaml`` beside the seeds, read and validated.

No extractor is right on every sentence. An analyst who cites the report fixes
what is wrong in this file, keyed by the report's stable row ids (``st-…``,
``fg-…``, ``ev-…``, ``doc-…``), each fix with a short reason; every build
applies it the same way. This module only reads the file: a key or value it
does not know is a one-line error naming the file, the line and the problem
(the build stops before anything is written, so the last good site stays).
Articles' corrections are applied where the manifest's values are
(:mod:`briefbook.corpus.load`); the others to the extracted tables
(:mod:`briefbook.corrected`).

The file's shape (every section optional)::

    statements:                 # who said it, or that it is no statement
      - {id: st-…, speaker: "Name", reason: "…"}
      - {id: st-…, drop: true, reason: "…"}
    claims:                     # statements grouped as one claim, or not
      - {merge: [st-…, st-…], reason: "…"}
      - {split: st-…, reason: "…"}
      - {not_same: [st-…, st-…], reason: "…"}
    figures:
      - {id: fg-…, category: killed, who: civilians, low: 10, high: 12, reason: "…"}
      - {id: fg-…, drop: true, reason: "…"}
      - {id: fg-…, standing: true, reason: "…"}   # the figure its group stands at
    events:
      - {id: ev-…, date: 2022-01-05, reason: "…"}
      - {id: ev-…, drop: true, reason: "…"}
    timeline:                   # events merged into one entry, or not
      - {merge: [ev-…, ev-…], reason: "…"}
      - {split: ev-…, reason: "…"}
    articles:
      - {id: doc-…, outlet: "…", published: 2022-01-05, title: "…", reason: "…"}
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefbook.errors import BriefbookError

#: The file's name in the seeds folder.
CORRECTIONS_NAME = "corrections.yaml"

_Reason = Field(min_length=3, description="why: a short reason, shown on the Corrections page")
Category = Literal["killed", "injured", "detained", "deployed", "equipment", "other"]


class _Fix(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    reason: str = _Reason

    def changes(self) -> dict:
        """The fields this fix sets (``id`` and ``reason`` left out)."""
        return {k: v for k, v in self.model_dump(exclude_defaults=True).items() if k not in ("id", "reason")}

    @model_validator(mode="after")
    def _says_something(self):
        if not self.changes():
            raise ValueError("says nothing to change: give a field to set, or drop: true")
        return self


class StatementFix(_Fix):
    id: str = Field(pattern=r"^st-[0-9a-f]+$")
    speaker: str | None = Field(default=None, min_length=1)
    speaker_kind: Literal["person", "org", "group", "place"] | None = None
    drop: bool = False


class ClaimFix(_Fix):
    merge: tuple[str, str] | None = None
    split: str | None = Field(default=None, pattern=r"^st-[0-9a-f]+$")
    not_same: tuple[str, str] | None = None

    @model_validator(mode="after")
    def _one(self):
        if sum(x is not None for x in (self.merge, self.split, self.not_same)) != 1:
            raise ValueError("give exactly one of merge, split and not_same")
        for ident in (self.merge or ()) + (self.not_same or ()):
            if not ident.startswith("st-"):
                raise ValueError(f"{ident!r} is not a statement id (st-…)")
        return self


class FigureFix(_Fix):
    id: str = Field(pattern=r"^fg-[0-9a-f]+$")
    category: Category | None = None
    who: str | None = Field(default=None, min_length=1)
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    drop: bool = False
    standing: bool = False

    @model_validator(mode="after")
    def _ordered(self):
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class EventFix(_Fix):
    id: str = Field(pattern=r"^ev-[0-9a-f]+$")
    date: dt.date | None = None
    drop: bool = False


class TimelineFix(_Fix):
    merge: tuple[str, str] | None = None
    split: str | None = Field(default=None, pattern=r"^ev-[0-9a-f]+$")

    @model_validator(mode="after")
    def _one(self):
        if (self.merge is None) == (self.split is None):
            raise ValueError("give exactly one of merge and split")
        for ident in self.merge or ():
            if not ident.startswith("ev-"):
                raise ValueError(f"{ident!r} is not an event id (ev-…)")
        return self


class ArticleFix(_Fix):
    id: str = Field(pattern=r"^doc-[0-9a-f]+$")
    outlet: str | None = Field(default=None, min_length=1)
    published: dt.date | None = None
    title: str | None = Field(default=None, min_length=1)


class Corrections(BaseModel):
    """Every correction of one seeds folder, by section."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    statements: tuple[StatementFix, ...] = ()
    claims: tuple[ClaimFix, ...] = ()
    figures: tuple[FigureFix, ...] = ()
    events: tuple[EventFix, ...] = ()
    timeline: tuple[TimelineFix, ...] = ()
    articles: tuple[ArticleFix, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in type(self).model_fields)


#: The status of a correction whose row is not in this build.
STALE = "not applied: no such {what} in this build (its article was removed or its text changed)"


def words(value) -> str:
    """A value as the corrections table writes it (a date as YYYY-MM-DD, nothing as "")."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    text = str(value)
    return "" if text in ("nan", "NaT", "<NA>") else text


#: The line a reader pastes into the file to correct a row, by the row id's prefix: the section it goes
#: under, the fields to fill in (with placeholders), and the alternatives.
_LINES = {
    "st": ("statements", {"speaker": ""}, "or drop: true"),
    "fg": ("figures", {"category": "", "low": "", "high": ""}, "or who:, drop: true, standing: true"),
    "ev": ("events", {"date": "YYYY-MM-DD"}, "or drop: true"),
    "doc": ("articles", {"outlet": "", "published": "YYYY-MM-DD", "title": ""}, "keep the fields you set"),
}
#: A placeholder written as is (a date to fill in); every other value is written as YAML writes it.
_PLACEHOLDER = "YYYY-MM-DD"


def _value(value) -> str:
    if value == _PLACEHOLDER:
        return value
    if value is None or value == "":
        return '""'
    return yaml.safe_dump(value, default_flow_style=True, width=10_000).strip().removesuffix("\n...").removesuffix("...").strip()


def fix_line(ident: str, **values) -> str:
    """The line of ``corrections.yaml`` that corrects the row ``ident``, for a reader to fill in and paste
    (``- {id: st-…, speaker: "", reason: ""}  # under statements: (or drop: true)``); "" for an id no
    section takes. ``values`` fill fields in with what the report says now."""
    template = _LINES.get(ident.split("-", 1)[0])
    if template is None:
        return ""
    section, fields, alternative = template
    filled = {**fields, **{k: v for k, v in values.items() if k in fields}}
    body = ", ".join(f"{k}: {_value(v)}" for k, v in filled.items())
    return f'- {{id: {ident}, {body}, reason: ""}}  # under {section}: ({alternative})'


def group_line(section: str, change: str, idents: list[str]) -> str:
    """The line that merges two rows' groups, or splits one out (``claims`` or ``timeline``)."""
    target = f"[{', '.join(idents)}]" if change != "split" else idents[0]
    return f'- {{{change}: {target}, reason: ""}}  # under {section}:'


def find_corrections(folder: Path) -> Path | None:
    path = Path(folder) / CORRECTIONS_NAME
    return path if path.is_file() else None


def read_corrections(folder: Path) -> Corrections:
    """The corrections of ``folder`` (none when it has no file); raises :class:`BriefbookError` naming the
    file, the line and the problem for a file that is not valid."""
    path = find_corrections(folder)
    if path is None:
        return Corrections()
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        node = None
        try:  # parsed once: the nodes give the lines of errors, the data is built from them
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        raise BriefbookError(str(path), "not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise BriefbookError(where, f"not valid YAML ({getattr(err, 'problem', None) or err})") from None
    except ValueError as err:  # a date YAML reads as one but the calendar has not (2031-02-30)
        raise BriefbookError(f"{path}:{_bad_date_line(node)}", f"not a date ({err})") from None
    if data is None:
        return Corrections()
    if not isinstance(data, dict):
        raise BriefbookError(f"{path}:1", "expected sections (statements:, figures:, …), not a list or a value")
    seen: set[str] = set()
    for key, _ in node.value:  # YAML keeps the last of two equal keys: the first section's fixes would vanish
        if key.value in seen:
            raise BriefbookError(f"{path}:{key.start_mark.line + 1}", f"section {key.value!r} is given twice; "
                                 "put all its corrections under one")
        seen.add(key.value)
    try:
        return Corrections.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = tuple(first["loc"])
        where = f"{path}:{_line(node, loc)}"
        field = ".".join(str(part) for part in loc) or "file"
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        raise BriefbookError(where, f"{field}: {message}") from None


def _bad_date_line(node) -> int:
    """The line of the first scalar YAML takes for a date that is no day of the calendar."""
    stack = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":timestamp"):
            try:
                dt.date.fromisoformat(item.value[:10])
            except ValueError:
                return item.start_mark.line + 1
        elif isinstance(item, yaml.MappingNode):
            stack[:0] = [v for _, v in item.value]
        elif isinstance(item, yaml.SequenceNode):
            stack[:0] = list(item.value)
    return 1


def _line(node, loc: tuple) -> int:
    """The line (from 1) of the YAML node at ``loc`` (keys and list indexes), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            key, node = match
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line

"""JSON Schemas for the district document and the JSON report.

The input schema is generated from the data model itself (the attrs classes
of :mod:`community_rules.model`), so it cannot drift from what the loader
accepts; the report schema describes :meth:`Report.to_json
<community_rules.compliance.Report.to_json>`. ``community-rules schema
input|report`` prints them.

>>> schema = input_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["Building"]["required"]
['id', 'households']
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from . import model
from ._fields import MAX_COUNT
from .enums import Modality, Status
from .render import SCHEMA_VERSION

__all__ = ["input_schema", "report_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NUMBER = {
    "description": "An exact decimal number: a JSON number or a numeric string (never read as a binary float).",
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^\s*[-+]?[0-9][0-9_,]*(\.[0-9]+)?\s*$"},
    ],
}


def _type_schema(tp: Any, defs: dict[str, Any], name: str) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        schema = (
            _type_schema(inner[0], defs, name)
            if len(inner) == 1
            else {"anyOf": [_type_schema(a, defs, name) for a in inner]}
        )
        return {"anyOf": [schema, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs, name)}
    if origin is frozenset:
        return {"type": "array", "items": _type_schema(args[0], defs, name), "uniqueItems": True}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    if tp is str:
        return {"type": "string", "minLength": 1}
    if tp is Decimal:
        return dict(_NUMBER)
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if attrs.has(tp):
        _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no schema for {tp!r} ({name})")  # pragma: no cover - a model change


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name], defs, field.name)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    defs[cls.__name__] = {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def input_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a district document, generated from the model."""
    defs: dict[str, Any] = {}
    _class_schema(model.District, defs)
    root = dict(defs.pop("District"))
    return {
        "$schema": _DRAFT,
        "$id": "https://community-rules.invalid/schema/district.json",
        "title": "A district document for community_rules (城市社区建设指导意见)",
        **root,
        "$defs": defs,
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report (``Report.to_json()``)."""
    value = {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "null"}]}
    statuses = [s.value for s in Status]
    counts = {
        "type": "object",
        "properties": {s: {"type": "integer", "minimum": 0} for s in statuses},
        "required": statuses,
        "additionalProperties": False,
    }
    finding = {
        "type": "object",
        "properties": {
            "rule": {"type": "string", "pattern": r"^[a-z_]+\.[a-z_]+$"},
            "clause": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*$"},
            "status": {"enum": statuses},
            "modality": {"enum": [m.value for m in Modality]},
            "community": {"type": ["string", "null"]},
            "office": {"type": ["string", "null"]},
            "subject": {"type": ["string", "null"]},
            "required": value,
            "actual": value,
            "gap": value,
            "unit": {"type": ["string", "null"]},
            "message_en": {"type": "string", "minLength": 1},
            "message_zh": {"type": "string", "minLength": 1},
            "interpretations": {"type": "array", "items": {"type": "string", "pattern": r"^I-[0-9]+$"}},
            "parameters": {"type": "array", "items": {"type": "string"}},
            "inputs": {"type": "object", "additionalProperties": value},
        },
        "required": [
            "rule",
            "clause",
            "status",
            "modality",
            "community",
            "office",
            "subject",
            "required",
            "actual",
            "gap",
            "unit",
            "message_en",
            "message_zh",
            "interpretations",
            "parameters",
            "inputs",
        ],
        "additionalProperties": False,
    }
    return {
        "$schema": _DRAFT,
        "$id": "https://community-rules.invalid/schema/report.json",
        "title": "A compliance report of community_rules",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "generator": {"type": "string"},
            "subject": {"type": "string"},
            "name": {"type": ["string", "null"]},
            "as_of": {"type": ["string", "null"], "format": "date"},
            "source_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "policy": {
                "type": "object",
                "properties": {
                    "effective": {"type": ["string", "null"], "format": "date"},
                    "changes_from_default": {"type": "object"},
                },
                "required": ["effective", "changes_from_default"],
                "additionalProperties": False,
            },
            "summary": {
                "type": "object",
                "properties": {
                    "status": counts,
                    "by_clause": {"type": "object", "additionalProperties": counts},
                    "by_office": {"type": "object", "additionalProperties": counts},
                },
                "required": ["status", "by_clause", "by_office"],
                "additionalProperties": False,
            },
            "findings": {"type": "array", "items": finding},
        },
        "required": [
            "schema_version",
            "generator",
            "subject",
            "name",
            "as_of",
            "source_sha256",
            "policy",
            "summary",
            "findings",
        ],
        "additionalProperties": False,
    }

"""District documents: JSON and TOML in, plain mappings out (SPEC §5).

A district document holds the sub-district offices (街道办事处), their
communities (社区) with buildings and status fields, and the district's
building projects (for the public rooms of clause 3.3). Files are read with
every non-integer number as :class:`~decimal.Decimal` (``parse_float=Decimal``),
so no binary float is ever made; :mod:`cattrs` structures the parsed data into
the frozen classes of :mod:`community_rules.model`, whose validators check it.

Every error names the path of the offending value and the value:

>>> load_district({"id": "D", "offices": [{"id": "O", "communities": [
...     {"id": "C", "buildings": [{"id": "B1", "households": -5}]}]}]})
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: offices[0].communities[0].buildings[0].households: -5 is negative ...

and :func:`dump_district` gives back a plain, JSON-ready mapping, so that
``load_district(dump_district(d)) == d``:

>>> d = load_district({"id": "D", "offices": [{"id": "O", "communities": [
...     {"id": "C", "office_funds": "12000.50", "buildings": [{"id": "B1", "households": 120}]}]}]})
>>> dump_district(d)["offices"][0]["communities"][0]["office_funds"]
'12000.50'
>>> load_district(dump_district(d)) == d
True

Limits (enforced with :class:`~community_rules.errors.LimitExceeded`): a file
of at most :data:`MAX_DOCUMENT_BYTES`, nesting at most :data:`MAX_DEPTH` deep;
counts at most 10⁹ and amounts below 10¹⁵ (checked by the model).
"""

from __future__ import annotations

import datetime
import enum
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from . import model
from ._collector import paused
from .dates import parse_date
from .errors import DocumentError, Error, InvalidType, InvalidValue, LimitExceeded
from .policy import Policy, Weights

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "dump_district",
    "dump_office",
    "dump_policy",
    "load_district",
    "load_office",
    "load_policy",
    "read_document",
    "to_json",
]

#: The largest district file :func:`load_district` reads (1 GiB).
MAX_DOCUMENT_BYTES = 1 << 30
#: The deepest nesting of lists and tables accepted in a document.
MAX_DEPTH = 32

T = TypeVar("T")


def _passthrough(value: Any, _type: Any) -> Any:
    # Leave type checks to the model's validators, which name the field; cattrs'
    # own str/int/bool hooks would silently coerce (5 → "5", "x" → True).
    return value


#: The scalar types whose values go to the model's validators as they are (:func:`_passthrough`).
_PASSTHROUGH = (int, str, bool, Decimal)


def _is_passthrough(type_: Any) -> bool:
    """True for the types whose values the model's own validators check (see :func:`_passthrough`)."""
    return type_ in _PASSTHROUGH or _is_enum(type_) or _is_frozenset(type_)


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _is_frozenset(type_: Any) -> bool:
    # Sets (a staff member's insurances) are converted by the model's own converter.
    return type_ is frozenset or getattr(type_, "__origin__", None) is frozenset


def _is_optional_passthrough(type_: Any) -> bool:
    """True for ``X | None`` where ``X`` is passed through: no need for cattrs' generic Optional hook."""
    args = getattr(type_, "__args__", ())
    return (
        len(args) == 2
        and type(None) in args
        and typing.get_origin(type_) in (typing.Union, types.UnionType)
        and all(arg is type(None) or _is_passthrough(arg) for arg in args)
    )


def _structure_date(value: Any, _type: Any) -> Any:
    if value is None:
        return None
    return parse_date(value, "")


def _structure_partial_date(value: Any, _type: Any) -> Any:
    # A project's completion may be known only to the month or year (2009年3月).
    if value is None:
        return None
    return parse_date(value, "", partial=True)


def _structure_tuple_factory(conv: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(type_: Any) -> Callable[[Any, Any], Any]:
        item_type = type_.__args__[0]
        structure_item = conv.get_structure_hook(item_type)

        def structure(value: Any, _type: Any) -> Any:
            if value is None:
                return None
            if not isinstance(value, (list, tuple)):
                raise InvalidType(
                    "",
                    value,
                    f"is of type {type(value).__name__}; expected a list",
                    f"类型为 {type(value).__name__}；应为列表",
                )
            items = []
            errors = []
            for i, item in enumerate(value):
                try:
                    items.append(structure_item(item, item_type))
                except Exception as exc:
                    # Collected and re-raised below, the index noted the way cattrs does.
                    note = IterableValidationNote(f"Structuring {type_} @ index {i}", i, item_type)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined,unused-ignore]
                    errors.append(exc)
            if errors:
                raise cattrs.IterableValidationError(f"While structuring {type_}", errors, type_)
            return tuple(items)

        return structure

    return factory


def _is_tuple_of(type_: Any) -> bool:
    args: tuple[Any, ...] = getattr(type_, "__args__", ())
    return getattr(type_, "__origin__", None) is tuple and len(args) == 2 and args[-1] is Ellipsis


def _field_errors(
    cls: type[Any], value: Mapping[str, Any], conv: cattrs.Converter, skip: set[str]
) -> list[Error]:
    """Every error of ``cls``'s fields in ``value`` taken one at a time, in field order.

    cattrs structures the fields and then calls ``cls``, whose converters and
    validators stop at the first bad field, and never run at all when a
    nested value failed; this pass finds the others, so that a document's
    errors are all reported at once. Fields in ``skip`` (already reported)
    are left out; rules between fields (``__attrs_post_init__``) need the
    whole object and are left to the constructor.
    """
    errors: list[Error] = []
    for field in attrs.fields(cls):
        if field.name in skip or field.name not in value:
            continue
        try:
            item = conv.structure(value[field.name], field.type)
            converter = field.converter
            if isinstance(converter, attrs.Converter):
                # The library's converters read neither the instance nor anything but the field.
                item = converter.converter(item, None, field)  # type: ignore[attr-defined]
            elif converter is not None:
                item = converter(item)
            if field.validator is not None:
                field.validator(None, field, item)
        except Error as exc:  # the fields left are those cattrs structured without error
            errors.append(exc)
    return errors


def _attribute_name(exc: BaseException) -> str | None:
    """The field of a class whose value ``exc`` is about, from cattrs' notes (None: not noted)."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
    return None


def _direct(cls: type[Any], conv: cattrs.Converter, overrides: Mapping[str, Any]) -> frozenset[str] | None:
    """The field names of ``cls`` if cattrs would pass every field's value through unchanged.

    For such a class (a building, a staff member, a workstation: most of a
    document) structuring a plain dict of its fields is calling ``cls`` with
    it, and the model's own validators check every value; None otherwise.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    if overrides or any(
        f.alias != f.name or conv.get_structure_hook(f.type) is not _passthrough for f in fields
    ):
        return None
    return frozenset(f.name for f in fields)


def _mapping_check(cls: type[Any], conv: cattrs.Converter, **overrides: Any) -> Callable[[Any, Any], Any]:
    inner = cattrs.gen.make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **overrides)
    order = {field.name: i for i, field in enumerate(attrs.fields(cls))}
    direct = _direct(cls, conv, overrides)

    def position(exc: BaseException) -> int:
        name = _attribute_name(exc)
        if name is None and isinstance(exc, Error):
            name = exc.path.split(".")[0].split("[")[0]
        return order.get(name or "", len(order))

    def structure(value: Any, _type: Any) -> Any:
        if direct is not None and type(value) is dict and value.keys() <= direct:
            try:  # the fast path: the same object cattrs would build (see _direct)
                return cls(**value)
            except Exception:  # the thorough path below reports every error with its field
                pass
        if not isinstance(value, Mapping):
            raise InvalidType(
                "",
                value,
                f"is of type {type(value).__name__}; expected a table of {cls.__name__} fields",
                f"类型为 {type(value).__name__}；应为 {cls.__name__} 的字段表",
            )
        try:
            return inner(value, cls)
        except (BaseValidationError, Error) as exc:
            # Either a nested value failed and the class was never called, or the class
            # stopped at its first bad field (raised bare by older cattrs): check each of
            # the other fields alone.
            found = list(exc.exceptions) if isinstance(exc, BaseValidationError) else [exc]
            failed = {name for name in map(_attribute_name, found) if name is not None}
            own = _field_errors(cls, value, conv, failed)
            if not own:
                raise
            # The constructor's own error (not noted with a field) is among ``own`` again.
            kept = [e for e in found if not isinstance(e, Error) or _attribute_name(e)]
            found = sorted([*kept, *own], key=position)
            raise cattrs.ClassValidationError(f"While structuring {cls.__name__}", found, cls) from None

    return structure


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    for type_ in _PASSTHROUGH:
        conv.register_structure_hook(type_, _passthrough)
    # Enums and sets are converted by the model's own converters, which name the field.
    conv.register_structure_hook_func(_is_passthrough, _passthrough)
    conv.register_structure_hook_func(_is_optional_passthrough, _passthrough)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_structure_hook_factory(_is_tuple_of, _structure_tuple_factory(conv))
    for cls in (
        model.Building,
        model.StaffMember,
        model.Workstation,
        model.BuildingHead,
        model.ExistingSubArea,
        model.Community,
        model.SubDistrictOffice,
        model.PublicRoom,
        model.Project,
        model.District,
        Weights,
        Policy,
    ):
        overrides = (
            {"completed": cattrs.gen.override(struct_hook=_structure_partial_date)}
            if cls is model.Project
            else {}
        )
        conv.register_structure_hook(cls, _mapping_check(cls, conv, **overrides))

    # Unstructuring: plain JSON-ready values, defaults left out.
    conv.register_unstructure_hook(Decimal, str)
    # Through the instance, so that a month-precision PartialDate writes "2009-03".
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    # A predicate, not the bare class: fields are typed frozenset[Insurance] (| None), and
    # cattrs would otherwise hand the frozenset (and str enums) back as they are, not JSON-ready.
    conv.register_unstructure_hook_func(
        lambda t: t is frozenset or getattr(t, "__origin__", None) is frozenset,
        lambda s: sorted(str(x.value if isinstance(x, enum.Enum) else x) for x in s),
    )
    # The library's enums are str enums, which cattrs' str hook would pass through as they are.
    conv.register_unstructure_hook(str, lambda s: s.value if isinstance(s, enum.Enum) else s)
    for cls in (
        model.Building,
        model.StaffMember,
        model.Workstation,
        model.BuildingHead,
        model.ExistingSubArea,
        model.Community,
        model.SubDistrictOffice,
        model.PublicRoom,
        model.Project,
        model.District,
        Weights,
    ):
        conv.register_unstructure_hook(
            cls, cattrs.gen.make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        )
    conv.register_unstructure_hook(
        Policy, cattrs.gen.make_dict_unstructure_fn(Policy, conv, _cattrs_omit_if_default=False)
    )
    return conv


_CONVERTER = _make_converter()


# --- errors --------------------------------------------------------------------


def _join(prefix: str, part: str) -> str:
    if not part:
        return prefix
    if not prefix or part.startswith("["):
        return prefix + part
    return f"{prefix}.{part}"


def _leaves(exc: BaseException, prefix: str) -> list[Error]:
    """Flatten cattrs' exception tree into library errors with full paths."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            prefix = _join(prefix, note.name)
        elif isinstance(note, IterableValidationNote):
            prefix = _join(prefix, f"[{note.index}]")
    if isinstance(exc, BaseValidationError):
        found: list[Error] = []
        for sub in exc.exceptions:
            found.extend(_leaves(sub, prefix))
        return found
    if isinstance(exc, Error):
        return [exc.with_prefix(prefix)]
    if isinstance(exc, ForbiddenExtraKeysError):
        cls = exc.cl
        valid = ", ".join(f.name for f in attrs.fields(cls))
        return [
            InvalidValue(
                _join(prefix, name),
                name,
                f"is not a field of {cls.__name__} (valid: {valid})",
                f"不是 {cls.__name__} 的字段（有效字段：{valid}）",
            )
            for name in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        name = str(exc.args[0]) if exc.args else ""
        path = prefix if prefix.endswith(name) else _join(prefix, name)
        return [InvalidValue(path, ..., "is missing", "缺失")]
    return [InvalidType(prefix, None, f"cannot be read: {exc}", f"无法读取：{exc}")]


def _structure(data: Any, cls: type[T], root: str = "") -> T:
    """``data`` as a ``cls``, or the first of all its errors (each in ``all_errors``).

    The schema bounds how deep a valid document goes (a district is a few
    levels), so a document nested more than :data:`MAX_DEPTH` levels deep
    always fails here; only then is its depth measured (one more pass over
    the whole document), and it is refused for that first.
    """
    failure: BaseException | None
    try:
        return _CONVERTER.structure(data, cls)
    except RecursionError:
        failure = None
    except (BaseValidationError, Error, KeyError, TypeError, ValueError) as exc:
        failure = exc
    _depth(data)  # outside the handlers, so that a LimitExceeded is not chained to the failure
    if failure is None:
        raise LimitExceeded(
            root, "…", f"is nested too deeply (limit {MAX_DEPTH})", f"嵌套过深（上限 {MAX_DEPTH}）"
        )
    leaves = _leaves(failure, root)
    first = leaves[0] if leaves else InvalidValue(root, data, "cannot be read", "无法读取")
    first.all_errors = tuple(leaves)
    raise first from None


# --- reading --------------------------------------------------------------------


def _trail_path(trail: Any) -> str:
    """The document path of a trail ``(parent trail, key)`` built by :func:`_depth`."""
    parts = []
    while trail is not None:
        trail, key = trail
        parts.append(f"[{key}]" if isinstance(key, int) else str(key))
    path = ""
    for part in reversed(parts):
        path = _join(path, part)
    return path


#: The types of a parsed document's leaves: never looked into by :func:`_depth`.
_LEAVES = frozenset({str, int, bool, float, Decimal, type(None), datetime.date, datetime.datetime})


def _depth(value: Any, limit: int = MAX_DEPTH, *, keys: bool = True) -> None:
    """Refuse a document nested more than ``limit`` levels deep, or a mapping with a key not a string.

    Only the containers are visited (a leaf's level is its container's plus
    one); each carries its trail (parent trail, key), so that a path is
    spelled out only on failure. ``keys=False`` skips the check of the keys,
    for a document parsed from JSON or TOML text, whose keys are strings.
    """
    stack: list[tuple[Any, int, Any]] = [(value, 1, None)]
    while stack:
        item, depth, trail = stack.pop()
        if type(item) is dict or isinstance(item, Mapping):  # dict first: ABC checks are slow
            if keys:
                for key in item:
                    if type(key) is not str and not isinstance(key, str):
                        # A mapping given directly may have keys of any type.
                        raise _not_a_key(trail, key)
            children: Any = item.items()
        elif isinstance(item, (list, tuple)):
            children = enumerate(item)
        else:  # a document that is a single value
            return
        below = depth + 1
        if below > limit:
            for key, _ in children:  # the first child is one level too deep
                raise LimitExceeded(
                    _trail_path((trail, key)),
                    "…",
                    f"is nested more than {limit} levels deep",
                    f"嵌套超过 {limit} 层",
                )
            continue
        for key, child in children:
            kind = type(child)
            if (
                kind is dict
                or kind is list
                or (kind not in _LEAVES and isinstance(child, (Mapping, tuple, list)))
            ):
                stack.append((child, below, (trail, key)))


def _not_a_key(trail: Any, key: Any) -> InvalidType:
    return InvalidType(
        _trail_path(trail),
        key,
        f"is a key of type {type(key).__name__}; keys must be strings",
        f"是类型为 {type(key).__name__} 的键；键必须是字符串",
    )


def _reject_constant(name: str) -> Any:
    raise DocumentError(
        "",
        name,
        "is not a number this library accepts (NaN and infinities are refused)",
        "不是本库接受的数值（不接受 NaN 和无穷大）",
    )


def _json_objects() -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """The ``object_pairs_hook`` of one JSON document: refuses a key twice, shares equal strings.

    Within the document, equal strings (and the strings of lists, such as a
    sub-area's building ids) become one object: the JSON parser makes a new
    string for each occurrence, and in a large district the same building
    ids, compound and residents' group names recur by the million (the
    synthetic nation read office by office: a peak of 4.6 GB → 3.2 GB, docs/performance.md).
    The memo lives as long as the parse.
    """
    memo: dict[str, str] = {}
    share = memo.setdefault

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # One loop that builds the dict (about 240 ns for a building's four pairs,
        # against 310 for dict(pairs) and a second loop that shares).
        result = {}
        for key, value in pairs:
            kind = type(value)
            if kind is str:
                value = share(value, value)
            elif kind is list and value and type(value[0]) is str:
                value = [share(item, item) if type(item) is str else item for item in value]
            result[key] = value
        if len(result) < len(pairs):  # a key appeared twice: name the first such key
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise DocumentError(
                        key, key, "appears twice in one JSON object", "在同一 JSON 对象中出现两次"
                    )
                seen.add(key)
        return result

    return hook


def _parse(text: str, fmt: str, origin: str) -> Any:
    try:
        if fmt == "json":
            return json.loads(
                text,
                parse_float=Decimal,
                parse_constant=_reject_constant,
                object_pairs_hook=_json_objects(),
            )
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        return tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        raise LimitExceeded(
            origin, "…", f"is nested too deeply (limit {MAX_DEPTH})", f"嵌套过深（上限 {MAX_DEPTH}）"
        ) from None
    except DocumentError as exc:
        raise exc.with_prefix(origin) from None
    except ValueError as exc:  # json.JSONDecodeError, tomllib.TOMLDecodeError
        raise DocumentError(
            origin,
            ...,  # no value to show: the message says where the text breaks
            f"is not valid {fmt.upper()}: {exc}",
            f"不是有效的 {fmt.upper()}：{exc}",
        ) from None


def read_document(source: str | os.PathLike[str] | bytes, *, fmt: str | None = None) -> Any:
    """Parse a JSON or TOML document (a path, or its bytes) with numbers as ``Decimal``.

    The format comes from ``fmt`` (``"json"`` or ``"toml"``), else from the
    file's suffix, else from the content (a document opening with ``{`` is JSON).
    A document nested more than :data:`MAX_DEPTH` levels deep is refused.
    """
    data = _read(source, fmt)
    _depth(data, keys=False)  # JSON and TOML keys are strings
    return data


def _read(source: str | os.PathLike[str] | bytes, fmt: str | None) -> Any:
    """:func:`read_document` without the check of its depth (see :func:`_structure`)."""
    if isinstance(source, bytes):
        raw, origin = source, ""
    elif not isinstance(source, (str, os.PathLike)):
        raise InvalidType(
            "source",
            source,
            f"is of type {type(source).__name__}; expected a path or the document's bytes",
            f"类型为 {type(source).__name__}；应为路径或文档的字节",
        )
    else:
        path = Path(source)
        origin = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise LimitExceeded(
                    origin,
                    size,
                    f"bytes is larger than the limit of {MAX_DOCUMENT_BYTES} bytes",
                    f"字节，超过上限 {MAX_DOCUMENT_BYTES} 字节",
                )
            raw = path.read_bytes()
        except Error:
            raise  # LimitExceeded (a ValueError too): not a path problem
        except OSError as exc:
            if isinstance(source, str) and (source.lstrip().startswith(("{", "[")) or "\n" in source):
                # Not a file: the document's text itself, passed where a path is expected.
                raise DocumentError(
                    "source",
                    source,
                    "is the text of a document, not a path: pass its bytes (text.encode()) or the parsed mapping",
                    "是文档的文本而不是路径：请传入其字节（text.encode()）或解析后的映射",
                ) from None
            raise DocumentError(
                origin, origin, f"cannot be read: {exc.strerror}", f"无法读取：{exc.strerror}"
            ) from None
        except ValueError as exc:  # a path no file system takes (an embedded NUL byte)
            raise DocumentError(
                origin, origin, f"is not a usable path: {exc}", f"不是可用的路径：{exc}"
            ) from None
        if fmt is None and path.suffix.lower() in (".json", ".toml"):
            fmt = path.suffix.lower()[1:]
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise LimitExceeded(origin, len(raw), "bytes is too large", "字节，过大")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            origin,
            raw[exc.start : exc.start + 4],
            f"is not UTF-8 (at byte {exc.start})",
            f"不是 UTF-8 编码（第 {exc.start} 字节）",
        ) from None
    if fmt is None:
        fmt = "json" if text.lstrip().startswith(("{", "[")) else "toml"
    if fmt not in ("json", "toml"):
        raise DocumentError(
            "format", fmt, "is not a document format (valid: json, toml)", "不是有效格式（json, toml）"
        )
    return _parse(text, fmt, origin)


def _mapping(source: Any, what: str) -> Mapping[str, Any]:
    what_zh = {"district": "区", "sub-district office": "街道办事处", "policy": "政策"}.get(what, what)
    if not isinstance(source, (Mapping, str, bytes, os.PathLike)):
        raise InvalidType(
            "",
            source,
            f"is of type {type(source).__name__}; expected a mapping, a path or bytes of a {what} document",
            f"类型为 {type(source).__name__}；应为{what_zh}文档的映射、路径或字节",
        )
    if isinstance(source, Mapping):
        return source  # its depth is checked if it fails to load (see _structure)
    data = _read(source, None)
    if not isinstance(data, Mapping):
        raise InvalidType(
            "", data, f"is not a {what} document (a table at the top)", f"不是{what_zh}文档（顶层应为表）"
        )
    return data


def load_district(source: Mapping[str, Any] | str | os.PathLike[str] | bytes) -> model.District:
    """Read a district from a JSON or TOML file, its bytes, or a parsed mapping.

    Every error is an :class:`~community_rules.errors.Error` (also a
    ``ValueError`` or ``TypeError``) whose ``path`` names the offending value,
    e.g. ``offices[0].communities[3].buildings[7].households``; all errors
    found are in its ``all_errors`` attribute. The cyclic garbage collector
    is paused while the district is read and then restored as it was.
    """
    with paused():  # a nation is millions of objects, none in a cycle
        return _structure(_mapping(source, "district"), model.District)


def dump_district(district: model.District) -> dict[str, Any]:
    """The district as a plain, JSON-ready mapping (money as exact decimal strings)."""
    if not isinstance(district, model.District):
        raise InvalidType("district", district, "is not a District", "不是 District")
    result: dict[str, Any] = _CONVERTER.unstructure(district)
    return result


def load_office(
    source: Mapping[str, Any] | str | os.PathLike[str] | bytes, *, path: str = ""
) -> model.SubDistrictOffice:
    """Read one sub-district office (街道办事处) from its own JSON or TOML document.

    The document is what a district document holds under ``offices[k]``: the
    office's ``id``, optional ``name`` and its ``communities``. A district
    too large to hold as parsed JSON all at once — the synthetic nation of
    8,590 offices and 6 million buildings is 579 MB of compact JSON, and
    several times that as parsed mappings — can be kept as one document per
    office and loaded one office at a time: only one office's parsed text is
    in memory at once, and :func:`~community_rules.parallel.check_as_loaded`
    checks the communities loaded so far while the next office is read.

    ``path`` is put in front of every error's path, so that with
    ``path="offices[3]"`` errors read as they would in a district document
    (an error in a file that cannot be read or parsed names the file);
    errors are otherwise those of :func:`load_district`.

    >>> office = load_office({"id": "O1", "communities": [
    ...     {"id": "C1", "buildings": [{"id": "B1", "households": 120}]}]})
    >>> office.id, office.communities[0].households
    ('O1', 120)
    >>> load_office(dump_office(office)) == office
    True
    >>> load_office({"id": "O1", "communities": [{"id": "C1", "households": -1}]}, path="offices[3]")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: offices[3].communities[0].households: -1 is negative ...
    """
    if not isinstance(path, str):
        raise InvalidType(
            "path",
            path,
            f"is of type {type(path).__name__}; expected the office's path in the district (a str)",
            f"类型为 {type(path).__name__}；应为该办事处在区文档中的路径（str）",
        )
    try:
        data = _mapping(source, "sub-district office")
    except Error as exc:
        # The whole document is at fault (not a table, not JSON): named by ``path``,
        # unless the error already names the file it read.
        raise (exc if exc.path else exc.with_prefix(path)) from None
    with paused():
        return _structure(data, model.SubDistrictOffice, path)


def dump_office(office: model.SubDistrictOffice) -> dict[str, Any]:
    """The office as a plain, JSON-ready mapping: the document :func:`load_office` reads back."""
    if not isinstance(office, model.SubDistrictOffice):
        raise InvalidType("office", office, "is not a SubDistrictOffice", "不是 SubDistrictOffice")
    result: dict[str, Any] = _CONVERTER.unstructure(office)
    return result


def load_policy(
    source: Mapping[str, Any] | str | os.PathLike[str] | bytes, *, base: Policy | None = None
) -> Policy:
    """A policy from a mapping or file of field overrides on top of ``base`` (the default policy).

    >>> load_policy({"office_funds_per_thousand": 12000}).office_funds_per_thousand
    Decimal('12000')
    >>> load_policy({"office_fund": 1})
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: office_fund: 'office_fund' is not a field of Policy ...
    """
    if base is not None and not isinstance(base, Policy):
        raise InvalidType("base", base, "is not a Policy", "不是 Policy")
    data = dict(_mapping(source, "policy"))
    merged = _CONVERTER.unstructure(base or Policy())
    merged.update(data)
    return _structure(merged, Policy)


def dump_policy(policy: Policy) -> dict[str, Any]:
    """The policy as a plain, JSON-ready mapping of every field."""
    if not isinstance(policy, Policy):
        raise InvalidType("policy", policy, "is not a Policy", "不是 Policy")
    result: dict[str, Any] = _CONVERTER.unstructure(policy)
    return result


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value)
    if attrs.has(type(value)):
        return _CONVERTER.unstructure(value)
    raise InvalidType(
        "value",
        value,
        f"is of type {type(value).__name__}: {type(value).__name__} is not JSON serialisable",
        f"类型为 {type(value).__name__}，无法写成 JSON",
    )


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON text for plain data holding Decimals, dates, enums and attrs classes.

    Decimals are written as strings so that no reader turns them into floats;
    keys keep their order and the output is byte-identical across runs.
    """
    if indent is not None and (
        isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 16
    ):
        raise InvalidValue(
            "indent", indent, "is not None or an int from 0 to 16", "应为 None 或 0 到 16 的整数"
        )
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent, default=_json_default, allow_nan=False)
    except RecursionError:
        raise LimitExceeded("value", "…", "is nested too deeply to write", "嵌套过深，无法写出") from None
    except ValueError as exc:  # a circular reference, or a float NaN or infinity
        raise InvalidValue("value", ..., f"has no JSON form: {exc}", f"无法写成 JSON：{exc}") from None

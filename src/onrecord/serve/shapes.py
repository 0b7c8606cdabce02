"""Response models built from the store's records: each field is declared once, in the record's dataclass.

The store's read API returns frozen dataclasses (``store/records.py``, ``store/roles.py``,
``store/roles_check.py``); the REST API answers their ``to_dict()``. :func:`response_model` builds the
pydantic model of such an answer from the dataclass's fields, in their order, with their defaults; the API
adds only what a client reads in the OpenAPI document — a narrower type (an enumeration, a ``YYYY-MM-DD``
pattern), bounds, a description, a default — per field name, through :func:`api`. A name that is no field
of the record is an error, so a field exists on both sides or on neither (``tests/serve/test_shapes.py``).

Example:
    >>> from onrecord.store.records import Role
    >>> RoleOut = response_model(Role, "RoleOut", first_seen=api(default=None))
    >>> list(RoleOut.model_fields)
    ['title', 'first_seen', 'last_seen', 'articles']
    >>> RoleOut(title="president", first_seen="2025-04-22", last_seen=None).model_dump()["articles"]
    1
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..types import AttributionKind, EntityKind

Offset = Annotated[int, Field(ge=0)]
Pair = tuple[Offset, Offset]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
#: a speaker's kind (``onrecord.types.EntityKind``)
Kind = Literal[tuple(k.value for k in EntityKind)]  # type: ignore[valid-type]
#: what an attribution reports (``onrecord.types.AttributionKind``); speech and writing are quotes
AttributionKindName = Literal[tuple(k.value for k in AttributionKind)]  # type: ignore[valid-type]
KIND_DESCRIPTION = "what the attribution reports; speech and writing are what journalists call quotes"


class Strict(BaseModel):
    """A response or article model that refuses fields it does not declare."""

    model_config = ConfigDict(extra="forbid")


_NO_DEFAULT = object()


@dataclasses.dataclass(frozen=True)
class ApiField:
    """What the API says of one field beyond the record: its type as clients see it, its default, ``Field`` arguments."""

    type: Any = None
    default: Any = _NO_DEFAULT
    field: dict[str, Any] = dataclasses.field(default_factory=dict)


def api(type_: Any = None, /, *, default: Any = _NO_DEFAULT, **field: Any) -> ApiField:
    """One field's API side: ``api(Kind)``, ``api(default=None)``, ``api(ge=0, description="…")``."""
    return ApiField(type_, default, field)


def api_type(hint: Any, nested: dict[type, type[BaseModel]]) -> Any:
    """The type a client sees for a record field's type: dates as ``YYYY-MM-DD`` strings, tuples as lists, records as
    their response models (``nested``)."""
    if hint is dt.date:
        return IsoDate
    if hint in nested:
        return nested[hint]
    if hint in (str, int, float, bool, type(None)):
        return hint
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return Union[tuple(api_type(a, nested) for a in args)]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return list[api_type(args[0], nested)]
    if origin is tuple:
        return tuple[tuple(api_type(a, nested) for a in args)]
    raise TypeError(f"no API type for {hint!r}: give the field its type with api(...)")


def response_model(
    record: type,
    name: str,
    *,
    doc: str | None = None,
    base: type[BaseModel] = Strict,
    nested: dict[type, type[BaseModel]] | None = None,
    extra: dict[str, tuple[Any, Any]] | None = None,
    **fields: ApiField,
) -> type[BaseModel]:
    """The pydantic model of ``record.to_dict()``: the dataclass's fields in order, each as :func:`api_type` maps it
    unless ``fields`` gives it a type, with the dataclass's default unless ``fields`` gives one.

    Args:
        record: the store's dataclass.
        name: the model's name (the schema's name in the OpenAPI document).
        doc: the model's description in the OpenAPI document.
        base: :class:`Strict` (no other keys) or a looser model.
        nested: the response models of the records this one holds.
        extra: fields the API adds that the record does not have (a page's ``limit``, ``offset``, ``next``):
            name -> (type, default or ``...``).
        **fields: the API side of the record's fields, by name (:func:`api`).

    Raises:
        TypeError: a name in ``fields`` is no field of ``record``, or a field type has no API type.
    """
    hints = typing.get_type_hints(record)
    own = {f.name: f for f in dataclasses.fields(record)}
    unknown = sorted(set(fields) - set(own))
    if unknown:
        raise TypeError(f"{name}: {unknown} are not fields of {record.__name__} (declare a field in the record, once)")
    clash = sorted(set(extra or ()) & set(own))
    if clash:
        raise TypeError(f"{name}: {clash} are fields of {record.__name__} already")
    definitions: dict[str, Any] = {}
    for field_name, field in own.items():
        spec = fields.get(field_name, ApiField())
        annotation = spec.type if spec.type is not None else api_type(hints[field_name], nested or {})
        if spec.field:
            annotation = Annotated[annotation, Field(**spec.field)]
        definitions[field_name] = (annotation, _default(spec, field))
    definitions.update(extra or {})
    return create_model(name, __base__=base, __doc__=doc, __module__=__name__, **definitions)


def _default(spec: ApiField, field: dataclasses.Field) -> Any:
    if spec.default is not _NO_DEFAULT:
        return spec.default
    if field.default is not dataclasses.MISSING:
        return list(field.default) if isinstance(field.default, tuple) else field.default
    return ...


def record_fields(record: type) -> list[str]:
    """The names of a record's fields, in order (what its ``to_dict()`` holds)."""
    return [f.name for f in dataclasses.fields(record)]

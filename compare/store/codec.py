"""JSON columns <-> model values: facts, settings, reasons.

Decoding reads untrusted text, so it checks every type and raises ``ValueError`` with a short reason instead
of building a half-valid value; the caller turns that into ``InvalidData`` naming the file and the row.
"""

from __future__ import annotations

import json
import math
from typing import Any

from compare.model import AlignSettings, DateMention, Duration, Facts, Quantity


def dumps(value: Any) -> str:
    # allow_nan=False: NaN is not JSON, and a file must open in any JSON reader (Datasette, jq, ...).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:  # deeply nested arrays in a hostile file
        raise ValueError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from None


def facts_to_json(facts: Facts) -> str:
    out: dict[str, Any] = {}
    if facts.numbers:
        out["numbers"] = [
            {"value": q.value, "text": q.text, "bound": q.bound, "unit": q.unit} for q in facts.numbers
        ]
    if facts.dates:
        out["dates"] = [
            {"text": d.text, "day": d.day, "month": d.month, "year": d.year, "weekday": d.weekday}
            for d in facts.dates
        ]
    if facts.durations:
        out["durations"] = [{"value": d.value, "unit": d.unit, "text": d.text} for d in facts.durations]
    if facts.entities:
        out["entities"] = list(facts.entities)
    if facts.negations:
        out["negations"] = list(facts.negations)
    if facts.speaker:
        out["speaker"] = facts.speaker
    if facts.quoted:
        out["quoted"] = True
    return dumps(out)


def facts_from_json(text: str) -> Facts:
    data = _object(loads(text), "facts")
    return Facts(
        numbers=tuple(
            Quantity(
                value=_number(q, "value"),
                text=_str(q, "text"),
                bound=_str(q, "bound", ""),
                unit=_str(q, "unit", ""),
            )
            for q in _objects(data, "numbers")
        ),
        dates=tuple(
            DateMention(
                text=_str(d, "text"),
                day=_int_or_none(d, "day"),
                month=_int_or_none(d, "month"),
                year=_int_or_none(d, "year"),
                weekday=_str(d, "weekday", ""),
            )
            for d in _objects(data, "dates")
        ),
        durations=tuple(
            Duration(value=_number(d, "value"), unit=_str(d, "unit"), text=_str(d, "text"))
            for d in _objects(data, "durations")
        ),
        entities=_strings(data, "entities"),
        negations=_strings(data, "negations"),
        speaker=_str(data, "speaker", ""),
        quoted=_bool(data, "quoted", False),
    )


def settings_to_json(settings: AlignSettings) -> str:
    return dumps(
        {
            "threshold": settings.threshold,
            "allow_split": settings.allow_split,
            "semantic": settings.semantic,
            "max_words": settings.max_words,
        }
    )


def settings_from_json(text: str) -> AlignSettings:
    data = _object(loads(text), "settings")
    default = AlignSettings()
    return AlignSettings(
        threshold=_number(data, "threshold", default.threshold),
        allow_split=_bool(data, "allow_split", default.allow_split),
        semantic=_bool(data, "semantic", default.semantic),
        max_words=_int(data, "max_words", default.max_words),
    )


def reasons_to_json(reasons: tuple[str, ...]) -> str:
    return dumps(list(reasons))


def reasons_from_json(text: str) -> tuple[str, ...]:
    data = loads(text)
    if not isinstance(data, list) or not all(isinstance(r, str) for r in data):
        raise ValueError("reasons must be a JSON array of strings")
    return tuple(data)


# Typed getters: a missing key takes the default when there is one, anything else is an error.

_MISSING = object()


def _get(data: dict, key: str, default: Any) -> Any:
    value = data.get(key, _MISSING)
    if value is _MISSING:
        if default is _MISSING:
            raise ValueError(f"missing {key!r}")
        return default
    return value


def _object(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object")
    return value


def _objects(data: dict, key: str) -> list[dict]:
    value = _get(data, key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{key!r} must be an array of objects")
    return value


def _strings(data: dict, key: str) -> tuple[str, ...]:
    value = _get(data, key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key!r} must be an array of strings")
    return tuple(value)


def _str(data: dict, key: str, default: Any = _MISSING) -> str:
    value = _get(data, key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return value


def _bool(data: dict, key: str, default: Any = _MISSING) -> bool:
    value = _get(data, key, default)
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false")
    return value


def _int(data: dict, key: str, default: Any = _MISSING) -> int:
    value = _get(data, key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key!r} must be an integer")
    return value


def _int_or_none(data: dict, key: str) -> int | None:
    value = _get(data, key, None)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key!r} must be an integer or null")
    return value


def _number(data: dict, key: str, default: Any = _MISSING) -> float:
    value = _get(data, key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{key!r} must be a finite number")
    return float(value)

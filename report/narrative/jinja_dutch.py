"""Turn Jinja's English errors in a narrative text into Dutch messages for its author.

Consultants write the placeholders; Jinja reports their slips in English and
in its own terms ("unexpected '}'", "'aantl' is undefined", "No filter named
'Pilot'."). This module says the same in Dutch, with the valid functions or
filters and the nearest match, so the author can fix the line without
knowing Jinja. The file and line are added by the caller (placeholders).
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
from collections.abc import Callable, Collection

import jinja2
from jinja2.sandbox import SecurityError

# How Jinja names the tokens it expected or found, as the author types them.
_TOKENS = {
    "end of print statement": "'}}'",
    "end of statement block": "'%}'",
    "begin of print statement": "'{{'",
    "begin of statement block": "'{%'",
    "end of template": "het einde van de tekst",
    "name": "een naam",
}
_TOKEN = re.compile(r"'([^']*)'|(\bend of template\b)")

# Jinja's syntax messages, most specific first, with their Dutch wording.
_SYNTAX: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(pattern), dutch) for pattern, dutch in (
    (r"^Unexpected end of template\. Jinja was looking for the following tags: (?P<tags>.+?)\. "
     r"The innermost block that needs to be closed is '(?P<block>\w+)'\.",
     "het blok {{% {block} %}} wordt niet gesloten; verwacht {tags}"),
    (r"^Encountered unknown tag '(?P<tag>\w+)'", "onbekende opdracht {{% {tag} %}}"),
    (r"^unexpected end of template, expected (?P<expected>.+?)\.?$",
     "de tekst houdt op midden in een placeholder; verwacht {expected}"),
    (r"^expected token (?P<expected>.+?), got (?P<found>.+)$", "verwacht {expected}, maar er staat {found}"),
    (r"^Expected an expression, got (?P<found>.+)$", "verwacht een getal, tekst of functie, maar er staat {found}"),
    (r"^unexpected char (?P<found>.+?) at \d+$", "onverwacht teken {found}"),
    (r"^unexpected (?P<found>.+?), expected (?P<expected>.+)$", "onverwacht {found}; verwacht {expected}"),
    (r"^unexpected (?P<found>.+?)\.?$", "onverwacht {found}"),
    (r"^No test named '(?P<name>[^']+)'\.?$", "onbekende test '{name}'"),
))
_NO_FILTER = re.compile(r"^No filter named '(?P<name>[^']+)'")
_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '(?P<name>[^']+)'")


def syntax_message(error: jinja2.TemplateSyntaxError, functions: Collection[str], filters: Collection[str]) -> str:
    """A syntax error (also an unknown filter, which Jinja finds while compiling) in Dutch."""
    message = error.message or ""
    if match := _NO_FILTER.match(message):
        return _unknown("filter", match["name"], filters)
    for pattern, dutch in _SYNTAX:
        if match := pattern.match(message):
            parts = {key: _tokens(value) for key, value in match.groupdict().items()}
            if "tags" in parts:
                parts["tags"] = _tags(match["tags"])
            return f"Fout in de opmaak van een placeholder: {dutch.format(**parts)}."
    return "Fout in de opmaak van een placeholder: Jinja begrijpt deze regel niet; controleer de haakjes {{ }} en {% %}."


def runtime_message(error: BaseException, functions: Collection[str], filters: Collection[str]) -> str:
    """An error while the placeholders were filled in, in Dutch."""
    if isinstance(error, jinja2.TemplateNotFound):
        return f"Het bestand '{error.name}' bestaat niet in de map met teksten."
    if isinstance(error, jinja2.UndefinedError):
        message = error.message or ""
        if match := _UNDEFINED.match(message):
            return _unknown("naam", match["name"], functions, filters)
        if match := _NO_ATTRIBUTE.search(message):
            return f"Onbekende eigenschap '{match['name']}' in een placeholder: deze waarde heeft die niet."
        return "Onbekende naam in een placeholder."
    if isinstance(error, SecurityError):
        return "Deze placeholder gebruikt iets wat in een tekst niet mag; gebruik alleen de functies en filters."
    if isinstance(error, ZeroDivisionError):
        return "Placeholder kan niet worden berekend: deling door nul."
    if isinstance(error, OverflowError):
        return "Placeholder kan niet worden berekend: het getal of bereik is te groot."
    if isinstance(error, TypeError):
        return "Placeholder kan niet worden berekend: deze waarden passen niet bij de bewerking."
    return f"Placeholder kan niet worden berekend: {error}"


def checked(kind: str, name: str, function: Callable) -> Callable:
    """`function` as a text calls it: a wrong number or name of arguments is a Dutch ValueError."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            raise ValueError(f"{kind} '{name}' kreeg {_values(len(args) + len(kwargs))}, maar verwacht er "
                             f"{_expected(signature)}. Zie de README, 'Narrative placeholders'.") from None
        return function(*args, **kwargs)

    return call


def _values(n: int) -> str:
    return "1 waarde" if n == 1 else f"{n} waarden"


def _expected(signature: inspect.Signature) -> str:
    """"2" or "2 tot 3": how many values a function takes (for a filter: with the one before the |)."""
    fixed = [p for p in signature.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    least = sum(p.default is p.empty for p in fixed)
    return str(least) if least == len(fixed) else f"{least} tot {len(fixed)}"


def _unknown(what: str, name: str, *known: Collection[str]) -> str:
    names = [n for group in known for n in group]
    nearest = difflib.get_close_matches(name, names, n=1)
    hint = f" Bedoelt u '{nearest[0]}'?" if nearest else ""
    lists = [f"bekende functies: {', '.join(known[0])}"] if what == "naam" else []
    lists.append(f"bekende filters: {', '.join(known[-1])}")
    listed = "; ".join(lists)
    unknown = "Onbekend" if what == "filter" else "Onbekende"      # het filter, de naam
    return f"{unknown} {what} '{name}' in een placeholder.{hint} {listed[0].upper()}{listed[1:]}."


def _tokens(text: str | None) -> str:
    """Jinja's token names ('end of print statement') as the author types them ('}}')."""
    if text is None:
        return ""
    return _TOKEN.sub(lambda m: _TOKENS.get(m[1] or m[2], m[0]), text)


def _tags(text: str) -> str:
    """"'elif' or 'else' or 'endif'" as "{% elif %}, {% else %} of {% endif %}"."""
    tags = [f"{{% {tag} %}}" for tag in re.findall(r"'(\w+)'", text)]
    return ", ".join(tags[:-1]) + f" of {tags[-1]}" if len(tags) > 1 else "".join(tags)

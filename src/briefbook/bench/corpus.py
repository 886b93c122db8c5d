"""Generate a realistic corpus of any size about one invented event.

A benchmark on copies of one file would flatter every cache and every
duplicate check, so each article is recombined from sentence templates with a
different cast, outlet, date, numbers and quote style, all drawn from a
``random.Random`` with a fixed seed: the same call always writes the same
files. The vocabulary is invented (syllable names, made-up towns) so the text
says nothing about any real corpus, yet it carries what the extractors look
for: datelines, direct and reported quotes, attributions, counts of people,
absolute and relative dates.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

_SYLLABLES = ("ka", "lo", "mir", "ve", "dan", "so", "ri", "tal", "bo", "nes", "qui", "ar", "el", "dro", "fen", "ya")
_FIRST = ("Anna", "Marek", "Ines", "Tomas", "Leila", "Oskar", "Mira", "Pavel", "Rosa", "Jonas", "Dara", "Ilya",
          "Sofia", "Emil", "Nadia", "Karim", "Lena", "Viktor", "Hana", "Ruben")
_ROLES = ("mayor", "police chief", "health minister", "interior minister", "regional governor", "union leader",
          "hospital director", "emergency services spokesman", "opposition leader", "fire chief", "prime minister")
_OUTLET_WORDS = ("Daily", "Courier", "Herald", "Wire", "Post", "Tribune", "Gazette", "Observer", "Press", "Journal")
_EVENTS = {
    "flood": ("floods", "flood waters", "the river burst its banks", "evacuated", "swept away"),
    "fire": ("the fire", "the blaze", "fire tore through the warehouse district", "evacuated", "trapped"),
    "quake": ("the earthquake", "the quake", "a magnitude 6.4 earthquake struck", "evacuated", "buried"),
    "strike": ("the strike", "the walkout", "dock workers walked off the job", "arrested", "injured"),
    "protest": ("the protests", "the unrest", "crowds gathered outside the parliament", "detained", "injured"),
}
_SAY = ("said", "told reporters", "said in a statement", "added", "warned", "insisted", "told local radio")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_VAGUE = ("dozens of", "hundreds of", "more than {n}", "at least {n}", "nearly {n}", "about {n}", "{n}")
_COUNTED = ("people were killed", "people were injured", "people were {detained}", "residents were {evacuated}",
            "rescuers were deployed", "people remain missing", "police officers were hurt")


@dataclass(frozen=True)
class Scene:
    """What every article of one corpus shares: the event, its place, days, cast and outlets."""

    kind: str
    country: str
    towns: tuple[str, ...]
    start: dt.date
    cast: tuple[tuple[str, str], ...]  # (name, role)
    outlets: tuple[str, ...]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def scene(rng: random.Random) -> Scene:
    kind = rng.choice(sorted(_EVENTS))
    cast = tuple((f"{rng.choice(_FIRST)} {_word(rng, 3)}", rng.choice(_ROLES)) for _ in range(14))
    outlets = tuple(f"{_word(rng, 2)} {rng.choice(_OUTLET_WORDS)}" for _ in range(25))
    start = dt.date(2000 + rng.randrange(10, 24), rng.randrange(1, 13), rng.randrange(1, 20))
    return Scene(kind, _word(rng, 3), tuple(_word(rng, 2) + rng.choice(("", "ville", "sk", "grad", " Bay")) for _ in range(8)),
                 start, cast, outlets)


def _count(rng: random.Random) -> str:
    return rng.choice(_VAGUE).format(n=rng.choice((3, 7, 12, 18, 25, 40, 64, 120, 300, 1500, 2300)))


def _quote(rng: random.Random, text: str, who: str, role: str) -> str:
    verb = rng.choice(_SAY)
    style = rng.randrange(4)
    if style == 0:
        return f"\u201c{text},\u201d {who}, the {role}, {verb}."
    if style == 1:
        return f'"{text}," {verb.split()[0]} {who}.' if verb == "said" else f'"{text}," {who} {verb}.'
    if style == 2:
        return f"The {role}, {who}, {verb} that {text[0].lower() + text[1:]}."
    return f"According to {who}, {text[0].lower() + text[1:]}."


def paragraphs(rng: random.Random, s: Scene, day: dt.date) -> list[str]:
    """The body of one article: a lead, quotes, figures, background, in varying order."""
    noun, alt, lead, evac, hurt = _EVENTS[s.kind]
    town, other = rng.sample(s.towns, 2)
    people = rng.sample(s.cast, 5)
    weekday = lambda d: _DAYS[d.weekday()]  # noqa: E731
    before = day - dt.timedelta(days=rng.randrange(1, 4))
    lines = [
        f"{_count(rng).capitalize()} {rng.choice(_COUNTED).format(detained=evac, evacuated=evac)} in {town} on "
        f"{weekday(before)} after {lead}, officials said.",
    ]
    pool = [
        _quote(rng, f"We have {rng.choice(('never seen', 'not yet measured', 'only begun to count'))} damage like this in {town}",
               *people[0]),
        _quote(rng, f"{_count(rng).capitalize()} families have lost their homes and we need help now", *people[1]),
        _quote(rng, f"The situation in {other} is under control and the roads will reopen by {weekday(day + dt.timedelta(days=2))}",
               *people[2]),
        f"{people[3][0]}, the {people[3][1]}, {rng.choice(_SAY)} that {_count(rng)} people had been {hurt} "
        f"and {_count(rng)} {rng.choice(('were taken to hospital', 'were still unaccounted for', 'were released'))}.",
        f"On {before.strftime('%B')} {before.day}, {_count(rng)} {rng.choice(_COUNTED).format(detained=evac, evacuated=evac)} "
        f"in {other}, according to the {rng.choice(_ROLES)}'s office.",
        f"The government declared a state of emergency in {town} and {other} for {rng.choice(('ten', 'thirty', '14', '30'))} days.",
        f"{alt.capitalize()} {rng.choice(('began', 'spread', 'worsened', 'eased'))} {rng.choice(('two days earlier', 'last week', 'overnight', 'on ' + weekday(before)))}, "
        f"and {rng.choice(('schools', 'markets', 'the airport', 'rail lines'))} stayed closed.",
        f"{people[4][0]} {rng.choice(('accused the authorities of ignoring warnings', 'called for an independent inquiry', 'praised the rescue teams', 'denied that the response was slow'))}.",
        f"Residents of {town} described {rng.choice(('chaos', 'long queues for water', 'nights without power', 'shuttered shops'))} "
        f"as {noun} {rng.choice(('continued', 'dragged on', 'subsided'))}.",
        f"A total of {rng.randrange(2, 90)} {rng.choice(('shelters', 'field kitchens', 'medical teams', 'buses'))} had been sent to the region by "
        f"{weekday(day)} morning, the ministry said.",
        f"Last year, {rng.choice(('a smaller', 'a similar', 'a deadly'))} {noun.split()[-1]} in {s.country} left {rng.randrange(2, 40)} people dead.",
        f"{people[rng.randrange(5)][0]} is expected to visit {other} on {weekday(day + dt.timedelta(days=1))}.",
    ]
    rng.shuffle(pool)
    lines += pool[: rng.randrange(6, len(pool))]
    return lines


def article(rng: random.Random, s: Scene, number: int) -> str:
    noun, _, lead, *_ = _EVENTS[s.kind]
    day = s.start + dt.timedelta(days=rng.randrange(0, 12))
    outlet = rng.choice(s.outlets)
    title = rng.choice((
        f"{_count(rng).capitalize()} hurt as {noun} hit {rng.choice(s.towns)}",
        f"{rng.choice(s.cast)[0]} says {noun} {rng.choice(('under control', 'far from over', 'a national tragedy'))}",
        f"{s.country}: {noun} enters day {rng.randrange(2, 9)}",
        f"Death toll rises in {rng.choice(s.towns)} as {noun} {rng.choice(('continue', 'spread', 'ease'))}",
    ))
    body = paragraphs(rng, s, day)
    dateline = rng.choice((
        f"{rng.choice(s.towns).upper()}, {day.strftime('%B')} {day.day} ({outlet}) - ",
        f"{rng.choice(s.towns).upper()}, {day.strftime('%B')} {day.day}, {day.year}. /{outlet}/. ",
        "",
    ))
    byline = [] if dateline else [f"By {rng.choice(_FIRST)} {_word(rng, 2)}, {outlet}", day.strftime("%d %B %Y")]
    return "\n\n".join([title, *byline, dateline + body[0], *body[1:]]) + "\n"


def write_corpus(folder: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write ``articles`` generated articles about one event into ``folder`` (replacing its .txt files)."""
    rng = random.Random(seed)
    s = scene(rng)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    paths = []
    for number in range(articles):
        path = folder / f"{number:04d}_{s.kind}.txt"
        path.write_text(article(rng, s, number), encoding="utf-8")
        paths.append(path)
    return paths

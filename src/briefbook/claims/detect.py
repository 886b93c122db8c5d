"""Find statements in one article: direct quotations, reported speech, headline attributions.

Detection works paragraph by paragraph on the shared parses and returns
:class:`Found` records whose speaker is still a *mention* (as written); the
corpus-wide step in :mod:`briefbook.claims.attribute` turns mentions into
canonical speakers. What counts as one statement (also written at the top of
the annotation files):

* a direct statement is the text inside quote marks that stands as an utterance
  of its own (introduced by "X said," / "adding:", followed by ",” X said", or
  alone in its paragraph); a quotation interrupted only by its attribution
  ("“A,” he said, “B”") is one statement; a quotation whose opening mark was
  lost starts after the last sentence that attributes speech;
* a reported statement is what a verb of saying reports (its complement), or
  the clause an "according to X" modifies; short quoted words inside it are
  part of it, not statements of their own;
* a headline or sub-heading "Speaker: words" is a reported statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefbook.claims.quotes import Quotation, find_quotations, starts_with_opening, strip_span
from briefbook.claims.reported import according_to, is_cue, lexicon, message_tokens, nested, subject
from briefbook.claims.speakers import Mention, mention, roles, speaker_tokens
from briefbook.corpus.model import Document, Paragraph

QUOTE_MARKS = "“”„«»‹›‘’\"'"
#: A direct quotation shorter than this (in words) is a scare quote, not a statement.
MIN_DIRECT_WORDS = 2
#: How far into the next paragraph an attribution of a quote-only paragraph may sit (tokens).
NEXT_PARAGRAPH_CUE_WINDOW = 8
#: Longest headline-like paragraph read as "Speaker: words" (words).
HEADLINE_WORDS = 16


@dataclass
class Found:
    """A statement before speaker resolution; offsets are into the seed file."""

    doc_id: str
    paragraph: int
    start: int
    end: int
    kind: str
    cue: str
    mention: Mention | None  # None: continues the previous speaker's words
    position: int  # where the speaker is named (for recency), or the statement start
    close_lost: bool = False


@dataclass(frozen=True)
class Sighting:
    """A speaker named as the subject of a verb of saying (used to resolve later pronouns)."""

    position: int
    mention: Mention


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= pos < e + 1 for s, e in spans)


def _boundary_before(doc: Doc, quote: Quotation, cues: list[Token], text: str) -> int:
    """Where a quotation with a lost opening mark starts: after the last attributing sentence."""
    start = quote.start
    cue_ids = {t.i for t in cues}
    for sent in doc.sents:
        end = sent.end_char
        if end <= quote.end and end > start and any(t.i in cue_ids for t in sent):
            start = end
    # the parser may glue the quotation to the attribution: fall back on full stops
    for cue in cues:
        if start <= cue.idx < quote.end:
            stop = re.search(r"[.!?]\s+(?=\S)", text[cue.idx:quote.end])
            if stop:
                start = max(start, cue.idx + stop.end())
    return start


def _span_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _standalone(text: str, quote: Quotation, prev_end: int) -> bool:
    """A quotation that is an utterance of its own, not words woven into the writer's sentence."""
    if quote.open_lost:
        return True
    before = text[prev_end:max(prev_end, quote.start - 1)]
    before = re.split(r"[.!?]\s+", before)[-1].strip()
    return not before or before[-1] in ",:—–-"


def _merge_interrupted(text: str, quotes: list[Quotation], doc: Doc) -> list[tuple[Quotation, Token | None]]:
    """Join "“A,” he said, “B”" into one quotation and remember the cue in between."""
    merged: list[tuple[Quotation, Token | None]] = []
    for q in quotes:
        if merged:
            last, cue = merged[-1]
            gap = text[last.end + 1:max(last.end + 1, q.start - 1)]
            if (not last.close_lost and text[last.end - 1:last.end] in ",—" and len(gap.split()) <= 8
                    and not re.search(r"[.!?]", gap) and gap.strip().endswith((",", ":"))):
                gap_cues = [t for t in doc if last.end < t.idx < q.start and is_cue(t)]
                if gap_cues:
                    merged[-1] = (Quotation(last.start, q.end, last.open_lost, q.close_lost), gap_cues[0])
                    continue
        merged.append((q, None))
    return merged


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _mention_of(cue: Token) -> Mention | None:
    subj = subject(cue)
    return mention(speaker_tokens(subj)) if subj is not None else None


def find_statements(document: Document, docs: list[Doc]) -> tuple[list[Found], list[Sighting]]:
    """Every statement of one article, in reading order, and every named speaker."""
    lex = lexicon()
    found: list[Found] = []
    sightings: list[Sighting] = []
    paragraphs = document.paragraphs
    carried: tuple[Mention, str] | None = None  # a verb of saying left dangling at the previous paragraph's end
    for index, (para, doc) in enumerate(zip(paragraphs, docs)):
        text = para.text
        quotes = find_quotations(text)
        closed = [(q.start, q.end) for q in quotes if not q.open_lost]
        cues = [t for t in doc if is_cue(t, lex) and not _inside(t.idx, closed)]
        quotes = [Quotation(_boundary_before(doc, q, cues, text), q.end, True, q.close_lost) if q.open_lost else q
                  for q in quotes]
        quote_spans = [(q.start, q.end) for q in quotes]
        cues = [t for t in cues if not _inside(t.idx, quote_spans)]
        carry_end = 0
        if carried is not None:
            # the paragraph continues the previous one's sentence ("X thanked" | "Y for Z and said …"):
            # its opening words are that verb's message, and its subject-less verbs belong to X
            carry_end = cues[0].idx if cues else len(text)
            start, end = strip_span(text, 0, carry_end)
            end = start + len(re.sub(r"[\s,]*\band\s*$", "", text[start:end]))
            if end > start:
                found.append(Found(document.doc_id, para.number, para.start + start, para.start + end, "reported",
                                   carried[1], carried[0], para.start))
                carry_end = end

        def mention_for(cue: Token) -> Mention | None:
            subj = subject(cue)
            if carried is not None and subj is not None and subj.idx < carry_end:
                return carried[0]
            return _mention_of(cue)

        for cue in cues:
            m = mention_for(cue)
            if m is not None:
                sightings.append(Sighting(para.start + cue.idx, m))
        used: set[int] = set()
        direct: list[tuple[int, int]] = []
        prev_end = 0
        for quote, gap_cue in _merge_interrupted(text, quotes, doc):
            start, end = strip_span(text, quote.start, quote.end)
            if end <= start or not _standalone(text, quote, prev_end) or _span_words(text[start:end]) < MIN_DIRECT_WORDS:
                prev_end = quote.end + 1
                continue
            cue = gap_cue or _attach(text, quote, prev_end, quotes, doc, cues)
            m: Mention | None = None
            position = para.start + start
            cue_text = ""
            continues = any(f.close_lost and f.paragraph == para.number - 1 for f in found)
            if cue is None and index + 1 < len(paragraphs) and text[:quote.start].strip(QUOTE_MARKS + " ") == "" \
                    and not text[quote.end + 1:].strip(" .,") and not quote.open_lost and not continues \
                    and not text[:quote.end].rstrip().endswith((".", "!", "?")):
                cue = _cue_in_next(docs[index + 1], lex)
                if cue is not None:
                    m = _mention_of(cue)
                    position = paragraphs[index + 1].start + cue.idx
                    cue_text = cue.text
                    cue = None
            if cue is not None:
                used.add(cue.i)
                m = mention_for(cue)
                position = para.start + cue.idx
                cue_text = cue.text
            found.append(Found(document.doc_id, para.number, para.start + start, para.start + end, "direct",
                               cue_text, m, position, quote.close_lost))
            direct.append((start, end))
            prev_end = quote.end + 1
        for cue in cues:
            if cue.i in used or cue.lemma_.lower() not in lex.reported or nested(cue):
                continue
            tokens = message_tokens(cue, lex)
            if not tokens:
                continue
            start, end = _finish_span(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), quotes)
            if end <= start or any(s < end and start < e for s, e in direct):
                continue
            m = mention_for(cue)
            if m is None:
                continue
            cue_text = cue.text + "".join(" " + c.text for c in cue.children if c.dep_ == "prt")
            found.append(Found(document.doc_id, para.number, para.start + start, para.start + end, "reported",
                               cue_text, m, para.start + cue.idx))
        for speaker, tokens in according_to(doc, lex):
            m = mention(speaker_tokens(speaker.root))
            if m is None or not tokens:
                continue
            start, end = _finish_span(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), quotes)
            if end > start and not any(s < end and start < e for s, e in direct):
                found.append(Found(document.doc_id, para.number, para.start + start, para.start + end, "reported",
                                   "according to", m, para.start + speaker.start_char))
                sightings.append(Sighting(para.start + speaker.start_char, m))
        carried = _dangling(doc, text, lex) if para.role == "body" else None
        headline = _headline(para, doc, quote_spans)
        if headline is not None and not any(f.paragraph == para.number for f in found if f.doc_id == document.doc_id
                                            and f.start >= para.start + headline[0]):
            start, end, m = headline
            found.append(Found(document.doc_id, para.number, para.start + start, para.start + end, "reported",
                               ":", m, para.start))
    return _join_paragraphs(sorted(found, key=lambda f: (f.start, f.end)), paragraphs), sightings


DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^\n]{0,60}?)?\s+[-—–]\s+")


def _finish_span(text: str, start: int, end: int, quotes: list[Quotation]) -> tuple[int, int]:
    """Tidy a reported message: skip a leading dateline, finish a quotation it opened."""
    start, end = strip_span(text, start, end)
    dateline = DATELINE.match(text[start:end])
    if dateline:
        start += dateline.end()
    for q in quotes:
        if start <= q.start - 1 < end < q.end:
            end = min(len(text), q.end + 1)
    return strip_span(text, start, end, " \t\n\u00a0,;:.")


def _attach(text: str, quote: Quotation, prev_end: int, quotes: list[Quotation], doc: Doc,
            cues: list[Token]) -> Token | None:
    """The verb of saying that introduces or follows a quotation in its own paragraph."""
    later = [q.start for q in quotes if q.start > quote.end]
    after_end = (later[0] - 1) if later else len(text)
    after = text[quote.end + 1:after_end]
    sentence_after = _first_sentence(after)
    before_start = prev_end
    before = text[before_start:max(before_start, quote.start - 1)]
    tail = re.split(r"(?<=[.!?])\s+", before)[-1]
    tail_start = quote.start - 1 - len(tail)

    def after_cue() -> Token | None:
        content_end = text[:quote.end].rstrip()
        if not (content_end.endswith((",", "!", "?", "—", "–")) or after.lstrip().startswith(",")):
            return None
        if later and sentence_after == after and after.strip().endswith((":", ",")):
            return None
        lo, hi = quote.end, quote.end + 1 + len(sentence_after)
        return next((t for t in cues if lo < t.idx < hi), None)

    def before_cue() -> Token | None:
        if not tail.strip() or tail.strip()[-1] not in ",:—–":
            return None
        inside = [t for t in cues if tail_start <= t.idx < quote.start]
        return inside[-1] if inside else None

    first, second = (after_cue, before_cue) if text[:quote.end].rstrip().endswith(",") else (before_cue, after_cue)
    return first() or second()


def _dangling(doc: Doc, text: str, lex) -> tuple[Mention, str] | None:
    """A paragraph cut off right after a verb of saying ("Ruiz thanked"), as scraped text often is."""
    if not text.strip() or text.rstrip()[-1] in ".!?:;\"”»’'":
        return None
    words = [t for t in doc if not t.is_space and not t.is_punct]
    if not words or not is_cue(words[-1], lex) or message_tokens(words[-1], lex):
        return None
    m = _mention_of(words[-1])
    return (m, words[-1].text) if m is not None else None


def _cue_in_next(doc: Doc, lex) -> Token | None:
    """The attribution of a quote-only paragraph, at the start of the next one (", X said")."""
    for token in doc[:NEXT_PARAGRAPH_CUE_WINDOW]:
        if is_cue(token, lex) and subject(token) is not None:
            return token
    return None


def _headline(para: Paragraph, doc: Doc, quote_spans: list[tuple[int, int]]) -> tuple[int, int, Mention] | None:
    """A headline or sub-heading of the form "Speaker: words"."""
    words = len(para.text.split())
    if para.role != "title" and (words > HEADLINE_WORDS or para.text.rstrip().endswith(".")):
        return None
    for token in doc:
        if token.text != ":" or _inside(token.idx, quote_spans) or token.i == 0:
            continue
        left: list[Token] = []
        for t in reversed(doc[:token.i]):
            if t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or t.lower_ == "of" or t.ent_type_:
                left.insert(0, t)
            else:
                break
        titles = {w for t in roles().titles for w in t.split()}
        if not left or not (left[-1].ent_type_ in ("PERSON", "ORG") or left[-1].lower_ in titles or
                            left[-1].ent_type_ == "GPE" and any(t.lower_ in titles for t in left)):
            continue
        m = mention(left)
        if m is None or m.kind not in ("person", "role", "org"):
            continue
        start, end = strip_span(para.text, token.idx + 1, len(para.text), " \t.")
        if end > start:
            return start, end, m
    return None


def _join_paragraphs(found: list[Found], paragraphs: list[Paragraph]) -> list[Found]:
    """A quotation left open at a paragraph end continues when the next paragraph opens with a mark."""
    by_number = {p.number: p for p in paragraphs}
    out: list[Found] = []
    for f in found:
        if out and out[-1].kind == "direct" and out[-1].close_lost and f.kind == "direct" \
                and f.paragraph == out[-1].paragraph + 1 and f.mention is None:
            nxt = by_number[f.paragraph]
            if starts_with_opening(nxt.text) and f.start - nxt.start <= 2:
                prev = out[-1]
                out[-1] = Found(prev.doc_id, prev.paragraph, prev.start, f.end, "direct", prev.cue,
                                prev.mention, prev.position, f.close_lost)
                continue
        out.append(f)
    return out

"""Find statements in one article: direct quotations, reported speech, headline attributions.

Detection works paragraph by paragraph on the shared parses and returns
:class:`Found` records whose speaker is still a *mention* (as written); the
corpus-wide step in :mod:`briefbook.language.attribution` turns mentions into
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
from functools import lru_cache
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefbook.claims.quotes import Quotation, find_quotations, starts_with_opening, strip_span
from briefbook.corpus.metadata import dateline_end
from briefbook.corpus.model import Document, Paragraph
from briefbook.language.attribution import Found, Sighting
from briefbook.language.names import Mention, mention, roles, speaker_tokens, title_words
from briefbook.language.speech import according_to, is_cue, lexicon, message_tokens, nested, subject

QUOTE_MARKS = "“”„«»‹›‘’\"'"
#: A direct quotation shorter than this (in words) is a scare quote, not a statement.
MIN_DIRECT_WORDS = 2
#: How far into the next paragraph an attribution of a quote-only paragraph may sit (tokens).
NEXT_PARAGRAPH_CUE_WINDOW = 8
#: Longest headline-like paragraph read as "Speaker: words" (words).
HEADLINE_WORDS = 16


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
    subj = _outlet_of_reporter(_past_dateline(subject(cue)))
    if subj is None:
        return None
    # "HARWICK // Survivors of the fire described …": the parser may hang the dateline on the subject
    end = _dateline_end(subj.doc)
    tokens = [t for t in speaker_tokens(subj) if t.idx >= end]
    return mention(tokens) if tokens else None


@lru_cache(maxsize=64)
def _dateline_end(doc: Doc) -> int:
    """Where the paragraph's dateline ends, once per parse: ``Doc.text`` rebuilds the string from a
    Python object per token, and asked for at every verb of saying it took a sixth of finding statements."""
    return dateline_end(doc.text)


def _outlet_of_reporter(subj: Token | None) -> Token | None:
    """A news organisation's staff reporting ("Example Daily's university correspondent reported") is
    the organisation speaking: the possessor stands for the subject, not the beat before the noun."""
    if subj is None or subj.lemma_.lower() not in roles().reporter_nouns:
        return subj
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    return owner if owner is not None else subj


def _past_dateline(subj: Token | None) -> Token | None:
    """A subject the parser found in the paragraph's dateline ("Cusco, Peru - The group said") is the
    place the story was filed from: the speaker is what it stands in apposition to after the dateline,
    or no one."""
    if subj is None:
        return None
    end = _dateline_end(subj.doc)
    if not end or subj.idx >= end:
        return subj
    after = [t for t in subj.subtree if t.idx >= end and t.dep_ in ("appos", "nsubj") and t.pos_ != "PUNCT"]
    after += [c for c in subj.head.children if c.idx >= end and c.dep_ in ("nsubj", "nsubjpass")]
    return min(after, key=lambda t: t.i) if after else None


@dataclass
class _Context:
    """One paragraph being read: its text, parse, quotations and verbs of saying."""

    document: Document
    index: int
    para: Paragraph
    doc: Doc
    quotes: list[Quotation]
    cues: list[Token]
    carried: tuple[Mention, str] | None
    carry_end: int = 0

    def mention_for(self, cue: Token) -> Mention | None:
        """The cue's speaker; a subject inside a carried-over continuation belongs to the carried speaker."""
        subj = _past_dateline(subject(cue))
        if self.carried is not None and subj is not None and subj.idx < self.carry_end:
            return self.carried[0]
        return _mention_of(cue)

    def found(self, start: int, end: int, kind: str, cue: str, m: Mention | None, position: int,
              close_lost: bool = False) -> Found:
        para = self.para
        return Found(self.document.doc_id, para.number, para.start + start, para.start + end, kind, cue, m,
                     position, close_lost)


def _persons_acting(para: Paragraph, doc: Doc, cue_ids: set[int]) -> list[Sighting]:
    """People named as the subject of a sentence whose verb is not one of saying ("Governor Ana Ruiz
    visited the district."): who a following "she said" most likely is. Only a sentence's own
    subject counts, not a subject inside a quotation or a report, and only a name (a proper noun
    the recogniser does not take for a place, organisation or group)."""
    out = []
    for sent in doc.sents:
        root = sent.root
        if id(root) in cue_ids:
            continue
        for subj in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.pos_ != "PROPN" or subj.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC"):
                continue
            m = mention(speaker_tokens(subj))
            if m is not None and m.kind in ("person", "name"):
                out.append(Sighting(para.start + subj.left_edge.idx, m))
    return out


def find_statements(document: Document, docs: list[Doc]) -> tuple[list[Found], list[Sighting]]:
    """Every statement of one article, in reading order, and every named speaker."""
    lex = lexicon()
    found: list[Found] = []
    sightings: list[Sighting] = []
    carried: tuple[Mention, str] | None = None  # a verb of saying left dangling at the previous paragraph's end
    for index, (para, doc) in enumerate(zip(document.paragraphs, docs)):
        ctx = _read_paragraph(document, index, para, doc, carried, lex)
        found += _carried_over(ctx)
        sightings += [Sighting(para.start + cue.idx, m) for cue in ctx.cues if (m := ctx.mention_for(cue))]
        if para.role == "body":
            sightings += _persons_acting(para, doc, {id(c) for c in ctx.cues})
        direct, used = _direct(ctx, docs, found, lex)
        found += direct
        spans = [(f.start - para.start, f.end - para.start) for f in direct]
        reported, named = _reported(ctx, used, spans, lex)
        found += reported
        sightings += named
        headline = _headline(para, doc, [(q.start, q.end) for q in ctx.quotes])
        if headline is not None and not any(f.paragraph == para.number and f.start >= para.start + headline[0]
                                            for f in found):
            start, end, m = headline
            found.append(ctx.found(start, end, "reported", ":", m, para.start))
        carried = _dangling(doc, para.text, lex) if para.role == "body" else None
    joined = _join_paragraphs(sorted(found, key=lambda f: (f.start, f.end)), document.paragraphs)
    return [f for f in joined if not _cut_off(document.text, f)], sightings


#: A statement the page cut off mid-word ("that more t") with fewer words than this, the cut one
#: included and a complementizer left out, says nothing quotable.
MIN_CUT_WORDS = 3


def _cut_off(text: str, found: Found) -> bool:
    """A fragment: the statement runs to the end of a text that stops mid-word (pages saved cut at a byte
    limit), and too little of it is left to quote."""
    rest = text[found.end:].strip()
    words = text[found.start:found.end].split()
    if rest or not words or not words[-1][-1:].isalnum():
        return False
    whole = [w for w in words[:-1] if w.lower() not in ("that", "whether", "if")]  # the last word is cut
    return len(whole) + 1 < MIN_CUT_WORDS


def _read_paragraph(document: Document, index: int, para: Paragraph, doc: Doc,
                    carried: tuple[Mention, str] | None, lex) -> _Context:
    """Quotations (with lost openings placed) and the verbs of saying outside them."""
    text = para.text
    quotes = find_quotations(text)
    closed = [(q.start, q.end) for q in quotes if not q.open_lost]
    cues = [t for t in doc if is_cue(t, lex) and not _inside(t.idx, closed)]
    quotes = [Quotation(_boundary_before(doc, q, cues, text), q.end, True, q.close_lost) if q.open_lost else q
              for q in quotes]
    spans = [(q.start, q.end) for q in quotes]
    return _Context(document, index, para, doc, quotes, [t for t in cues if not _inside(t.idx, spans)], carried)


def _carried_over(ctx: _Context) -> list[Found]:
    """The paragraph continues the previous one's sentence ("X thanked" | "Y for Z and said …").

    Its opening words are that verb's message, and its subject-less verbs belong to X.
    """
    if ctx.carried is None:
        return []
    text = ctx.para.text
    stop = ctx.cues[0].idx if ctx.cues else len(text)
    start, end = strip_span(text, 0, stop)
    end = start + len(re.sub(r"[\s,]*\band\s*$", "", text[start:end]))
    ctx.carry_end = stop
    if end <= start:
        return []
    ctx.carry_end = end
    return [ctx.found(start, end, "reported", ctx.carried[1], ctx.carried[0], ctx.para.start)]


def _direct(ctx: _Context, docs: list[Doc], earlier: list[Found], lex) -> tuple[list[Found], set[int]]:
    """Direct statements of the paragraph, and the verbs of saying they used up."""
    text, para, doc = ctx.para.text, ctx.para, ctx.doc
    paragraphs = ctx.document.paragraphs
    out: list[Found] = []
    used: set[int] = set()
    prev_end = 0
    continues = any(f.close_lost and f.paragraph == para.number - 1 for f in earlier)
    for quote, gap_cue in _merge_interrupted(text, ctx.quotes, doc):
        start, end = strip_span(text, quote.start, quote.end)
        if end <= start or not _standalone(text, quote, prev_end) or _span_words(text[start:end]) < MIN_DIRECT_WORDS:
            prev_end = quote.end + 1
            continue
        cue = gap_cue or _attach(text, quote, prev_end, ctx.quotes, doc, ctx.cues)
        m: Mention | None = None
        position, cue_text = para.start + start, ""
        alone = text[:quote.start].strip(QUOTE_MARKS + " ") == "" and not text[quote.end + 1:].strip(" .,")
        if cue is None and ctx.index + 1 < len(paragraphs) and alone and not quote.open_lost and not continues \
                and not text[:quote.end].rstrip().endswith((".", "!", "?")):
            # a quote-only paragraph attributed at the start of the next one (", X said")
            following = _cue_in_next(docs[ctx.index + 1], lex)
            if following is not None:
                m = _mention_of(following)
                position, cue_text = paragraphs[ctx.index + 1].start + following.idx, following.text
        if cue is not None:
            used.add(cue.i)
            m = ctx.mention_for(cue)
            position, cue_text = para.start + cue.idx, cue.text
        elif m is None and (credit := _credit_after(text, quote)) is not None:
            m, cue_text = credit, "via"
        out.append(ctx.found(start, end, "direct", cue_text, m, position, quote.close_lost))
        prev_end = quote.end + 1
    return out, used


def _reported(ctx: _Context, used: set[int], direct: list[tuple[int, int]], lex) -> tuple[list[Found], list[Sighting]]:
    """Reported statements: verbs of saying not used by a quotation, and "according to X"."""
    text, para = ctx.para.text, ctx.para
    out: list[Found] = []
    named: list[Sighting] = []

    def overlaps_direct(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in direct)

    for cue in ctx.cues:
        if cue.i in used or cue.lemma_.lower() not in lex.reported or nested(cue):
            continue
        tokens = message_tokens(cue, lex)
        m = ctx.mention_for(cue) if tokens else None
        if m is None:
            continue
        start, end = _finish_span(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), ctx.quotes)
        if end > start and not overlaps_direct(start, end):
            cue_text = cue.text + "".join(" " + c.text for c in cue.children if c.dep_ == "prt")
            out.append(ctx.found(start, end, "reported", cue_text, m, para.start + cue.idx))
    for speaker, tokens in according_to(ctx.doc, lex):
        m = mention(speaker_tokens(speaker.root))
        if m is None or not tokens:
            continue
        start, end = _finish_span(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), ctx.quotes)
        if end > start and not overlaps_direct(start, end):
            out.append(ctx.found(start, end, "reported", "according to", m, para.start + speaker.start_char))
            named.append(Sighting(para.start + speaker.start_char, m))
    return out, named


#: A sentence's end that a pronoun shows: ". He", ". They" (an abbreviation's period does not end one).
_NEXT_SENTENCE = re.compile(r"\.\s+(?:He|She|They|It|We|I)\b")


def _finish_span(text: str, start: int, end: int, quotes: list[Quotation]) -> tuple[int, int]:
    """Tidy a reported message: skip a leading dateline, finish a quotation it opened."""
    start, end = strip_span(text, start, end)
    start += dateline_end(text[start:end])
    # the parser sometimes runs on past a sentence's end after an abbreviation ("… 5 p.m. He said …")
    if (run_on := _NEXT_SENTENCE.search(text, start, end)) is not None:
        end = run_on.start() + 1
    for q in quotes:
        if start <= q.start - 1 < end < q.end:
            end = min(len(text), q.end + 1)
    glosses = lexicon().glosses
    for q in quotes:
        # "vowed that Veldonia “will rebuild,” referring to …": after a quotation that ends the speaker's
        # words, a participle of the editable gloss list is the writer's, not the speaker's
        if not (start <= q.start - 1 and q.end < end):
            continue
        gloss = _PARTICIPLE.match(text, q.end + 1, end)
        if (gloss is not None and gloss.group(1) in glosses) or _WRITERS_TURN.match(text, q.end + 1, end):
            end = q.end + 1
    return strip_span(text, start, end, " \t\n\u00a0,;:.")


#: The participle right after a closed quotation (", referring to …").
_PARTICIPLE = re.compile(r"\s*,?\s*([a-z]+ing)\b")
#: The writer's turn after a closed quotation: a concession (", although she did not name a suspect") or a
#: gloss of the word quoted (", a term used for collaborators").
_WRITERS_TURN = re.compile(r"\s*,\s*(?:though|although|but|while)\b|\s*,?\s*(?:a|an|the)\s+"
                           r"(?:term|word|phrase|reference|label|slur|nickname|euphemism)\b")


#: A credit closing a quotation's paragraph: "“…” (Via Wirenews)", one source, no list.
_CREDIT = re.compile(r"\s*\(\s*via\s+(?:the\s+)?([^(),;]+?)\s*\)\s*$", re.IGNORECASE)


def _credit_after(text: str, quote: Quotation) -> Mention | None:
    """The source a paragraph credits a quotation to in brackets after it ("“…” (Via Wirenews)"), where no
    verb of saying attributes it: the words are the credited source's, not the previous speaker's going on.
    A name, decided against the corpus's names in resolution (the recogniser reads "Via X" as a person)."""
    found = _CREDIT.match(text, quote.end + 1)
    if found is None or not found.group(1)[:1].isupper():
        return None
    return Mention(found.group(1), "name", found.group(1))


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
    if words[-1].tag_ == "VBZ" and len(words) <= HEADLINE_WORDS:
        return None  # "Ana Ruiz speaks": a sub-heading in the present tense, not a cut-off report
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
        titles = title_words()
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
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "direct" and prev.close_lost and f.kind == "direct" \
                and f.paragraph == prev.paragraph + 1:
            nxt = by_number[f.paragraph]
            if starts_with_opening(nxt.text) and f.start - nxt.start <= 2:
                mention_, position, cue = (prev.mention, prev.position, prev.cue) if prev.mention is not None \
                    else (f.mention, f.position, f.cue)
                out[-1] = Found(prev.doc_id, prev.paragraph, prev.start, f.end, "direct", cue, mention_, position,
                                f.close_lost)
                continue
        out.append(f)
    return out

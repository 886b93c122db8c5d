"""Plain sentences for the Claims chapter, written from the computed numbers only.

Every name in these sentences comes from the tables (speakers, frames, outlets);
nothing about a particular corpus is typed here.
"""

from __future__ import annotations

import pandas as pd

from briefbook.language.attribution import NO_SPEAKER

#: How many of a speaker's statements must carry a frame before the summary says they "most often" use it.
MOST_OFTEN_AT_LEAST = 2


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _most_common(values: pd.Series) -> tuple[str, int]:
    """The commonest value and how often it occurs."""
    counts = values.value_counts()
    return counts.index[0], int(counts.iloc[0])


def summary_sentences(statements: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """A few sentences: how many statements, who speaks most, direct vs reported, frames, single-outlet claims."""
    if statements.empty:
        return ["No statements were found in the articles."]
    n = len(statements)
    direct = int((statements["kind"] == "direct").sum())
    unattributed = statements["speaker"].isin(NO_SPEAKER)
    named = statements[~unattributed]
    sentences = [
        f"The articles contain {_plural(n, 'statement')}, {len(named)} of them attributed to "
        f"{_plural(named['speaker'].nunique(), 'speaker')}; {_share(direct, n)} are direct quotations "
        f"and the rest reported speech."
    ]
    if unattributed.any():
        sentences.append(f"{_plural(int(unattributed.sum()), 'statement')} could not be attributed to a speaker "
                         f"the report can name; they are listed as unattributed, not charted as a speaker.")
    by_speaker = named["speaker"].value_counts()
    if by_speaker.empty:
        return sentences
    top = by_speaker.index[0]
    sentences.append(f"{top} is quoted most often ({_plural(int(by_speaker.iloc[0]), 'statement')}, "
                     f"{_share(int(by_speaker.iloc[0]), n)} of all).")
    if len(by_speaker) > 1:
        second = by_speaker.index[1]
        sentences.append(f"{second} follows with {_plural(int(by_speaker.iloc[1]), 'statement')}.")
    frames = statements["frames"].fillna("").str.split(";").explode()
    frames = frames[frames != ""]
    if not frames.empty:
        counts = frames.value_counts()
        sentences.append(f"The most frequent frame is “{counts.index[0]}”, carried by "
                         f"{_plural(int(counts.iloc[0]), 'statement')}.")
        speaker_frame = statements.assign(frame=statements["frames"].fillna("").str.split(";")).explode("frame")
        speaker_frame = speaker_frame[speaker_frame["frame"] != ""]
        top_by = speaker_frame.groupby("speaker")["frame"].agg(_most_common)
        for speaker in by_speaker.index[:2]:
            # "most often" of one statement in eight would make a frame of a single remark
            if speaker in top_by.index and top_by[speaker][1] >= MOST_OFTEN_AT_LEAST:
                frame, count = top_by[speaker]
                sentences.append(f"{speaker}'s statements most often use the “{frame}” frame ({count} of "
                                 f"{int(by_speaker[speaker])}).")
    if not claims.empty:
        total = len(claims)
        multi = claims[claims["n_outlets"] > 1]
        single = total - len(multi)  # the two parts make the whole; reprints are told apart below
        sentences.append(f"The statements make {_plural(total, 'distinct claim')}; {_plural(len(multi), 'claim')} "
                         f"{'is' if len(multi) == 1 else 'are'} carried by more than one outlet and {single} "
                         f"{'rests' if single == 1 else 'rest'} on a single outlet.")
        reprinted = multi[multi["n_origins"] < multi["n_outlets"]] if "n_origins" in multi else multi.iloc[0:0]
        if len(reprinted):
            sentences.append(f"Of these, {_plural(len(reprinted), 'claim')} {'rests' if len(reprinted) == 1 else 'rest'} "
                             "on fewer independent origins than outlets: the outlets reprint one another's text "
                             "(see Sources).")
        if not multi.empty:
            widest = multi.iloc[0]
            sentences.append(f"The most widely carried claim, by {widest['speaker']}, appears in "
                             f"{_plural(int(widest['n_outlets']), 'outlet')}.")
    return sentences

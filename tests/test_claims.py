"""Unit tests of the claims analysis on small made-up articles, plus the accuracy thresholds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from briefbook.claims import (GROUPING_METHOD, GROUPING_THRESHOLD, claims_table, extract_statements, frame_counts,
                              summary_sentences, wordings)
from briefbook.claims import charts
from briefbook.evaluation import evaluate_corpus
from briefbook.claims.frames import assign_frames
from briefbook.claims.grouping import _initial_similarities, _weights, average_linkage_matrix, group_claims, similarity
from briefbook.claims.quotes import find_quotations
from briefbook.language.names import abbreviations, same_person
from briefbook.corpus import load_corpus
from briefbook.language.reading import CorpusReading
from briefbook.nlp import parse_corpus
from conftest import ANNOTATIONS, CORPORA, SEEDS


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


# ------------------------------------------------------------------ quotation marks

def test_quote_styles_and_apostrophes():
    assert quoted('He said: “We will stay.” Others said "no way" and «jamais».') == ["We will stay.", "no way", "jamais"]
    assert quoted("The union’s chief called it 'a disgrace' on Monday.") == ["a disgrace"]
    assert quoted("It's the workers' day, the mayor's office said.") == []


def test_lost_opening_mark_is_flagged():
    text = "She spoke to reporters. The water came too fast.” Rescuers arrived later."
    (q,) = find_quotations(text)
    assert q.open_lost and text[q.end - 1] == "."


def test_opening_mark_typed_as_closing_closes_the_quote():
    (q,) = find_quotations("He added: “It was a mistake. “")
    assert not q.close_lost


# ------------------------------------------------------------------ helpers

def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def extract(folder: Path) -> pd.DataFrame:
    corpus = load_corpus(folder)
    return extract_statements(CorpusReading(corpus, parse_corpus(corpus)))


def documents(folder: Path) -> pd.DataFrame:
    corpus = load_corpus(folder)
    return pd.DataFrame([{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file,
                          "published": d.published} for d in corpus.documents])


FLOOD_A = """River floods swamp northern town

LINDEN, May 4 (Valley Wire) - Floodwaters forced hundreds of families from their homes on Saturday.

"The water rose faster than anyone expected," said Mayor Clara Jensen. "We need boats, not promises."

Interior Minister Tomas Berg said the army would send 200 soldiers by Sunday. According to the regional police, three people were missing.

Clara Jensen later told reporters that the town had warned the ministry about the dam for years. She called the response "too little, too late".

The minister added that an inquiry would examine the dam.
"""

FLOOD_B = """Linden flood: army sent in

Riverside Post

The mayor of the flooded town, Klara Jensén, accused the government of ignoring warnings about the dam.

“We need boats, not promises,” she told the Riverside Post.

Berg, the interior minister, promised that 200 soldiers would arrive by Sunday.
"""


@pytest.fixture(scope="module")
def flood(tmp_path_factory) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = write(tmp_path_factory.mktemp("flood"), {"a.txt": FLOOD_A, "b.txt": FLOOD_B})
    return extract(folder), documents(folder)


def row(statements: pd.DataFrame, fragment: str) -> pd.Series:
    hits = statements[statements["text"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, f"{fragment!r}: {list(statements['text'])}"
    return hits.iloc[0]


# ------------------------------------------------------------------ statements and speakers

def test_direct_quotes_with_attribution_after_and_continuation(flood):
    statements, _ = flood
    first = row(statements, "The water rose faster")
    assert first["kind"] == "direct" and first["speaker"] == "Clara Jensen" and first["cue"] == "said"
    second = row(statements[statements["doc_id"] == first["doc_id"]], "We need boats")
    assert second["speaker"] == "Clara Jensen"  # the second sentence continues the same speaker


def test_reported_speech_content_excludes_that_and_cue(flood):
    statements, _ = flood
    army = row(statements, "the army would send 200 soldiers")
    assert army["kind"] == "reported" and army["text"] == "the army would send 200 soldiers by Sunday"
    assert army["speaker"] == "Tomas Berg"


def test_according_to_and_organisation_speaker(flood):
    statements, _ = flood
    missing = row(statements, "three people were missing")
    assert missing["cue"] == "according to" and "police" in missing["speaker"]


def test_pronoun_and_role_resolution(flood):
    statements, _ = flood
    called = row(statements, "too little")
    assert called["speaker"] == "Clara Jensen"  # "She" -> the most recent female-compatible speaker
    inquiry = row(statements, "an inquiry would examine the dam")
    assert inquiry["speaker"] == "Tomas Berg"  # "The minister" -> the person introduced as "Interior Minister"


def test_name_variants_merge_across_outlets(flood):
    statements, _ = flood
    other = statements[statements["speaker_text"].str.contains("she", case=False)
                       & statements["text"].str.contains("boats")]
    assert set(other["speaker"]) == {"Clara Jensen"}
    assert same_person("Klara Jensén", "Clara Jensen") and not same_person("Clara Jensen", "Clara Berg")
    assert row(statements, "200 soldiers would arrive")["speaker"] == "Tomas Berg"


def test_offsets_point_into_the_seed_text(flood, tmp_path):
    statements, _ = flood
    for _, r in statements.iterrows():
        text = FLOOD_A if r["text"] in FLOOD_A else FLOOD_B
        assert r["text"] in text
        assert r["anchor"] == f"{r['doc_id']}-p{r['paragraph']}"


def test_abbreviation_defined_in_text_joins_long_name():
    assert abbreviations("the National Union of Miners (NUM) said")["NUM"] == "National Union of Miners"


def test_headline_attribution_and_dangling_verb(tmp_path):
    text = ("Mayor: the dam was never repaired\n\nLINDEN (Valley Wire) - The town is under water.\n\n"
            "Mayor Clara Jensen thanked\n\nthe volunteers for their help and said the water was falling.\n")
    statements = extract(write(tmp_path / "h", {"x.txt": text}))
    headline = row(statements, "the dam was never repaired")
    assert headline["cue"] == ":" and headline["paragraph"] == 1
    thanks = row(statements, "the volunteers for their help")
    assert thanks["cue"] == "thanked" and thanks["speaker"] == "Clara Jensen"
    assert row(statements, "the water was falling")["speaker"] == "Clara Jensen"


def test_role_named_before_its_holder_goes_to_the_person_named_later(tmp_path):
    text = ("Dockers shut the port\n\nThe strike entered its third day as the dockers' leader vowed to keep the "
            "port closed.\n\n\"We will not move,\" union chief Ana Ruiz told a rally outside the gates.\n\n"
            "Mayor Tom Hale said the city would lose money.\n")
    statements = extract(write(tmp_path / "r", {"x.txt": text}))
    assert row(statements, "to keep the port closed")["speaker"] == "Ana Ruiz"
    # a role no later person fits stays a description
    other = ("Port shut\n\nThe port spokesman said ships were waiting.\n\nMayor Tom Hale said the city would "
             "lose money.\n")
    assert row(extract(write(tmp_path / "s", {"x.txt": other})), "ships were waiting")["speaker"] != "Tom Hale"


def test_agency_style_titles_of_a_place_and_the_head_of_state(tmp_path):
    """ "President of Norland: …", "the President of Norland Ivo Brandt stated", "the head of state said"."""
    text = ("President of Norland: talks with Suvia have failed\n\n"
            "VELA, May 2 /NORPRESS/. The President of Norland Ivo Brandt stated that talks with Suvia have failed.\n\n"
            "Speaking at the cabinet, the head of state said: «We will defend our fields.»\n\n"
            "«The door stays open,» the President of Norland added.\n")
    statements = extract(write(tmp_path / "a", {"x.txt": text}))
    assert set(statements["speaker"]) == {"Ivo Brandt"}
    assert len(statements) == 4
    # a leader word goes to a top office-holder, not to any titled person
    other = ("Budget row\n\nFinance Minister Ada Kern said the budget was balanced.\n\n"
             "The head of state said the budget was a disgrace.\n")
    assert row(extract(write(tmp_path / "b", {"x.txt": other})), "a disgrace")["speaker"] != "Ada Kern"


def test_a_clear_pronoun_in_one_article_decides_gender_in_another(tmp_path):
    """Outlet 1 says "she" right after Dr Lena Roos's words; outlet 2's "he" after her must go to the man."""
    first = ("Doctors strike\n\nDr Lena Roos said wards were safe. \"No patient will be turned away,\" she said.\n")
    second = ("Hospitals shut\n\nUnion leader Piet Vos told the rally that 900 nurses had walked out.\n\n"
              "Dr Lena Roos, who chairs the doctors' association, pointed out that wards were safe.\n\n"
              "Speaking later, he added that the strike would go on.\n")
    statements = extract(write(tmp_path / "g", {"1.txt": first, "2.txt": second}))
    assert row(statements, "the strike would go on")["speaker"] == "Piet Vos"


def test_a_name_taken_for_an_organisation_is_a_person_when_a_pronoun_follows(tmp_path):
    text = ("Canal dry\n\nIn Tesh, cotton grower Baran Oskay said his canal had been dry for days. "
            "\"There will be no harvest,\" he said.\n\nThe Interior Ministry said it was investigating.\n")
    statements = extract(write(tmp_path / "o", {"x.txt": text}))
    assert row(statements, "There will be no harvest")["speaker"] == row(statements, "had been dry")["speaker"]


def test_possessive_organisations_and_short_references_to_them(tmp_path):
    """ "Norland's foreign ministry" is the Foreign Ministry of Norland; "the ministry" and, in another outlet,
    "the hospitals trust" refer back to organisations named in full."""
    first = ("Row deepens\n\nThe Foreign Ministry of Norland said the patrol had crossed the border.\n\n"
             "The Vela Public Hospitals Trust said 40 operations were postponed.\n")
    second = ("Shots fired\n\nNorland's foreign ministry called the shooting a provocation. According to the "
              "ministry, the river has fallen by half.\n\nAccording to the hospitals trust, 40 operations were "
              "called off.\n")
    statements = extract(write(tmp_path / "p", {"1.txt": first, "2.txt": second}))
    ministry = {row(statements, f)["speaker"] for f in ("had crossed the border", "a provocation", "fallen by half")}
    assert ministry == {"Foreign Ministry of Norland"}
    assert row(statements, "were called off")["speaker"] == "Vela Public Hospitals Trust"
    # a short reference with no organisation of that name stays what it says
    alone = extract(write(tmp_path / "q", {"x.txt": "Flood\n\nAccording to the trust, 40 homes were lost.\n"}))
    assert row(alone, "homes were lost")["speaker"] == "trust"


def test_multi_paragraph_quotation_is_one_statement(tmp_path):
    text = ("Strike talks stall\n\nAna Ruiz, the union leader, said on Monday that talks had stalled.\n\n"
            "\"We are ready to talk,\" she said. \"But the offer is an insult.\n\n"
            "\"Nobody can live on that wage.\"\n")
    statements = extract(write(tmp_path / "c", {"x.txt": text}))
    joined = row(statements, "But the offer is an insult")
    assert "Nobody can live on that wage" in joined["text"] and joined["speaker"] == "Ana Ruiz"


# ------------------------------------------------------------------ frames, claims, tables

def test_frames_record_their_triggers():
    found = assign_frames("Armed militants tried to seize power, but order has been restored.")
    assert found["terrorism"] == ["militants"] and "coup attempt" in found and "order restored" in found
    assert assign_frames("The weather was fine.") == {}


def test_frame_prefilter_hits_exactly_where_one_of_its_patterns_does():
    """Each frame's alternation is only a shortcut: it must agree with its patterns on every text."""
    import yaml

    from briefbook.claims.frames import frames

    texts = [item["text"] for name in ("seeds", "claims")
             for item in yaml.safe_load((ANNOTATIONS / name / "statements.yaml").read_text(encoding="utf-8"))]
    texts += ["TERRORISTS struck", "a coup-attempt", "an attempted   coup", "restored order", "",
              "counterterrorism units", "the coup.", "(putsch)", "coups,overthrown"]
    hits = 0
    for frame in frames():
        for text in texts:
            expected = any(p.search(text) for p in frame.patterns)
            assert bool(frame.any.search(text)) == expected, (frame.key, text)
            hits += expected
    assert hits > len(texts) / 2  # the texts do exercise the frames


def test_grouping_joins_paraphrases_of_one_speaker_only():
    from collections import Counter
    bags = [Counter({"boats": 1, "promis": 1}), Counter({"boats": 1, "promis": 1, "need": 1}),
            Counter({"boats": 1, "promis": 1}), Counter({"soldie": 1, "sunday": 1})]
    claims = group_claims(["st-b", "st-a", "st-c", "st-d"], ["X", "X", "Y", "X"], bags)
    assert claims["st-a"] == claims["st-b"] == "cl-a"  # id from the smallest member
    assert claims["st-c"] != claims["st-a"] and claims["st-d"] not in (claims["st-a"], claims["st-c"])
    assert 0 < GROUPING_THRESHOLD < 1 and str(GROUPING_THRESHOLD) in GROUPING_METHOD


def _linkage_by_pair_search(sim: list[list[float]], threshold: float) -> set[frozenset[int]]:
    """Reference: average linkage searching every cluster pair after each merge (the slow original).

    Ties go to the smallest first cluster, then the smallest second one;
    clusters are named by their first row.
    """
    n = len(sim)
    clusters = {i: [i] for i in range(n)}
    pair = {(i, j): sim[i][j] for i in range(n) for j in range(i + 1, n)}
    while len(clusters) > 1:
        (a, b), best = max(pair.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        if best < threshold - 1e-9:
            break
        na, nb = len(clusters[a]), len(clusters[b])
        clusters[a] += clusters.pop(b)
        for c in clusters:
            if c != a:
                sac, sbc = pair.pop((min(a, c), max(a, c))), pair.pop((min(b, c), max(b, c)))
                pair[(min(a, c), max(a, c))] = (na * sac + nb * sbc) / (na + nb)
        del pair[(a, b)]
    return {frozenset(c) for c in clusters.values()}


def _linkage_by_definition(sim: list[list[float]], threshold: float) -> set[frozenset[int]]:
    """Reference: average linkage straight from its definition, the mean similarity over all member pairs."""
    clusters = [[i] for i in range(len(sim))]
    while len(clusters) > 1:
        scored = [(sum(sim[i][j] for i in x for j in y) / (len(x) * len(y)), k, m)
                  for k, x in enumerate(clusters) for m, y in enumerate(clusters) if k < m]
        best, k, m = max(scored)
        if best < threshold - 1e-9:
            break
        clusters[k] += clusters.pop(m)
    return {frozenset(c) for c in clusters}


def _random_similarities(rng, n: int, levels: int | None) -> list[list[float]]:
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            sim[i][j] = sim[j][i] = rng.randrange(levels + 1) / levels if levels else rng.random()
    return sim


def test_fast_average_linkage_matches_the_pair_search_it_replaces_including_ties():
    import random

    import numpy as np
    rng = random.Random(7)
    merged_somewhere = tied_somewhere = False
    for trial in range(300):
        n = rng.randrange(1, 30)
        sim = _random_similarities(rng, n, levels=rng.choice([2, 4, 8]))  # few levels: many exact ties
        threshold = rng.choice([0.0, 0.25, 0.5, 0.75])
        want = _linkage_by_pair_search(sim, threshold)
        got = {frozenset(c) for c in average_linkage_matrix(np.array(sim), threshold)}
        assert got == want, (trial, n, threshold)
        merged_somewhere |= any(len(c) > 1 for c in want)
        flat = [sim[i][j] for i in range(n) for j in range(i + 1, n)]
        tied_somewhere |= len(flat) != len(set(flat))
    assert merged_somewhere and tied_somewhere  # the trials did exercise merges and ties


def test_fast_average_linkage_is_average_linkage_by_definition():
    import random

    import numpy as np
    rng = random.Random(11)
    for trial in range(150):
        n = rng.randrange(2, 18)
        sim = _random_similarities(rng, n, levels=None)  # continuous: no ties, rounding aside
        threshold = rng.choice([0.3, 0.5, 0.6])
        got = {frozenset(c) for c in average_linkage_matrix(np.array(sim), threshold)}
        assert got == _linkage_by_definition(sim, threshold), (trial, n, threshold)


def test_similarity_matrix_is_bit_for_bit_the_pairwise_similarity():
    import random
    from collections import Counter
    rng = random.Random(3)
    words = [f"w{k}" for k in range(12)] + ["4000", "140"]
    bags = [Counter(rng.sample(words, rng.randrange(0, 6))) for _ in range(40)]
    vectors = _weights(bags)
    members = sorted(rng.sample(range(40), 25))
    sim = _initial_similarities(members, vectors)
    for p, i in enumerate(members):
        for q, j in enumerate(members):
            if p < q:
                assert sim[p, q] == sim[q, p] == similarity(vectors[i], vectors[j])


def test_a_shared_figure_outweighs_a_shared_word():
    from collections import Counter
    # one speaker: each pair shares one of two items; a figure is rarer evidence of chance than a word
    bags = [Counter({"4000": 1, "worker": 1, "joined": 1}), Counter({"4000": 1, "member": 1, "stoppa": 1}),
            Counter({"worker": 1, "angry": 1, "tired": 1}), Counter({"port": 1, "closed": 1, "monday": 1})]
    vectors = _weights(bags)
    assert similarity(vectors[0], vectors[1]) > similarity(vectors[0], vectors[2])


def test_claims_table_wordings_and_counts(flood):
    statements, docs = flood
    claims = claims_table(statements, docs)
    boats = statements[statements["text"].str.contains("boats")]
    assert boats["claim_id"].nunique() == 1  # same speaker, same words, two outlets
    line = claims[claims["claim_id"] == boats["claim_id"].iloc[0]].iloc[0]
    assert line["n_outlets"] == 2 and not line["single_outlet"]
    assert set(wordings(statements, docs, line["claim_id"])["doc_id"]) == set(boats["doc_id"])
    counts = frame_counts(statements, docs)
    assert list(counts.columns) == ["frame", "speaker", "outlet", "count"] and counts["count"].min() >= 1
    sentences = summary_sentences(statements, claims)
    assert str(len(statements)) in sentences[0] and any("Clara Jensen" in s for s in sentences)
    for chart in (charts.frames_heatmap(counts), charts.claims_by_outlets(claims),
                  charts.statements_by_speaker(statements)):
        assert chart.to_dict()["encoding"]["tooltip"]


def test_a_claim_keeps_a_verb_whose_stance_its_words_alone_would_lose(tmp_path):
    """"Ruiz denied any collusion with the general": the claim is a denial, not "any collusion"."""
    folder = write(tmp_path / "deny", {"d.txt": "Port row\n\nMayor Ana Ruiz denied any collusion with the "
                                                "harbour board. Ruiz said the port would reopen on Monday.\n"})
    statements, docs = extract(folder), documents(folder)
    wording = set(claims_table(statements, docs)["wording"])
    assert "denied any collusion with the harbour board" in wording
    assert any(w.startswith("the port would reopen") for w in wording)  # "said" adds nothing: left off


def test_the_claims_summary_adds_up_and_says_most_often_only_of_more_than_one_remark():
    statements = pd.DataFrame({
        "speaker": ["Ana Ruiz"] * 4 + ["Li Wei"] * 2, "kind": ["reported"] * 6,
        "frames": ["", "", "", "casualties", "order restored", "order restored"],
    })
    # a claim in two outlets that reprint one wire story is in more than one outlet, on one origin
    claims = pd.DataFrame({"claim_id": ["cl-a", "cl-b", "cl-c"], "speaker": ["Ana Ruiz", "Li Wei", "Ana Ruiz"],
                           "n_outlets": [2, 2, 1], "n_origins": [1, 2, 1], "single_outlet": [True, False, True]})
    sentences = summary_sentences(statements, claims)
    assert "The statements make 3 distinct claims; 2 claims are carried by more than one outlet and 1 rests on a " \
           "single outlet." in sentences
    assert "Li Wei's statements most often use the “order restored” frame (2 of 2)." in sentences
    assert not any(s.startswith("Ana Ruiz's statements most often") for s in sentences)  # one remark in four


def test_verb_forms_know_a_cue_without_the_parser():
    from briefbook.language.speech import keeps_its_verb, verb_forms

    assert {"denies", "denied", "denying"} <= verb_forms("deny")
    assert {"praised", "praising"} <= verb_forms("praise") and "slammed" in verb_forms("slam")
    assert "agreeing" in verb_forms("agree") and "dismisses" in verb_forms("dismiss")
    assert keeps_its_verb("Denied") and keeps_its_verb("urged") and not keeps_its_verb("said")


def test_article_without_statements_gives_empty_views(tmp_path):
    folder = write(tmp_path / "quiet", {"q.txt": "A quiet day\n\nNothing happened in the town. The weather was fine.\n"})
    statements, docs = extract(folder), documents(folder)
    assert statements.empty and "claim_id" in statements.columns
    claims = claims_table(statements, docs)
    assert claims.empty and summary_sentences(statements, claims) == ["No statements were found in the articles."]
    charts.frames_heatmap(frame_counts(statements, docs)).to_dict()
    charts.claims_by_outlets(claims).to_dict()


def test_statement_ids_are_stable_when_an_article_is_added(tmp_path):
    one = extract(write(tmp_path / "one", {"a.txt": FLOOD_A}))
    two = extract(write(tmp_path / "two", {"a.txt": FLOOD_A, "b.txt": FLOOD_B}))
    shared = two[two["doc_id"].isin(one["doc_id"])]
    assert list(shared["statement_id"]) == list(one["statement_id"])
    assert list(one.sort_values(["doc_id", "start"])["statement_id"]) == list(one["statement_id"])


# ------------------------------------------------------------------ accuracy against hand annotations

def _metrics(folder: Path, annotations: Path) -> dict[str, object]:
    return {m.measure: m for m in evaluate_corpus("claims", folder, annotations, folder.name)}


def test_statements_accuracy_on_seeds():
    metrics = _metrics(SEEDS, ANNOTATIONS / "seeds" / "statements.yaml")
    assert metrics["content"].f1 >= 0.90
    assert metrics["content+speaker"].f1 >= 0.90


def test_statements_accuracy_on_own_articles():
    metrics = _metrics(CORPORA / "claims", ANNOTATIONS / "claims" / "statements.yaml")
    assert metrics["content+speaker"].f1 >= 0.80


def test_statements_on_the_blind_held_out_articles():
    """Articles written and annotated before the method ever ran on them (a floor, not a tuned target)."""
    metrics = _metrics(CORPORA / "claims_heldout", ANNOTATIONS / "claims_heldout" / "statements.yaml")
    assert metrics["content"].f1 >= 0.90
    assert metrics["content+speaker"].f1 >= 0.70


def test_annotator_agreement_is_pairwise_f1_of_one_labelling_against_the_other(tmp_path):
    from briefbook.claims.evaluate import AGREEMENT, SECOND_ANNOTATOR, annotator_agreement

    first = tmp_path / "statements.yaml"
    rows = [("a.txt", "one", "X"), ("a.txt", "two", "X"), ("b.txt", "three", "X"), ("b.txt", "four", "Y")]
    first.write_text("".join(f"- {{file: {f}, text: {t}, claim: {c}}}\n" for f, t, c in rows), encoding="utf-8")
    assert annotator_agreement(first, "c") is None  # no second annotator, no row
    second = tmp_path / SECOND_ANNOTATOR
    other = ["P", "P", "Q", "Q"]  # keeps one of the first's three pairs and adds one
    second.write_text("".join(f"- {{file: {f}, text: {t}, claim: {o}}}\n" for (f, t, _), o in zip(rows, other)),
                      encoding="utf-8")
    metric = annotator_agreement(first, "c")
    assert metric.measure == AGREEMENT and metric.support == 4
    assert (metric.precision, metric.recall) == (0.5, 1 / 3)
    second.write_text("- {file: b.txt, text: three, claim: P}\n- {file: b.txt, text: four, claim: P}\n",
                      encoding="utf-8")  # article a.txt came after the second pass: left out
    metric = annotator_agreement(first, "c")
    assert metric.support == 2 and (metric.precision, metric.recall) == (0.0, 1.0)  # b has no gold pair
    second.write_text("- {file: a.txt, text: one, claim: P}\n", encoding="utf-8")  # half of a.txt
    with pytest.raises(ValueError, match="same statements"):
        annotator_agreement(first, "c")


GROUPING_SHORT = ("claim grouping puts precision first (a false corroboration is worse than a missed one): "
                  "pairwise precision 0.95 on the seeds and 1.00 on the ten other-event articles, recall 0.21 and "
                  "0.38, F1 0.35 / 0.55; paraphrases that share no content word, or are reported a week apart, "
                  "are not joined; two annotators agree only at 0.84 / 0.68 (see the Methods chapter)")


@pytest.mark.xfail(strict=True, reason=GROUPING_SHORT)
def test_claim_grouping_accuracy_on_seeds():
    assert _metrics(SEEDS, ANNOTATIONS / "seeds" / "statements.yaml")["claim grouping (pairwise)"].f1 >= 0.85


@pytest.mark.xfail(strict=True, reason=GROUPING_SHORT)
def test_claim_grouping_accuracy_on_own_articles():
    metrics = _metrics(CORPORA / "claims", ANNOTATIONS / "claims" / "statements.yaml")
    assert metrics["claim grouping (pairwise)"].f1 >= 0.80


# ------------------------------------------------------------------ grouping: precision first

def _grouped(tmp_path, files: dict[str, str]) -> pd.DataFrame:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    from briefbook.pipeline import extract as run
    return run(load_corpus(tmp_path)).tables["statements"]


def test_remarks_a_month_apart_are_two_claims_however_alike(tmp_path):
    statements = _grouped(tmp_path, {
        "a.txt": "Talks on the dam\nPublished: March 2, 2023\n\nMinister Ana Ruiz said the dam would never be built.\n",
        "b.txt": "Dam row goes on\nPublished: April 6, 2023\n\nMinister Ana Ruiz said the dam would never be built.\n",
    })
    assert len(statements) == 2 and statements["claim_id"].nunique() == 2


def test_the_same_words_reported_in_the_same_week_are_one_claim(tmp_path):
    statements = _grouped(tmp_path, {
        "a.txt": "Talks on the dam\nPublished: March 2, 2023\n\nMinister Ana Ruiz said the dam would never be built.\n",
        "b.txt": "Dam row goes on\nPublished: March 3, 2023\n\nMinister Ana Ruiz said the dam would never be built.\n",
    })
    assert len(statements) == 2 and statements["claim_id"].nunique() == 1


def test_two_tolls_with_different_figures_are_two_claims_and_no_speaker_groups_nothing(tmp_path):
    from briefbook.claims.grouping import group_claims

    bags = [Counter({"toll": 1, "612": 1, "kill": 1}), Counter({"toll": 1, "655": 1, "kill": 1}),
            Counter({"toll": 1, "kill": 1, "pilgrim": 1}), Counter({"toll": 1, "kill": 1, "pilgrim": 1})]
    claims = group_claims(["st-1", "st-2", "st-3", "st-4"], ["Agency", "Agency", "unattributed", "unattributed"],
                          bags, no_speaker=frozenset({"unattributed"}))
    assert claims["st-1"] != claims["st-2"]
    assert claims["st-3"] != claims["st-4"]


def test_unattributed_statements_are_counted_but_never_a_speaker():
    from briefbook.claims import summary_sentences
    from briefbook.claims.charts import statements_by_speaker

    statements = pd.DataFrame({
        "speaker": ["Ana Ruiz", "Ana Ruiz", "unattributed"], "kind": ["direct", "reported", "reported"],
        "frames": ["", "", ""], "claim_id": ["cl-1", "cl-2", "cl-3"],
    })
    text = " ".join(summary_sentences(statements, pd.DataFrame()))
    assert "2 of them attributed to 1 speaker" in text and "1 statement could not be attributed" in text
    charted = {row["speaker"] for row in statements_by_speaker(statements).to_dict()["datasets"].values().__iter__().__next__()}
    assert charted == {"Ana Ruiz"}


def test_a_fragment_joins_a_claim_only_where_it_says_nearly_what_the_claim_says():
    from briefbook.claims.grouping import group_claims

    full = Counter({"bridge": 1, "repair": 1, "cost": 1, "heavy": 1, "month": 1, "closed": 1})
    fragment = Counter({"heavy": 1, "cost": 1})                     # 'a "heavy cost"'
    paraphrase = Counter({"bridge": 1, "repair": 1, "cost": 1, "heavy": 1, "month": 1, "shut": 1})
    claims = group_claims(["st-1", "st-2", "st-3"], ["Mayor", "Mayor", "Mayor"], [full, fragment, paraphrase])
    assert claims["st-1"] == claims["st-3"] and claims["st-2"] != claims["st-1"]
    same = group_claims(["st-4", "st-5"], ["Mayor", "Mayor"], [fragment, Counter({"heavy": 1, "cost": 1, "toll": 1})])
    assert same["st-4"] == same["st-5"]                             # nearly the same words: one claim

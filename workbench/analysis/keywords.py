"""Keywords as evidence: words matched by their stem, weighted by how rare they are across the banks.

Text and keywords are cut into words ("real-time", "ci/cd" and "can't" stay one word each) and
each word loses its plain endings ("retrained" and "retraining" both become "retrain",
"versions" and "versioning" "vers"), with British and American spellings made one ("prioritize",
"behavior" and "labeled" meet "prioritise", "behaviour" and "labelled": analysis/spelling.py), so a keyword
matches however the client inflected it, and "time" never matches "real-time". A keyword of
several words matches when all its words, filler words ("by", "of", "the": FILLER_WORDS) left
out, occur in one clause of the text (between . ; : ? ! or a line break), in any order: "manual
deployment" meets "Deployment is manual and takes weeks", "cost by team" meets "what each team's
models cost".
Two keywords with the same stems ("retrain", "retraining") are one keyword.

A keyword that appears in many bank items says little about which practice fits a gap; one
that appears in few says a lot. The weight is an inverse document frequency over every question
and practice text, scaled to 0–1: weight = ln((N + 1) / (df + 1)) / ln(N + 1), where N is the
number of texts and df the number that contain the keyword.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from workbench.analysis.spelling import one_spelling
from workbench.model.catalogue import Catalogue

WORD = re.compile(r"[a-z0-9%]+(?:[-/.'][a-z0-9%]+)*")
INFLECTIONS = ("ing", "ed", "es", "s")
DERIVATIONS = ("ion", "ment")
SPELLINGS = {"cannot": "can't", "hold-out": "holdout", "hand-over": "handover"}


def _strip(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is", "as")):
                continue
            return word[: -len(ending)]
    return word


@functools.cache
def stem(word: str) -> str:
    """A word without its plain endings: "deployments" → "deploy", "hallucinates" → "hallucinat"."""
    word = one_spelling(SPELLINGS.get(word, word))
    word = word.removesuffix("'s") if len(word) > 4 else word  # "team's" is "team"; "it's" stays
    word = _strip(_strip(word, INFLECTIONS), DERIVATIONS)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


DOMAIN_WORDS = frozenset(
    """
    a/b airflow autogluon automl bake-off calibration canary champion/challenger chargeback
    chatbot ci/cd cross-validation dagster data-quality dpia drift dspy dvc embeddings evals evidently
    explainability fairlearn fairness fallback feast featuretools finops flaml flink gdpr genai
    guardrails hallucination hand-off handoff handover hipaa holdout hyperparameter hyperparameters
    idempotent imbalanced
    jailbreak kubeflow lakefs langfuse leakage lineage litellm llm llm-as-judge look-ahead
    kafka ml-bom mlflow mtls on-call onnx openai optuna orchestration overfitting oversampling owasp
    pickle
    pii point-in-time poisoning precision-recall promptfoo propensity psi quantisation rag ragas
    re-platforming reproducibility reproducible retrain retraining roi rollback runbook safetensors
    second-line shap showback skew slo smote tco tecton tensorrt token tokens uplift vllm
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""Single words that point to a practice on their own: MLOps terms, not everyday words. Any other
single-word keyword ("latency", "gpu", "labels") only adds weight to a practice that a phrase or
one of these words already matched."""

CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|\n")


FILLER_WORDS = frozenset(
    """
    a an the and or of to in on at for from by with is are was were be been being it its this that
    these those as into than then so but about our we us you your they their them
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""Words that only join others: a phrase matches without them ("cost by team" meets "what each
team's models cost"). Negations ("no owner") and question words ("what is in production") stay."""


@functools.cache
def stems(phrase: str) -> frozenset[str]:
    """The word stems of a keyword or a clause, without its filler words when two or more words
    are left ("garbage in" keeps its "in")."""
    words = [w for w in WORD.findall(phrase.lower().replace("’", "'"))]
    content = frozenset(stem(w) for w in words if w not in FILLER_WORDS)
    return content if len(content) >= 2 else frozenset(stem(w) for w in words)


DOMAIN_STEMS = frozenset(stem(word) for word in DOMAIN_WORDS)


Stemmed = tuple[frozenset[str], ...]
"""A text as the word stems of each of its clauses."""


def stemmed(text: str) -> Stemmed:
    """The text's clauses, each as the set of its word stems."""
    clauses = (stems(clause) for clause in CLAUSE_END.split(text))
    return tuple(clause for clause in clauses if clause)


def occurs(words: frozenset[str], text: Stemmed) -> bool:
    """Whether every word occurs in one clause of the text."""
    return bool(words) and any(words <= clause for clause in text)


def vocabulary(text: Stemmed) -> frozenset[str]:
    """Every word stem of a stemmed text, whichever clause it is in."""
    return frozenset().union(*text)


def found(keywords: Iterable[str], text: Stemmed, present: frozenset[str] | None = None) -> list[str]:
    """The keywords whose words all occur in one clause of the stemmed text, one per set of stems;
    a keyword whose words are part of another one found ("drift" beside "drift detection") is
    left out. `present` is the text's `vocabulary`, when the caller looks for many keywords in
    one text: a keyword with a word not in it is passed over without looking at the clauses."""
    if present is None:
        present = vocabulary(text)
    hits: dict[frozenset[str], str] = {}
    for keyword in keywords:
        words = stems(keyword)
        if words <= present and words not in hits and occurs(words, text):
            hits[words] = keyword
    return [k for words, k in hits.items() if not any(words < other for other in hits)]


EVERYDAY_PHRASES = (
    "second line", "baseline model", "what changed", "good enough", "other systems", "time spent",
    "first model", "starting points", "exist elsewhere", "time limit", "model size",
    "previous version", "which version", "lead time", "use cases", "business case", "past studies",
    "new labels", "6 months ago", "rare cases", "business owner", "run cost", "value of models",
    "new team members", "late data",
)
"""Keywords of several words that are ordinary English: "Second line" in a note is a line of text,
not the second line of defence, and every metric reads "... model ... (baseline ...)". Like a
single everyday word, they only add weight to a practice that something else anchored."""

EVERYDAY_PHRASE_STEMS = frozenset(stems(phrase) for phrase in EVERYDAY_PHRASES)


def anchored(keywords: Iterable[str]) -> bool:
    """Whether the keywords found can suggest a practice on their own: a phrase of several words
    that is not everyday English (EVERYDAY_PHRASES), or a word of DOMAIN_WORDS, is among them."""
    return any(_anchors(stems(k)) for k in keywords)


def _anchors(words: frozenset[str]) -> bool:
    if len(words) > 1:
        return words not in EVERYDAY_PHRASE_STEMS
    return words <= DOMAIN_STEMS


EVERYDAY_WORDS = """
    a an the and or of to in on at for from by with is are was were be been it its this that these
    those we our us you your they their them no not only how what which who when where do does did
    have has had any each per as into than then so but about all through ml model models data one
    two three there can can't could would should will just also very after before
""".split()  # noqa: SIM905 (a word list reads better as words)
EVERYDAY_STEMS = frozenset(stem(word) for word in EVERYDAY_WORDS)
SAME_PREFIX = 6
"""Two stems this long or longer are one word when one starts with the other ("experiment",
"experimentat")."""


def content_words(text: str) -> frozenset[str]:
    """The stems of a text's words that carry its subject: no everyday words, no numbers."""
    return frozenset(w for w in stems(text) - EVERYDAY_STEMS if not w[0].isdigit())


def shared_words(first: frozenset[str], second: frozenset[str]) -> set[str]:
    """The content words two texts share, a long word also meeting its longer forms."""
    return {a for a in first if any(_same_word(a, b) for b in second)}


def _same_word(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= SAME_PREFIX and (a.startswith(b) or b.startswith(a)))


def bank_texts(catalogue: Catalogue) -> list[Stemmed]:
    """Every question and practice text of the catalogue, stemmed: the idf corpus."""
    texts = [stemmed(q.text) for q in catalogue.questions.values()]
    texts += [stemmed(f"{p.title} {p.summary}") for p in catalogue.practices.values()]
    return texts


class KeywordWeights:
    """Weights (0–1) of every practice keyword in one catalogue, and the word stems of each
    practice's keywords, computed once."""

    def __init__(self, catalogue: Catalogue) -> None:
        texts = bank_texts(catalogue)
        size = len(texts)
        holding: dict[str, set[int]] = {}
        """Per word stem, the texts that have it: only those can hold a keyword with it."""
        for index, text in enumerate(texts):
            for word in vocabulary(text):
                holding.setdefault(word, set()).add(index)
        scale = math.log(size + 1) or 1.0
        self.document_frequency: dict[str, int] = {}
        self.weights: dict[str, float] = {}
        self.practice_words: dict[str, frozenset[str]] = {}
        """Per practice id, every stem of its keywords: a text with none of them finds none."""
        for practice in catalogue.practices.values():
            self.practice_words[practice.id] = frozenset().union(*(stems(k) for k in practice.keywords))
            for keyword in practice.keywords:
                if keyword in self.weights:
                    continue
                words = stems(keyword)
                candidates = set.intersection(*(holding.get(w, set()) for w in words)) if words else set()
                df = sum(1 for index in candidates if occurs(words, texts[index]))
                self.document_frequency[keyword] = df
                self.weights[keyword] = round(math.log((size + 1) / (df + 1)) / scale, 3)

    def weight(self, keyword: str) -> float:
        """How much a keyword counts (1.0 for one found nowhere else in the banks)."""
        return self.weights.get(keyword, 1.0)


_WEIGHTS: dict[int, tuple[Catalogue, KeywordWeights]] = {}


def keyword_weights(catalogue: Catalogue) -> KeywordWeights:
    """The catalogue's keyword weights, computed on first use and kept while it lives."""
    cached = _WEIGHTS.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, KeywordWeights(catalogue))
        if len(_WEIGHTS) > 8:
            _WEIGHTS.clear()
        _WEIGHTS[id(catalogue)] = cached
    return cached[1]

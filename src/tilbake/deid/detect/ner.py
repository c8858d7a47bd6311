"""The statistical NER model as a detector (PERSON, ORG, LOCATION).

The model is tilbake's own spaCy pipeline, shipped in ``tilbake/models/nb_tilbake_ner``. Loading takes
a while, so it is explicit: build a ``NerDetector``, call ``load()`` once per process, then detect.

Speed comes from the *gate*: the CNN costs ~40 µs per token here, far too much to read whole notes
at 1,000 notes/s. Names, organisations and places are capitalised words that are not common words,
or (in messy notes) words known as names or places. So the detector finds such *trigger* words with a
regex, skips those inside spans the rule recognizers already found (``explained``, passed by the
engine), runs the model only on short windows around the rest (two words either side: the model's
receptive field), batched over all windows of all texts, and maps the entities back. Notes written
mostly in lower case are read whole; ``gated=False`` reads every text whole. Headings, field labels
and abbreviations of the never-a-name list (``ner_filter``) wake no model, and model PERSON spans
made of them are dropped or trimmed. See docs/ner.md.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from tilbake.deid.detect.ner_blas import one_thread, use_numpy_blas
from tilbake.deid.detect.ner_context import consistent
from tilbake.deid.detect.ner_filter import (
    counting,
    cue_words,
    lower_tail,
    never_compound,
    never_with_slips,
    person_span,
)
from tilbake.deid.lang_nb import places_lower
from tilbake.deid.lang_nb.letters import without_surrogates
from tilbake.deid.spans import Label, Range, Span
from tilbake.errors import ModelError

MODEL_NAME = "nb_tilbake_ner"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
LEXICON_FILE = "tilbake_gate.json"
MODEL_LABELS = {"PERSON": Label.PERSON, "ORG": Label.ORG, "LOCATION": Label.LOCATION}

# spaCy's transition parser gives no calibrated probability; one fixed score marks model spans.
MODEL_SCORE = 0.85

CUE_REACH = 8  # words read after a cue ("Yrke/arbeidssted: sjåfør hos Hansen & Co AS")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*")
_NORWEGIAN = frozenset("abcdefghijklmnopqrstuvwxyzæøåéèê-'’.")  # lower-case letters of bokmål words
_SENTENCE_END = frozenset(".!?:;\n•*-–")
_OPENERS = frozenset(" \t\"«'(")
# a national service before a hospital or clinic's own name ("BUP St. Olavs hospital"); a named local
# office ("NAV Heimdal") has no clinic word after it and stays whole
_SERVICE_FIRST = re.compile(r"(?:BUP|NAV|Nav|AMK|PPT|VOP)[ \t]+")
_CLINIC_WORD = re.compile(r"(?i)sykehus|sjukehus|hospital|klinikk|legesenter|legekontor|\bHF\b")
# the end of a sentence inside a model entity: a number or a long lower-case word, a full stop and a
# capital ("3,1. Bechterews"); abbreviations ("St. Olavs", "avd. Kampesteinen") are not one
_SENTENCE_CUT = re.compile(r"(?:\d|[a-zæøå]{5})[.!?][ \t]+(?=[A-ZÆØÅ])")


@dataclass(frozen=True, slots=True)
class GateLexicon:
    """Word sets that decide which words wake the model (built by ``tilbake.tooling.ner.gate``)."""

    common: frozenset[str]
    common_exact: frozenset[str]
    names: frozenset[str]
    #: never a name (``ner_filter``): no trigger, and dropped or cut off as a model PERSON
    never: frozenset[str] = frozenset()
    #: never-words that still wake the model: a name or employer follows them ("Rekvirent:")
    cues: frozenset[str] = frozenset()

    @classmethod
    def from_file(cls, path: Path) -> GateLexicon:
        data = json.loads(path.read_text("utf-8"))
        return cls(frozenset(data["common"]), frozenset(data["common_exact"]), frozenset(data["names"]))

    @classmethod
    def empty(cls) -> GateLexicon:
        return cls(frozenset(), frozenset(), frozenset())


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _initial(word: str, text: str, start: int) -> bool:
    end = start + len(word)
    return len(word) == 1 and text[end : end + 2] == ". " and text[end + 2 : end + 3].isalpha()


def _is_trigger(word: str, text: str, start: int, lexicon: GateLexicon) -> bool:
    lower = word.lower()
    if word != lower and lower in lexicon.never:  # a heading, label or abbreviation ("ROM", "Ring")
        if lower in lexicon.cues:  # a field label: its value may be a name
            return True
        # a never-word that is also a name or place ("Time", "Rom") only wakes the model mid-sentence
        return lower in lexicon.names and word.istitle() and not _sentence_initial(text, start)
    # Lower-case never-words keep the rule below: some are parts of organisation names
    # ("jessheim fysioterapi og trening").
    if word == lower:  # messy notes: known names, foreign letters ("wójcik"), initials ("h. bakken")
        if lower in lexicon.names and lower not in lexicon.common:
            return True
        return not _NORWEGIAN.issuperset(lower) or _initial(word, text, start)
    if lower in lexicon.names:
        return True
    if never_compound(lower, lexicon.never):
        return False
    if word in lexicon.common_exact:
        return False
    # Sentence-initial capitals say nothing unless the word is an acronym or not a common word.
    return not (_sentence_initial(text, start) and lower in lexicon.common and not word.isupper())


def _explained_mask(text: str, explained: Sequence[Range]) -> bytearray:
    mask = bytearray(len(text))
    for start, end in explained:
        mask[start:end] = b"\x01" * (min(end, len(text)) - start)
    return mask


def _few_capitals(text: str) -> bool:
    """Fewer capital letters than one in a hundred characters; stops counting once there are enough
    (most texts start with one)."""
    needed = -(-len(text) // 100)  # capitals * 100 < len(text)  <=>  capitals < ceil(len(text) / 100)
    capitals = (c for c in text if c.isupper())
    return next(islice(capitals, needed - 1, None), None) is None


def windows(
    text: str, lexicon: GateLexicon, context: int, explained: Sequence[Range] = ()
) -> list[tuple[int, int]]:
    """Character ranges of ``text`` worth reading: ``context`` words either side of each trigger word.

    Words inside ``explained`` ranges (what the rule recognizers already found) are no triggers: the
    model is there for what the rules cannot explain. A text with hardly any capital letters (a
    lower-cased note) is one window: the gate could not tell names from words there.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return []
    if _few_capitals(text):
        return [(0, len(text))]
    mask = _explained_mask(text, explained) if explained else None
    ranges: list[tuple[int, int]] = []
    last = len(words) - 1
    for i, (start, end) in enumerate(words):
        if mask is not None and mask[start] and mask[end - 1]:
            continue
        if end < len(text) and text[end].isdigit():  # a code or a vertebra ("L4", "Th12"), no name
            continue
        if not _is_trigger(text[start:end], text, start, lexicon):
            continue
        lo, hi = words[max(0, i - context)][0], words[min(last, i + context)][1]
        if text[start:end].lower() in lexicon.cues:  # a field's value runs to the end of its line
            line_end = text.find("\n", end)
            hi = max(hi, min(words[min(last, i + CUE_REACH)][1], len(text) if line_end < 0 else line_end))
        if ranges and lo <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        else:
            ranges.append((lo, hi))
    return ranges


class NerDetector:
    """Detector backed by the shipped spaCy model; call ``load()`` once before detecting."""

    name = "ner"

    def __init__(
        self,
        model_dir: Path | str | None = None,
        *,
        gated: bool = True,
        context: int = 2,
        batch_size: int = 512,
        document: bool = True,
        numpy_blas: bool = True,
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        self.gated = gated
        self.context = context
        self.batch_size = batch_size
        #: make each text's entities consistent after reading it (``ner_context``): one name, one reading
        self.document = document
        #: multiply on numpy's OpenBLAS (one thread) rather than BLIS, where it can (``ner_blas``)
        self.numpy_blas = numpy_blas
        self._nlp: Any = None
        #: the model's package version and a hash of its weights, known once loaded
        self.version = "not loaded"
        self._tagger = False  # the model predicts BIO tags (tagger) rather than entities (ner)
        #: characters given / characters the model read (how much the gate saved; counts only)
        self.chars_seen = 0
        self.chars_read = 0
        self._lexicon = GateLexicon.empty()
        #: model output per window string read lately: the same window gives the same entities, and
        #: windows repeat (the export's leak gate reads a text again; boilerplate recurs). Bounded.
        self._memo: dict[str, list[tuple[int, int, str]]] = {}
        self.memo_hits = 0
        #: one reading at a time: the web server detects in several threads (a page's sample while an
        #: export runs), and a memory zone closing in one thread frees strings another is still using
        self._reading = threading.Lock()
        #: strings the loaded pipeline has read since it was loaded (see RENEW_AFTER)
        self._read_since_load = 0
        self.renewals = 0
        #: blank-separated pieces of the windows met twice, made permanent in spaCy's vocabulary and
        #: tokenizer cache (``_settle``); pieces met once so far (both bounded)
        self._settled: set[str] = set()
        self._met: set[str] = set()

    def forget(self) -> None:
        """Empty the window memo (benchmarks time the model reading, not the memo answering)."""
        self._memo.clear()

    def __repr__(self) -> str:
        state = "loaded" if self._nlp is not None else "not loaded"
        return f"NerDetector(model_dir={str(self.model_dir)!r}, gated={self.gated}, {state})"

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> NerDetector:
        """Load the model (a few hundred ms); raises ModelError if it is missing or unreadable."""
        if not (self.model_dir / "config.cfg").is_file():
            raise ModelError(
                f"NER model not found at {self.model_dir}: expected a spaCy pipeline directory with "
                "config.cfg (reinstall tilbake, or train one with `tilbake ner train`)"
            )
        self._renew()
        self._tagger = "ner" not in self._nlp.pipe_names and "tagger" in self._nlp.pipe_names
        self.version = model_version(self.model_dir)
        lexicon_path = self.model_dir / LEXICON_FILE
        if not lexicon_path.is_file():
            self.gated = False  # without the lexicon every capitalised word would wake the model anyway
            return self
        lexicon = GateLexicon.from_file(lexicon_path)
        # Place names from the gazetteer wake the model in lower case too ("jobber i gjøvik").
        names = lexicon.names | places_lower()
        never = never_with_slips(names)
        self._lexicon = GateLexicon(lexicon.common, lexicon.common_exact, names, never, cue_words())
        return self

    def _renew(self) -> None:
        """Load the pipeline afresh: nothing read yet, nothing settled (a new vocabulary holds none)."""
        self._nlp = self._pipeline()
        self._read_since_load = 0
        self._settled.clear()
        self._met.clear()

    def _pipeline(self) -> Any:
        try:
            import spacy

            nlp = spacy.load(self.model_dir, exclude=["parser", "lemmatizer"])
        except (OSError, ValueError, KeyError) as exc:
            problem = type(exc).__name__
            raise ModelError(f"NER model at {self.model_dir} could not be loaded ({problem})") from exc
        self.numpy_blas = self.numpy_blas and use_numpy_blas(nlp)
        return nlp

    def detect(self, text: str) -> list[Span]:
        return next(self.detect_many([text]))

    def detect_many(
        self, texts: Iterable[str], explained: Iterable[Sequence[Range]] | None = None
    ) -> Iterator[list[Span]]:
        """Spans per text, in order; texts are read in chunks so that the model sees big batches.

        ``explained`` (optional, one list per text) holds ranges other detectors already found; words
        inside them do not wake the model (see ``windows``). The engine passes its rule spans here.
        """
        if self._nlp is None:
            raise ModelError("NER model not loaded: call NerDetector.load() once before detecting")
        hints = iter(explained) if explained is not None else None
        chunk: list[tuple[str, Sequence[Range]]] = []
        for text in texts:
            chunk.append((text, next(hints) if hints is not None else ()))
            if len(chunk) >= self.batch_size:
                yield from self._detect_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._detect_chunk(chunk)

    def _detect_chunk(self, chunk: Sequence[tuple[str, Sequence[Range]]]) -> Iterator[list[Span]]:
        pieces: list[tuple[int, int]] = []  # (text index, offset of the piece in its text)
        strings: list[str] = []
        for index, (text, known) in enumerate(chunk):
            ranges = windows(text, self._lexicon, self.context, known) if self.gated else [(0, len(text))]
            self.chars_seen += len(text)
            for lo, hi in ranges:
                if hi > lo:
                    pieces.append((index, lo))
                    strings.append(text[lo:hi])
                    self.chars_read += hi - lo
        found: list[list[Span]] = [[] for _ in chunk]
        for (index, offset), string, ents in zip(pieces, strings, self._entities(strings), strict=True):
            for start, end, name in ents:
                label = MODEL_LABELS.get(name)
                if label is None:
                    continue
                kept = self._keep(string[start:end], label, string[end : end + 24])
                if kept is not None:
                    lo, hi = offset + start + kept[0], offset + start + kept[1]
                    found[index].append(Span(lo, hi, label, MODEL_SCORE, self.name))
        if self.document:
            found = [self._consistent(text, spans) for (text, _), spans in zip(chunk, found, strict=True)]
        return iter(found)

    def _consistent(self, text: str, spans: list[Span]) -> list[Span]:
        """One reading per name in the text (``ner_context``); new mentions pass the span filter."""
        if not spans:
            return spans

        def keep(start: int, end: int) -> bool:
            return self._keep(text[start:end], Label.PERSON, text[end : end + 24]) == (0, end - start)

        lex = self._lexicon
        return consistent(text, spans, lex.common, lex.never, f"{self.name}:context", keep, lex.names)

    MEMO_SIZE = 50_000
    #: the pipeline is loaded afresh after reading this many strings (about 200,000 notes' windows,
    #: a load of under a second per few minutes of reading). The memory zone frees the strings and
    #: lexemes of each reading, but not the slots of spaCy's hash tables (preshed) that held them:
    #: a freed slot is marked deleted, still counts as filled, and each table doubles when "full"
    #: of them, ~30 MB more per million distinct words read (names, numbers, dates of a corpus).
    RENEW_AFTER = 200_000
    #: at most this many pieces are settled; pieces met once are forgotten beyond MET_SIZE
    SETTLED_SIZE = 30_000
    MET_SIZE = 100_000

    def _entities(self, strings: list[str]) -> list[list[tuple[int, int, str]]]:
        """The model's raw entities per string; only strings not in the memo are read."""
        with self._reading:
            return self._read(strings)

    def _read(self, strings: list[str]) -> list[list[tuple[int, int, str]]]:
        memo = self._memo
        todo = list(dict.fromkeys(s for s in strings if s not in memo))
        self.memo_hits += len(strings) - len(todo)
        if not todo:
            return [memo[s] for s in strings]
        entities = _tagged_entities if self._tagger else _parsed_entities
        # the strings and lexemes spaCy adds for the windows' new words are freed when the zone closes:
        # without it the vocabulary grows with every name and number a long run meets
        # spaCy cannot hash a lone surrogate (from a broken JSON escape): a stand-in, offsets kept
        clean = [without_surrogates(s) for s in todo]
        with self._nlp.memory_zone(), one_thread():
            docs = self._nlp.pipe(clean, batch_size=self.batch_size)
            new = {string: list(entities(doc)) for string, doc in zip(todo, docs, strict=True)}
        self._settle(clean)
        self._read_since_load += len(todo)
        if self._read_since_load >= self.RENEW_AFTER:  # (the same weights: the same answers)
            self._renew()
            self.renewals += 1
            gc.collect()  # the old pipeline's cycles: its memory is reused by what comes next
        # answer before the memo is cleared: strings found in it a moment ago must not be lost
        found = [new[s] if s in new else memo[s] for s in strings]
        if len(memo) + len(new) > self.MEMO_SIZE:
            memo.clear()
        if len(new) <= self.MEMO_SIZE:
            memo.update(new)
        return found

    def _settle(self, strings: list[str]) -> None:
        """Tokenize, outside any memory zone, the pieces of ``strings`` met before (here or earlier).

        Inside a zone spaCy makes a passing lexeme (its attributes computed in Python) and tokenizes
        afresh every piece it has not kept for good, in every zone again; the context words of the
        windows recur from note to note. Settled pieces are tokenized and looked up as if read outside
        a zone: the same tokens and attributes, so the same entities (tests), and memory stays bounded
        (SETTLED_SIZE pieces at most, where reading without zones keeps every piece ever met)."""
        settled, met = self._settled, self._met
        room = self.SETTLED_SIZE - len(settled)
        if room <= 0:
            return
        again: list[str] = []
        for string in strings:
            for piece in string.split():
                if piece in settled:
                    continue
                if piece in met:
                    again.append(piece)
                else:
                    met.add(piece)
        if len(met) > self.MET_SIZE:
            met.clear()
        tokenizer = self._nlp.tokenizer
        for piece in dict.fromkeys(again[:room]):
            tokenizer(piece)
            settled.add(piece)
            met.discard(piece)

    def _keep(self, entity: str, label: Label, after: str) -> tuple[int, int] | None:
        """Offsets of the part of a model entity to keep (None: drop it); see ``ner_filter``.
        ``after``: the text that follows the entity. An entity that runs across the end of a
        sentence ("BASDAI 3,1. Bechterews") keeps its last sentence's part only (issue 13)."""
        cut = _SENTENCE_CUT.search(entity)
        if cut is not None:
            rest = self._keep(entity[cut.end():], label, after)
            return None if rest is None else (rest[0] + cut.end(), rest[1] + cut.end())
        if not plausible(entity, label, self._lexicon):
            return None
        if label != Label.PERSON:
            head = _SERVICE_FIRST.match(entity)
            if head is not None and _CLINIC_WORD.search(entity, head.end()):
                return head.end(), len(entity)  # "BUP Sørlandet sykehus": the service stays outside
            return 0, len(entity)
        kept = person_span(entity, self._lexicon.common, self._lexicon.names, self._lexicon.never)
        if kept is None:
            return None
        lo, hi = kept  # counted after cutting headings off: "ANAMNESE Dag to etter skaden"
        hi = lo + lower_tail(entity[lo:hi])
        return None if counting(entity[lo:hi], entity[hi:] + after, self._lexicon.common) else (lo, hi)


WEIGHTS = ("tok2vec/model", "ner/model", "tagger/model")  # the files that hold trained weights


def model_version(model_dir: Path) -> str:
    """``name version+sha256:<12 hex>``: the package's own version from ``meta.json`` and a hash of
    the weight files, so two trainings with the same version number are still told apart."""
    meta = json.loads((model_dir / "meta.json").read_text("utf-8"))
    digest = hashlib.sha256()
    for name in WEIGHTS:
        path = model_dir / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return f"{meta['lang']}_{meta['name']} {meta['version']}+sha256:{digest.hexdigest()[:12]}"


_LETTERS = re.compile(r"[^\W\d_]{2}")


def plausible(entity: str, label: Label, lexicon: GateLexicon) -> bool:
    """Whether a model entity can be PHI: two letters in a row (not "M54.5", "u."), no digit in a
    person's name, and, for a person or place, not one common word alone ("Status" heading a line)
    unless it is also a known name. Organisations keep common words ("Høyre", "Posten")."""
    if not _LETTERS.search(entity):
        return False
    if label == Label.PERSON and any(c.isdigit() for c in entity):  # "Diagnosekode L84/M79.1."
        return False
    if label == Label.ORG or " " in entity or "\n" in entity:
        return True
    if entity.isupper() and entity in lexicon.common_exact:  # acronyms never seen as entities ("ROM")
        return False
    lower = entity.lower()
    return lower not in lexicon.common or lower in lexicon.names


def _parsed_entities(doc: Any) -> Iterator[tuple[int, int, str]]:
    for ent in doc.ents:
        yield ent.start_char, ent.end_char, ent.label_


def _tagged_entities(doc: Any) -> Iterator[tuple[int, int, str]]:
    """Decode BIO token tags into character spans; an ``I-`` tag without its ``B-`` opens a span."""
    start = end = -1
    label = ""
    for token in doc:
        prefix, _, kind = token.tag_.partition("-")
        if label and prefix == "I" and kind == label:
            end = token.idx + len(token.text)
            continue
        if label:
            yield start, end, label
            label = ""
        if prefix in ("B", "I") and kind:
            start, end, label = token.idx, token.idx + len(token.text), kind
    if label:
        yield start, end, label


def load_detector(model_dir: Path | str | None = None, *, gated: bool = True) -> NerDetector:
    """The shipped model as a loaded detector (what ``Deidentifier.default(model=True)`` registers).

    Raises ModelError when no model is found at ``model_dir`` (default: the one in the package).
    """
    return NerDetector(model_dir, gated=gated).load()

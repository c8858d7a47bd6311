"""The pipeline: anonymize in batches, build rows, quarantine what still leaks, count everything."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from tilbake.export import manifest
from tilbake.export.anonymize import Anonymized, CallableAnonymizer
from tilbake.export.bundle import BundleWriter
from tilbake.export.leakscan import LeakScanner
from tilbake.export.pipeline import ExportPipeline

FNR = re.compile(r"\b\d{11}\b")


def _fake_deid(text: str) -> str:
    # Knows names and fødselsnummer, misses phone numbers: the gate must catch those.
    return FNR.sub("[FNUMMER]", text.replace("Ola Nordmann", "[NAVN]"))


def _rec(i, decision, original="Øvelser.", correction=None, complaint="Vondt i ryggen", **kw):
    return {
        "id": i,
        "suggestion_type": "soap_plan",
        "correction_type": decision,
        "original_suggestion": original,
        "user_correction": correction,
        "confidence_score": 0.7,
        "created_at": "2026-02-03T10:00:00",
        "context_data": {
            "chief_complaint": complaint,
            "patient_age": 47,
            "diagnosis_codes": ["L03"],
            "patient_name": "Ola Nordmann",
        },
        "encounter_id": "enc-9",
        "session_id": "s-1",
        **kw,
    }


class _Counting(CallableAnonymizer):
    calls: list[int]

    def anonymize_many(self, texts):
        self.calls.append(len(texts))
        return super().anonymize_many(texts)


def _run(records, tmp_path, batch_size=2):
    anonymizer = _Counting(_fake_deid)
    anonymizer.calls = []
    pipe = ExportPipeline(anonymizer, LeakScanner(), batch_size=batch_size)
    with BundleWriter(tmp_path, "p") as w:
        out = pipe.run(records, w)
        body = manifest.build(
            out.tally,
            rows=w.rows,
            duplicates=w.duplicates,
            versions={},
            mode="tags",
            consent={},
            export_id="p",
        )
        path = w.finish(body, manifest.readme(body))
    with zipfile.ZipFile(path) as zf:
        files = {n.split("/", 1)[1]: zf.read(n).decode() for n in zf.namelist()}
    return out, files, anonymizer.calls


def test_anonymizes_quarantines_and_counts(tmp_path):
    records = [
        _rec(1, "accepted_as_is", "Ola Nordmann har vondt."),
        _rec(2, "minor_edit", "Øvelser.", "Øvelser, fnr 01018012345."),
        _rec(3, "rejected", "Ring 91234567.", "Ingen oppfølging."),  # phone survives: quarantined
        _rec(4, "ignored"),
        _rec(5, "major_edit", "<|im_start|>assistant Øvelser", "Øvelser og råd."),  # templated twice
        _rec(6, "accepted_as_is", complaint="Kontakt ola@example.no"),  # leak in the context
        _rec(7, None),
    ]
    out, files, calls = _run(records, tmp_path)
    assert out.exported_ids == [1, 2]
    assert out.quarantined == [
        (3, ("PHONE", "independent:DIGITS")), (5, ("chat_template_token",)), (6, ("EMAIL",))]
    m = json.loads(files["manifest.json"])
    assert m["counts"]["quarantined_by_reason"] == {
        "EMAIL": 1, "PHONE": 1, "chat_template_token": 1, "independent:DIGITS": 1}
    assert m["counts"]["skipped"] == {"ignored": 1, "no_decision": 1}
    assert m["counts"]["per_type_and_decision"] == {"soap_plan": {"accepted_as_is": 1, "minor_edit": 1}}
    assert m["period"] == {"from": "2026-02", "to": "2026-02"}
    everything = "".join(files[f] for f in ("sft.jsonl", "dpo.jsonl", "kto.jsonl"))
    for secret in ("Ola Nordmann", "01018012345", "91234567", "ola@example.no", "enc-9", "s-1", "im_start"):
        assert secret not in everything
    assert "[NAVN] har vondt." in everything and "[FNUMMER]" in everything
    assert "40-49 år" in everything and "L03" in everything
    # one anonymizer call per batch, with each distinct non-empty text once (short texts are memoized)
    assert calls == [4, 2, 3]


def test_kto_labels_counted_after_dedup(tmp_path):
    records = [_rec(i, "minor_edit", "Samme forslag.", "Samme rettelse.") for i in range(5)]
    out, files, _ = _run(records, tmp_path, batch_size=3)
    m = json.loads(files["manifest.json"])
    assert out.exported_ids == [0, 1, 2, 3, 4]
    assert m["counts"]["rows"] == {"sft": 1, "dpo": 1, "kto": 2}
    assert m["counts"]["duplicates_removed"] == {"sft": 4, "dpo": 4, "kto": 8}
    assert (m["kto"]["desirable"], m["kto"]["undesirable"]) == (1, 1)


def test_replaced_ranges_shield_surrogates_from_the_gate(tmp_path):
    class Surrogates:
        mode, versions, engine = "surrogates", {"detector": "fake"}, None

        def anonymize_many(self, texts):
            out = []
            for t in texts:
                new = t.replace("98765432", "41234567")  # a keyed surrogate phone number
                start = new.find("41234567")
                out.append(Anonymized(new, ((start, start + 8),) if start >= 0 else ()))
            return out

    with BundleWriter(tmp_path, "s") as w:
        out = ExportPipeline(Surrogates(), LeakScanner()).run([_rec(1, "accepted_as_is", "Tlf 98765432.")], w)
    assert out.exported_ids == [1] and out.quarantined == []


@pytest.mark.parametrize("bad_context", [None, "tekst", ["L03"], {"patient_age": "førti"}])
def test_odd_context_data_never_breaks_an_export(tmp_path, bad_context):
    rec = _rec(1, "accepted_as_is")
    rec["context_data"] = bad_context
    out, files, _ = _run([rec], tmp_path)
    assert out.exported_ids == [1]
    assert json.loads(files["sft.jsonl"])["metadata"]["age_range"] is None


def _cleaner():
    from tilbake.export.pipeline import Cleaner

    return Cleaner(CallableAnonymizer(_fake_deid), LeakScanner())


def test_worker_processes_give_the_same_bundle(tmp_path):
    records = [
        _rec(
            i,
            ("accepted_as_is", "minor_edit", "rejected")[i % 3],
            f"Forslag {i} for Ola Nordmann.",
            f"Rettet {i}, tlf 9123456{i % 10}." if i % 4 else f"Rettet {i}.",
        )
        for i in range(60)
    ]
    outs = []
    for workers in (0, 2):
        pipe = ExportPipeline(
            CallableAnonymizer(_fake_deid),
            LeakScanner(),
            batch_size=7,
            workers=workers,
            cleaner_factory=_cleaner,
        )
        with BundleWriter(tmp_path, f"w{workers}") as w:
            out = pipe.run(records, w)
            outs.append((out.exported_ids, out.quarantined, dict(w.rows), w.file_digests()))
    assert outs[0] == outs[1]
    assert outs[0][1] and outs[0][0]  # both paths quarantined some and exported some


def test_cleaner_skips_the_second_engine_pass_only_for_unchanged_text_of_the_same_engine():
    from tilbake.export.pipeline import Cleaner

    class Engine:
        name, version = "fake", "fake 1"

        def __init__(self):
            self.calls = []

        def detect_many(self, texts, explained=None):
            self.calls.append(list(texts))
            for _ in texts:
                yield []

    class Anon(CallableAnonymizer):
        engine = None

    engine = Engine()
    anon = Anon(_fake_deid)
    anon.engine = engine
    Cleaner(anon, LeakScanner(engine))(["Ola Nordmann kom.", "Ingen navn her."])
    assert engine.calls == [["[NAVN] kom."]]  # the unchanged text is not scanned by the engine again
    other = Engine()
    Cleaner(anon, LeakScanner(other))(["Ingen navn her."])
    assert other.calls == [["Ingen navn her."]]  # a different engine gives a real second opinion


def test_cleaner_memo_overflow_keeps_answers_consistent():
    from tilbake.export.pipeline import Cleaner

    clean = Cleaner(CallableAnonymizer(_fake_deid), LeakScanner())
    clean.MEMO_SIZE = 3
    for round_ in range(4):  # each round: texts seen before (memo hits) and new ones (the memo overflows)
        numbers = [*range(round_ * 3, round_ * 3 + 6), round_ * 3]
        got = [a.text for a, _ in clean([f"Ola Nordmann {i}" for i in numbers])]
        assert got == [f"[NAVN] {i}" for i in numbers], round_


class _BlindEngine:
    """An engine that finds only "Ola Nordmann": what it misses, it misses in both of its passes."""

    name, version = "blind", "blind 1"

    def detect_many(self, texts, explained=None):
        from tilbake.deid.spans import Label, Span

        for text in texts:
            i = text.find("Ola Nordmann")
            yield [Span(i, i + 12, Label.PERSON, 0.99, "blind")] if i >= 0 else []


class _EngineAnonymizer(CallableAnonymizer):
    def anonymize_many(self, texts):
        out = []
        for text in texts:
            i = text.find("Ola Nordmann")
            out.append(Anonymized(text) if i < 0 else Anonymized(text.replace("Ola Nordmann", "[NAVN]"),
                                                                 ((i, i + 6),)))
        return out


@pytest.mark.parametrize(
    ("correction", "reason"),
    [
        ("Ola Nordmann kom med datteren Ingeborg.", "independent:NAME_LIST"),
        ("Innkalt til kontroll 14.02.2025.", "independent:DATE"),
        ("Saksnummer 2093118 i arkivet.", "independent:DIGITS"),
        ("Bor på Tynset med mannen.", "independent:PLACE_LIST"),
    ],
)
def test_a_row_the_engine_misses_is_quarantined_by_the_independent_check(tmp_path, correction, reason):
    engine = _BlindEngine()
    anonymizer = _EngineAnonymizer(lambda t: t, engine=engine)
    pipe = ExportPipeline(anonymizer, LeakScanner(engine, threshold=0.85), batch_size=4)
    records = [_rec(1, "minor_edit", "Øvelser.", correction),
               _rec(2, "minor_edit", "Øvelser.", "Ola Nordmann har det bra.")]
    with BundleWriter(tmp_path, "q") as w:
        out = pipe.run(records, w)
        body = manifest.build(out.tally, rows=w.rows, duplicates=w.duplicates, versions={}, mode="tags",
                              consent={}, export_id="q")
    assert out.exported_ids == [2]
    assert out.quarantined == [(1, (reason,))]
    assert body["counts"]["quarantined_by_reason"] == {reason: 1}
    assert body["counts"]["quarantined_suggestions"] == 1

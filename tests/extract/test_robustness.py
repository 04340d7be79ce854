"""The extractor never fails on text, however odd: it reads what it can and returns."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.graph import triples
from kg.model import Article

# Characters that drive the rules: numerals, counters, level words, punctuation, names.
ALPHABET = [
    *"省市县区委第一二三四五六七八九十轮届巡视察组进驻对向反馈等个名人%、,。;:()“”《》0123456789",
    *"年月日王李张钟昌明党组书记原主动投案问题发现整改率余多",
    "\n",
    " ",
]


# derandomize: the same examples on every run, so that a run fails only when the code changed
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@example("书记钟一", None)  # a title, then a name that ends the text
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=200), st.sampled_from([None, "浙江日报", "新华社"]))
def test_any_text_extracts_without_error(text, publisher):
    article = Article(id="h", text=text or "。", publisher=publisher, date="2021-05-01")
    ex = extract(article)
    for s, _p, _o in triples(ex):
        assert str(s).startswith("https://w3id.org/acsn/id/")
    for entity in ex.entities.values():
        for start, end in entity.spans:
            assert 0 <= start < end <= len(article.text)

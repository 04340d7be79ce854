"""neo4j-admin import files read the way ``neo4j-admin database import full`` documents its headers.

The reader below follows the import tool's rules: one header file per data file, typed
columns (``name:int``, ``name:double``, ``name:string[]``...), ``:LABEL`` and array
values split on the ``--array-delimiter`` of the command, ``:ID`` unique across node
files, and every ``:START_ID``/``:END_ID`` an imported node.
"""

from __future__ import annotations

import csv
import shlex
import struct
from pathlib import Path

from rdflib import RDF, Literal, URIRef

from kg.model import Article
from kg.neo4j_admin import write_neo4j_admin
from kg.pipeline import extract_graph
from kg.terms import ACSN

TEXT = "近日,中共浙江省委第一巡视组进驻中共宁波市委开展常规巡视。巡视组共发现问题83.98个,移交问题线索12件。"


def _convert(kind: str, value: str) -> object:
    if kind.endswith("[]"):
        return [_convert(kind[:-2], v) for v in value.split(DELIMITER)] if value else []
    if kind in ("int", "long"):
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "float":  # what the import tool stores for float: 32 bits
        return struct.unpack("f", struct.pack("f", float(value)))[0]
    if kind == "boolean":
        return value == "true"
    return value


DELIMITER = "\x1f"


def read_import(folder: Path) -> tuple[dict[str, dict[str, object]], list[tuple[str, str, str]]]:
    """Nodes by id (with their ``:LABEL`` list) and relationships, from the files of ``import.sh``."""
    command = shlex.split((folder / "import.sh").read_text(encoding="utf-8").splitlines()[-1])
    delimiter = next(a.split("=", 1)[1] for a in command if a.startswith("--array-delimiter="))
    assert delimiter == "U+001F"
    nodes: dict[str, dict[str, object]] = {}
    rels: list[tuple[str, str, str]] = []
    for arg in command:
        kind, _, files = arg.partition("=")
        if kind not in ("--nodes", "--relationships"):
            continue
        head_name, data_name = files.split(",")
        (header,) = list(csv.reader((folder / head_name).read_text(encoding="utf-8").splitlines()))
        with (folder / data_name).open(encoding="utf-8", newline="") as data:
            for row in csv.reader(data):
                assert len(row) == len(header), (data_name, row)
                record: dict[str, object] = {}
                for column, cell in zip(header, row, strict=True):
                    name, _, typ = column.partition(":")
                    if not name:  # :ID-like special columns
                        record[":" + typ] = cell.split(DELIMITER) if typ == "LABEL" else cell
                    elif typ == "ID":
                        record[":ID"] = cell
                    elif cell != "":
                        record[name] = _convert(typ or "string", cell)
                if kind == "--nodes":
                    assert record[":ID"] not in nodes, f"duplicate id {record[':ID']}"
                    nodes[str(record[":ID"])] = record
                else:
                    rels.append((str(record[":START_ID"]), str(record[":TYPE"]), str(record[":END_ID"])))
    return nodes, rels


def test_labels_split_on_the_array_delimiter_numbers_are_doubles_and_ids_resolve(tmp_path: Path) -> None:
    graph = extract_graph([Article(id="adm1", text=TEXT, publisher="浙江日报", date="2021-03-01")])
    write_neo4j_admin(graph, tmp_path)
    nodes, rels = read_import(tmp_path)

    committees = [n for n in nodes.values() if "PartyCommittee" in n[":LABEL"]]  # type: ignore[operator]
    assert committees and all("Organization" in n[":LABEL"] for n in committees)  # type: ignore[operator]
    assert all(";" not in label for n in nodes.values() for label in n[":LABEL"])  # type: ignore[attr-defined]
    # every typed node of the graph is a node with its class among the labels
    for subject, cls in graph.subject_objects(RDF.type):
        if str(cls).startswith(str(ACSN)) and str(subject) in nodes:
            assert str(cls)[len(str(ACSN)) :] in nodes[str(subject)][":LABEL"]  # type: ignore[operator]

    values = {n["value"] for n in nodes.values() if "value" in n}
    expected = {v.toPython() for v in graph.objects(None, ACSN.value) if isinstance(v, Literal)}
    assert values == {float(v) for v in expected}
    assert 83.98 in values  # 64 bits: a 32-bit float would read back 83.9800033569336

    assert rels
    for start, _type, end in rels:
        assert start in nodes and end in nodes, (start, end)
    assert all(isinstance(URIRef(i), URIRef) for i in nodes)

"""The encoding of a text file: UTF-8 (with or without BOM), UTF-16/32 (BOM), GB18030/GBK or Big5."""

from __future__ import annotations

import unicodedata

from kg.errors import InputError

__all__ = ["decode"]

# Characters common in Chinese news, to tell a right decoding from a wrong one.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风"
    "切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许"
    "步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列"
    "习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派"
    "層們個國為說來對開經現於進過這後問間關發長會書區與時實動體這視巡察組黨"
)


def _score(text: str) -> float:
    cjk = [ch for ch in text[:4000] if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)


# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


_ODD = ("Cc", "Cf", "Cn", "Co", "Cs")


def _plausible(text: str) -> bool:
    """Text, not bytes read in the wrong encoding: few control, format or unassigned characters."""
    sample = text[:4096]
    odd = sum(ch not in "\t\n\r" and unicodedata.category(ch) in _ODD for ch in sample)
    return odd <= len(sample) // 20


def decode(data: bytes, name: str) -> str:
    """Decode the bytes of a text file, detecting UTF-8 (BOM or not), UTF-16/32 (BOM), GB18030/GBK and Big5.

    Raises
    ------
    InputError
        For an empty or binary file, truncated UTF-8, or bytes no supported encoding reads.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # not what the BOM says: judged as bytes below
            if _plausible(text):
                return text
            break
    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError(f"{name}: binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            raise InputError(f"{name}: truncated UTF-8 (incomplete character at byte {exc.start})") from exc
        utf8_error = exc
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), encoding, text))
    if not candidates:
        raise InputError(
            f"{name}: cannot decode (not UTF-8: invalid byte at {utf8_error.start}; not GB18030 or Big5)"
        )
    score, _, text = max(candidates)
    if score < 0.2:
        raise InputError(f"{name}: cannot decode: not UTF-8, and as GB18030/Big5 it is not Chinese text")
    return text

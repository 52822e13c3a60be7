"""Reported speech in one paragraph: who (as a mention), which cue, what content.

Patterns, read from the shape of the sentence with the cue verbs as data:
``"…", X nói`` / ``"…" - X nói`` / ``…, X tiết lộ`` (speaker after the content),
``X nói: "…"`` / ``X nhấn mạnh: …`` / ``X cho biết (rằng) …`` (speaker before),
``Theo X, …`` / ``Theo X: "…"``, and a quotation with no verb of its own right after an
attributed one (same speaker). Dates and fillers may stand between speaker and verb.
Cues inside quotations never count, and a cue inside content already attributed is part
of that content.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Literal

from ..dates import DateMention
from ..text import tone_key
from .mentions import Mention
from .segment import Span, sentence_spans
from .vocab import Token, Vocab, vocab

__all__ = ["Found", "find_statements"]

Kind = Literal["direct", "indirect", "mixed"]


def _keys(*words: str) -> frozenset[str]:
    return frozenset(tone_key(w) for w in words)


_THEO = tone_key("theo")
_NHU = tone_key("như")
_LOI = tone_key("lời")
_QUOTING = _keys("dẫn", "trích")
_DEMONSTRATIVE = _keys("này")
_ABOUT = tone_key("về")
_AGE = tone_key("tuổi")
_HOUR = tone_key("giờ")
_WHILE = (tone_key("trong"), tone_key("khi"))
_AS_FOR = tone_key("còn")
_RELATION = _keys("sau", "trước", "ngay")  # ", chỉ vài giờ sau …": a time frame
_DUOC = tone_key("được")
_RANG = _keys("rằng", "là")
_RANG_ONLY = tone_key("rằng")
_NOUN_MARKERS = _keys(
    "các", "những", "một", "lời", "bản", "cuộc", "việc", "sự", "bài", "mọi", "theo"
)
_AFFILIATION = _keys("của", "thuộc")
_NEGATIONS = _keys("không", "chưa", "chẳng", "đừng")
_DETERMINERS = _keys("vị", "ngài", "nhà", "nữ")
_FRAMES = _keys("tại", "trong", "trên", "khi")  # "X tại cuộc họp báo … nói"
_NATIONALITY = tone_key("người")  # "người Italy": Italian, not Italy speaking
_PREPOSITIONS = _keys(
    "tại", "ở", "của", "với", "từ", "cho", "giữa", "về", "đến", "tới", "trong", "gặp", "lên", "vào"
)
_FRAME_AFTER = _keys("với", "tại", "trong", "trên", "trước")
_TAIL_START = _keys(
    "với",
    "tại",
    "trong",
    "trên",
    "hôm",
    "ngày",
    "khi",
    "sau",
    "qua",
    "thêm",
    "lúc",
    "vào",
    "trước",
    "bên",
    "ở",
    "hồi",
    "sáng",
    "chiều",
    "tối",
    "tuần",
)
_LINKS = _keys("và", "nhưng", "song", "đồng", "thời", "khi", "do", "lý", "lí", "đồng thời")
_SEPARATORS = frozenset({",", "-", "–", "—", ":"})
_MIN_CONTENT_WORDS = 8
_SHORT_QUOTE = 5  # words: a quoted name inside an apposition, not what anyone said
_APPOSITION_REACH = 32  # tokens: "X, người chủ trì cuộc họp … với khoảng 25 nhà lãnh đạo …, nói"
_SPEAKING_KINDS = frozenset({"person", "role", "pronoun", "organization", "unnamed", "place"})


@dataclass(frozen=True, slots=True)
class Found:
    """A statement as found in one paragraph, before its speaker and date are resolved."""

    start: int  # content offsets in the paragraph
    end: int
    kind: Kind
    cue: str
    mention: Mention | None  # None: continues the previous statement's speaker
    sentence: tuple[int, int]
    cue_at: int  # character offset of the cue (or of "Theo")


class _Paragraph:
    def __init__(
        self,
        text: str,
        tokens: list[Token],
        mentions: list[Mention],
        quotes: list[Span],
        dates: list[DateMention],
        v: Vocab,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.mentions = mentions
        self.quotes = quotes
        self.dates = dates
        self.v = v
        self.claimed: list[tuple[int, int]] = []
        self.starts = [t.start for t in tokens]

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes)

    def cue(self, k: int) -> tuple[int, tuple[str, str]] | None:
        """The reporting verb at token ``k``: (tokens it takes, (cue, flag)), or None."""
        return self.v.cues.match(self.tokens, k)

    def strong_cue(self, k: int) -> bool:
        """A reporting verb at ``k`` that reports on its own (not one marked "weak")."""
        found = self.cue(k)
        return found is not None and found[1][1] != "weak"

    def next_comma(self, start: int, last: int) -> int | None:
        """Index of the first comma in tokens[start:last]."""
        return next((k for k in range(start, last) if self.tokens[k].text == ","), None)

    def in_short_quote(self, pos: int) -> bool:
        """Inside a quoted name or phrase of a few words ("“liên minh tự nguyện”"), not a
        quoted statement."""
        return any(
            q.start <= pos < q.end and len(self.text[q.start : q.end].split()) <= _SHORT_QUOTE
            for q in self.quotes
        )

    def in_claimed(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.claimed)

    def in_date(self, token: Token) -> bool:
        return any(d.start <= token.start < d.end for d in self.dates)

    def mention_ending(self, token_end: int) -> Mention | None:
        """The outermost mention whose last token is ``token_end - 1``."""
        found = [m for m in self.mentions if m.last_token == token_end]
        return min(found, key=lambda m: m.first_token) if found else None

    def mention_at(self, token_start: int) -> Mention | None:
        found = [m for m in self.mentions if m.first_token == token_start]
        return max(found, key=lambda m: m.last_token) if found else None

    def skip_back(self, pos: int, floor: int) -> int:
        """From token ``pos`` backwards over dates, time words and apposition marks."""
        punct = 0
        while pos >= floor:
            token = self.tokens[pos]
            if self.in_date(token):
                pos -= 1
                continue
            if token.text == ")" and (opening := self._time_bracket(pos, floor)) is not None:
                pos = opening - 1  # "Zelensky tối 25/3 (giờ Kiev) cho rằng"
                continue
            if token.text in ("-", "–", "—", ",", "(", ")"):
                punct += 1
                if punct > 4:
                    break
                pos -= 1
                continue
            ending = self.mention_ending(pos + 1)
            if ending is not None and ending.kind in _SPEAKING_KINDS and ending.kind != "place":
                break
            affiliation = self._affiliation_start(pos, floor)
            if affiliation is not None:
                pos = affiliation - 1  # "… Zhelezniak của đảng Holos cho biết"
                continue
            step = self.v.time_words.ending_at(self.tokens, pos + 1, floor)
            if step:
                pos -= step
                continue
            if token.key == _AGE and pos - 1 >= floor and self.tokens[pos - 1].text.isdigit():
                pos -= 2  # "Nhà lãnh đạo 79 tuổi dự đoán"
                continue
            passive = self._passive_quote_start(pos, floor)
            if passive is not None:
                pos = passive - 1  # "X được hãng Ukrinform dẫn lời cho biết": X speaks
                continue
            described = self._described_role_end(pos, floor)
            if described is not None:
                pos = described  # "nhà ngoại giao kỳ cựu nói": a role and its epithet
                continue
            break
        return pos

    def _described_role_end(self, pos: int, floor: int) -> int | None:
        """Index of the last token of a role mention that an epithet ("kỳ cựu", "lão
        luyện": ``lexicon/epithets.txt``) follows up to ``pos``."""
        length = self.v.epithets.ending_at(self.tokens, pos + 1, floor)
        if not length:
            return None
        role = self.mention_ending(pos + 1 - length)
        return pos - length if role is not None and role.kind == "role" else None

    def _time_bracket(self, close: int, floor: int) -> int | None:
        """Index of the "(" of a bracket closing at ``close`` that says what time it was
        ("(giờ Kiev)", "(giờ địa phương)", "(25/3)")."""
        for k in range(close - 1, max(floor, close - 6) - 1, -1):
            if self.tokens[k].text == "(":
                inner = self.tokens[k + 1 : close]
                if inner and (inner[0].key == _HOUR or any(self.in_date(t) for t in inner)):
                    return k
                return None
        return None

    def _passive_quote_start(self, pos: int, floor: int) -> int | None:
        """Index of "được" in "được <an agency> dẫn lời / trích lời" ending at ``pos``."""
        if pos - 1 < floor or self.tokens[pos].key != _LOI:
            return None
        if self.tokens[pos - 1].key not in _QUOTING:
            return None
        for k in range(pos - 2, max(floor, pos - 9) - 1, -1):
            if self.tokens[k].key == _DUOC:
                return k
            if not self.tokens[k].is_word:
                return None
        return None

    def _affiliation_start(self, pos: int, floor: int) -> int | None:
        """Index of the word opening an affiliation or a frame that ends at ``pos`` and
        follows a mention: "của đảng Holos", "thuộc Quỹ Carnegie …", "tại cuộc họp báo
        chiều 2/9", "trong cuộc phỏng vấn với CNN"."""
        if not self.tokens[pos].is_word:
            return None
        for k in range(pos - 1, max(floor, pos - 11) - 1, -1):
            token = self.tokens[k]
            if token.key in _AFFILIATION or token.key in _FRAMES:
                named = any(t.capitalised for t in self.tokens[k + 1 : pos + 1])
                before = self.mention_ending(k)
                if k > floor and before is not None and (named or token.key in _FRAMES):
                    return k
                return None
            if token.text in ("(", ")"):
                continue  # "của Tập đoàn RAND (Mỹ)": a bracketed country inside the affiliation
            if not (token.is_word or self.in_date(token)) or self.strong_cue(k):
                return None
        return None

    # -- content ---------------------------------------------------------------------------

    def trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:;-–—"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:…-–—/"):
            end -= 1
        return start, end

    def classify(self, start: int, end: int) -> tuple[int, int, Kind]:
        inside = [q for q in self.quotes if q.start < end and q.end > start]
        if len(inside) == 1 and inside[0].start <= start and inside[0].end >= end - 1:
            inner_start, inner_end = inside[0].inner
            s, e = self.trim(inner_start, min(inner_end, end))
            return s, e, "direct"
        if len(inside) == 1 and inside[0].start <= start + 1 and end <= inside[0].end:
            return start + 1, end, "direct"
        return start, end, ("mixed" if inside else "indirect")


def find_statements(
    text: str,
    tokens: list[Token],
    mentions: list[Mention],
    quotes: list[Span],
    dates: list[DateMention],
    continues_previous: bool,
) -> list[Found]:
    """Statements in one paragraph, in text order. ``continues_previous``: the last sentence
    before this paragraph carried a statement (a quotation that follows continues it)."""
    v = vocab()
    if (
        not quotes
        and ":" not in text
        and not any(t.key in v.cues.starts or t.key == _THEO for t in tokens)
    ):
        return []  # no quotation, no colon, no reporting verb: nobody speaks here
    p = _Paragraph(text, tokens, mentions, quotes, dates, v)
    found: list[Found] = []
    previous_had_statement = continues_previous
    starts = p.starts
    for s, e in sentence_spans(text, quotes):
        first, last = bisect_left(starts, s), bisect_left(starts, e)
        here = _theo(p, first, last, (s, e)) + _cued(p, first, last, (s, e))
        if not here and s == 0 and (answer := _interview_answer(p, first, (s, e))):
            found.append(answer)
            break  # the answer is the paragraph: what it reports others said is the answerer's
        if not here and previous_had_statement and (cont := _continuation(p, s, e)):
            if found:
                # ""A", X nói. "B"": one statement, from A through B, like a split quote
                before = found.pop()
                kind: Kind = "direct" if before.kind == "direct" else "mixed"
                here = [replace(before, end=cont.end, kind=kind)]
            else:
                here = [cont]  # the quotation goes on from the previous paragraph
        found.extend(here)
        previous_had_statement = bool(here)
    found.sort(key=lambda f: f.start)
    return found


def _interview_answer(p: _Paragraph, first: int, sentence: tuple[int, int]) -> Found | None:
    """An interview write-up: a paragraph that opens with the speaker and a colon
    ("Ông Merezhko: Châu Âu phải …") is that speaker's answer, verbatim."""
    mention = p.mention_at(first)
    if mention is None or mention.kind not in ("person", "role", "pronoun"):
        return None
    colon = mention.last_token
    if colon >= len(p.tokens) or p.tokens[colon].text != ":":
        return None
    start, end = p.trim(p.tokens[colon].end, len(p.text))
    if end <= start:
        return None
    start, end, _kind = p.classify(start, end)  # an answer is verbatim, quoted or not
    # the answer runs to the end of the paragraph; it is told with its first sentence
    return Found(start, end, "direct", "", mention, sentence, p.tokens[colon].start)


def _theo(p: _Paragraph, first: int, last: int, sentence: tuple[int, int]) -> list[Found]:
    """``Theo X, …`` at the start of the sentence or of a clause."""
    out: list[Found] = []
    for i in range(first, last):
        token = p.tokens[i]
        as_said = token.key == _NHU and i + 1 < last and p.tokens[i + 1].key == _LOI
        if (
            (token.key != _THEO and not as_said)
            or p.in_quote(token.start)
            or p.in_claimed(token.start)
        ):
            continue
        if i > first and p.tokens[i - 1].text not in (",", ";"):
            continue
        k = i + 1
        if k < last and p.tokens[k].key == _LOI:
            k += 1  # "Theo lời X", "như lời X"
        if k >= last or p.v.not_speakers.match(p.tokens, k):
            continue
        mention = p.mention_at(k)
        if mention is None or mention.kind not in _SPEAKING_KINDS:
            continue
        if mention.kind == "place" and not _metonym(mention):
            continue
        j = mention.last_token
        while j < last and p.in_date(p.tokens[j]):
            j += 1
        j = _past_frame(p, j, last)  # "Theo lời ông X tại cuộc họp báo tối 18.8, …"
        if j >= last or p.tokens[j].text not in (",", ":"):
            continue
        if mention.kind not in ("person", "role", "pronoun") and _person_speaks_at(p, j + 1, last):
            continue  # "Theo Bộ Ngoại giao Mỹ, ông Rubio yêu cầu …": Rubio's words, as told
        start, end = p.trim(p.tokens[j].end, sentence[1])
        if end <= start:
            continue
        start, end, kind = p.classify(start, end)
        p.claimed.append((token.start, sentence[1]))
        out.append(Found(start, end, kind, "theo", mention, sentence, token.start))
    return out


def _past_frame(p: _Paragraph, j: int, last: int) -> int:
    """Past a short frame ("tại cuộc họp báo tối 18.8", "trên Telegram") up to its comma."""
    if j >= last or p.tokens[j].key not in _FRAME_AFTER:
        return j
    for k in range(j + 1, min(last, j + 12)):
        token = p.tokens[k]
        if token.text in (",", ":"):
            return k
        if (
            p.in_quote(token.start)
            or (token.text in (".", ";") and not p.in_date(token))  # not "tối 18.8"
            or p.cue(k)
        ):
            return j
    return j


def _person_speaks_at(p: _Paragraph, k: int, last: int) -> bool:
    """A named person opens the clause at ``k`` and a reporting verb follows close by."""
    mention = p.mention_at(k)
    if mention is None or mention.kind != "person":
        return False
    return any(p.cue(i) for i in range(mention.last_token, min(last, mention.last_token + 4)))


def _metonym(mention: Mention) -> bool:
    place = mention.place
    return place is not None and (place.capital or place.kind == "country")


def _cued(p: _Paragraph, first: int, last: int, sentence: tuple[int, int]) -> list[Found]:
    out: list[Found] = []
    cue_starts = p.v.cues.starts
    i = first
    while i < last:
        token = p.tokens[i]
        cue = p.v.cues.match(p.tokens, i) if token.key in cue_starts else None
        if cue is None or p.in_quote(token.start) or p.in_claimed(token.start):
            i += 1
            continue
        length, (cue_text, flag) = cue
        after = i + length
        if (
            i > first
            and p.tokens[i - 1].key in _NOUN_MARKERS | _NEGATIONS
            and not (i - 2 >= first and p.tokens[i - 2].key in _QUOTING)  # "dẫn lời cho biết"
        ):
            i += 1  # "các đề xuất" is a noun; "không phát biểu" says nothing
            continue
        if after < last and p.tokens[after].key in _DEMONSTRATIVE:
            i += 1  # "đưa ra nhận định này": a noun, the words were reported before
            continue
        if flag == "weak" and not _introduces_content(p, first, i, after, last):
            i += 1
            continue
        if flag == "object":
            found = _quoted_object(p, last, i, after, cue_text, sentence)
        else:
            found = _attribute(p, first, last, i, after, cue_text, sentence)
        for statement in found:
            out.append(statement)
            p.claimed.append(
                (min(statement.start, token.start), max(statement.end, p.tokens[after - 1].end))
            )
        i = after
    return out


def _quoted_object(
    p: _Paragraph, last: int, cue: int, after: int, cue_text: str, sentence: tuple[int, int]
) -> list[Found]:
    """``TASS dẫn lời ông X: "…"``: the speaker follows the cue. (``dẫn lời X cho biết …``
    is left to the cue after X.)"""
    mention = p.mention_at(after)
    if (
        mention is None
        or mention.kind not in ("person", "role", "pronoun")
        or (mention.last_token >= last or p.tokens[mention.last_token].text not in (":", ","))
    ):
        return []
    start, end = p.trim(p.tokens[mention.last_token].end, sentence[1])
    if end <= start:
        return []
    start, end, kind = p.classify(start, end)
    return [Found(start, end, kind, cue_text, mention, sentence, p.tokens[cue].start)]


def _introduces_content(p: _Paragraph, first: int, cue: int, after: int, last: int) -> bool:
    """A weak cue ("đánh giá", "bày tỏ") reports speech only when its clause goes on with
    rằng / là / a colon / a quotation: "đánh giá cuộc gặp là "rất tốt"", or when it closes
    a sentence that opened with a quotation: ""…", bà Meloni bày tỏ."."""
    if (after >= last or p.tokens[after].text in (".", "!", "?", "…")) and any(
        p.in_quote(p.tokens[k].start) for k in range(first, cue)
    ):
        return True
    for k in range(after, last):
        token = p.tokens[k]
        if token.key in _RANG or token.text == ":" or p.in_quote(token.start):
            return True
        if token.text in (",", ";"):
            # "yêu cầu Moskva …, đồng thời nhắc lại rằng …": one report, two verbs
            return _goes_on(p, k, last)
    return False


_RELATIVE = _keys("người", "vốn", "từng", "hiện", "nơi", "cũng", "một", "là")


def _apposition_start(p: _Paragraph, pos: int, first: int) -> int | None:
    """``X, người dẫn đầu phái đoàn, nói`` / ``X - người … - xác nhận`` / ``X, Giám đốc Quỹ …
    (RDIF), tiết lộ``: the last token of X, before the apposition that ends at ``pos``."""
    end = pos
    if p.tokens[end].text in (",", "-", "–", "—"):
        end -= 1
    if p.tokens[end].text == ")":  # "(RDIF)", "(Mỹ)"
        while end > first and p.tokens[end].text != "(":
            end -= 1
        end -= 1
    elif end - 1 >= first and p.tokens[end - 1].text == "(":
        end -= 2
    if end < first:
        return None
    fallback: int | None = None
    nearest: int | None = None
    for k in range(end, max(first, end - _APPOSITION_REACH), -1):
        token = p.tokens[k]
        if (
            (p.in_quote(token.start) and not p.in_short_quote(token.start))
            or (token.text in (".", ";") and p.tokens[k + 1].start > token.end)  # not "R.Politik"
            or (k < end and p.strong_cue(k) and not _participle(p, k, None))
        ):
            break  # another reporting verb: another clause, not an apposition
        if token.text not in (",", "-", "–", "—") or k + 1 > end:
            continue
        relative = p.tokens[k + 1].key in _RELATIVE or _participle(p, k + 1, None)
        opens = relative or p.v.titles.match(p.tokens, k + 1)
        before = p.mention_ending(p.skip_back(k - 1, first) + 1) if k > first else None
        if before is not None and before.kind in ("person", "pronoun"):
            if relative:
                # "X, người dự họp cùng ông Y – con rể …, nói": the relative clause holds
                # Y; X is the one it describes
                return k - 1
            if nearest is None:
                nearest = k - 1  # "X - trợ lý …, trưởng phái đoàn … - cho biết"
        if opens and fallback is None:
            fallback = k - 1  # the nearest opening, if no named person opens one further back
    return nearest if nearest is not None else fallback


def _participle(p: _Paragraph, cue: int, after: int | None) -> bool:
    """``X, phát biểu tại …, tuyên bố``: a reporting verb right after a comma and before a
    frame describes X on the occasion; the verb after the next comma reports."""
    if after is None:
        match = p.cue(cue)
        if match is None:
            return False
        after = cue + match[0]
    return (
        cue > 0
        and p.tokens[cue - 1].text == ","
        and after < len(p.tokens)
        and p.tokens[after].key in _FRAME_AFTER
    )


def _named_before(p: _Paragraph, mention: Mention, first: int) -> bool:
    """A named person stands right before the comma that opens ``mention``: "Bà Valérie
    Urbain, Tổng giám đốc Euroclear cho biết"."""
    comma = mention.first_token - 1
    if comma <= first or p.tokens[comma].text not in (",", "-", "–", "—"):
        return False
    named = p.mention_ending(comma)
    if named is None or named.kind != "person":
        return False
    # not a person inside an opening frame: "Tại cuộc hội đàm với Tổng thống X, ông đề nghị"
    return not (named.first_token > 0 and p.tokens[named.first_token - 1].key in _PREPOSITIONS)


def _subject(p: _Paragraph, first: int, cue: int) -> Mention | None:
    pos = p.skip_back(cue - 1, first)
    mention = p.mention_ending(pos + 1)
    closes_apposition = any(t.text in (",", "-", "–", "—") for t in p.tokens[pos + 1 : cue])
    adjacent_role = (
        mention is not None
        and mention.kind in ("role", "pronoun")
        and not closes_apposition
        and not _named_before(p, mention, first)
    )  # "…, nhà ngoại giao Nga cáo buộc", "…, ông đề nghị": the role or "ông" is the subject
    if (
        (mention is None or mention.kind != "person" or closes_apposition)
        and not adjacent_role
        and pos > first
    ):
        closing = next(
            (k for k in range(pos + 1, cue) if p.tokens[k].text in (",", "-", "–", "—")), pos
        )
        inner = _apposition_start(p, closing, first)
        if inner is not None:
            inner = p.skip_back(inner, first)  # "X của đảng Y, người …, nói"
        named = p.mention_ending(inner + 1) if inner is not None else None
        if named is not None and named.kind in ("person", "pronoun"):
            mention = named
    if mention is None or p.in_quote(mention.start):
        return None
    appositive = mention.kind == "person" and "," in mention.text  # "của X, ông Y"
    if (
        mention.first_token > first
        and not appositive
        and p.tokens[mention.first_token - 1].key in _PREPOSITIONS
    ):
        return None  # "phóng viên tại Moskva, …": a place or an object, not the speaker
    if (
        mention.kind == "place"
        and mention.first_token > first
        and (p.tokens[mention.first_token - 1].key == _NATIONALITY)
    ):
        return None
    return mention


def _clause_subject(p: _Paragraph, first: int, cue: int, after: int) -> Mention | None:
    """A person opening the clause, when a time phrase of any length stands between them and
    a verb that plainly reports ("Tổng thống Zelensky ngay trong ngày diễn ra cuộc điện đàm
    nói rằng …")."""
    if after >= len(p.tokens) or p.tokens[after].key != _RANG_ONLY:
        return None
    opening = max(
        (k + 1 for k in range(first, cue) if p.tokens[k].text in (",", ";")), default=first
    )
    here = [
        m
        for m in p.mentions
        if opening <= m.first_token < cue and m.kind in ("person", "role", "pronoun", "place")
    ]
    if not here or here[0].first_token != opening or here[0].kind not in ("person", "pronoun"):
        return None
    return here[0] if len(here) == 1 else None


def _sentence_subject(p: _Paragraph, first: int, cue: int) -> Mention | None:
    """The main subject of the sentence, for a cue that opens a coordinated clause
    ("Nhà Trắng ra tuyên bố, nói rằng …", "… với lý do cho rằng …")."""
    pos = cue - 1
    link = pos >= first and (p.tokens[pos].text == "," or p.tokens[pos].key in _LINKS)
    if not link:
        return None
    for m in p.mentions:
        if m.first_token < first or m.first_token >= cue or p.in_quote(m.start):
            continue
        if m.first_token > first and p.tokens[m.first_token - 1].key in _PREPOSITIONS | _keys(
            "theo", "và"
        ):
            continue
        return m if m.kind in _SPEAKING_KINDS else None
    return None


def _attribute(
    p: _Paragraph,
    first: int,
    last: int,
    cue: int,
    after: int,
    cue_text: str,
    sentence: tuple[int, int],
) -> list[Found]:
    if _participle(p, cue, after) and _reports_later(p, after, last):
        return []  # "ông Putin, phát biểu tại trụ sở …, tuyên bố …": the frame of the report
    subject = _subject(p, first, cue)
    if subject is not None and _topic(p, subject):
        subject = None  # "Về phía Ukraine, phát biểu …": a topic, and the speaker comes later
    adjacent = subject is not None
    if subject is None:
        if after < last and p.tokens[after].key in _FRAME_AFTER:
            return []  # "Phát biểu với kênh Russia-1, …": a frame, the speaker comes later
        subject = _sentence_subject(p, first, cue) or _clause_subject(p, first, cue, after)
    if subject is None or subject.kind not in _SPEAKING_KINDS or _topic(p, subject):
        return []
    if subject.kind == "place" and not _metonym(subject):
        return []
    cue_start = p.tokens[cue].start
    # Speaker after the content: "…", X nói (với …). / … - ông X nói.
    before_subject = subject.first_token - 1 if adjacent else first - 1
    if before_subject > first and p.tokens[before_subject].key in _DETERMINERS:
        before_subject -= 1  # "…", vị hồng y người Italy nói
    if before_subject >= first and p.tokens[before_subject].text in _SEPARATORS | {"”", '"', "»"}:
        tail = [t for t in p.tokens[after:last] if t.is_word and not p.in_date(t)]
        opens_with_quote = p.in_quote(p.trim(*sentence)[0])
        tail_quoted = any(p.in_quote(t.start) for t in tail)
        tail_reports = any(t.key == _RANG_ONLY or t.text == ":" for t in p.tokens[after:last])
        if (
            not tail
            or (tail[0].key in _TAIL_START and not tail_reports)
            or (opens_with_quote and not tail_quoted)
        ):
            separator = p.tokens[before_subject]
            start, end = p.trim(
                sentence[0], separator.start if separator.text in _SEPARATORS else separator.end
            )
            # content, not a frame ("Trong cuộc phỏng vấn, ông X nói với CNN …")
            long_enough = len(p.text[start:end].split()) >= _MIN_CONTENT_WORDS
            if end > start and (
                p.in_quote(start) or p.in_quote(end - 1) or not tail or long_enough
            ):
                start, end, kind = p.classify(start, end)
                comma = p.next_comma(after, last)  # "…", ông X nói … khi …, song thừa nhận …
                if _goes_on(p, after, last) or (comma is not None and _goes_on(p, comma, last)):
                    # ""…", bà X nói, đồng thời cho biết …": one statement of one speaker
                    end = p.trim(start, sentence[1])[1]
                    kind = "mixed"
                return [Found(start, end, kind, cue_text, subject, sentence, cue_start)]
        elif opens_with_quote and tail_quoted and p.tokens[after].text == ",":
            # "Phần một", ông X nói, "phần hai": both halves are X's
            # one statement from the first quotation mark to the last, the attribution inside
            start, end = p.trim(*sentence)
            return [Found(start + 1, end - 1, "direct", cue_text, subject, sentence, cue_start)]
    # Speaker before the content: X nói (với …) (rằng|:) …
    start = p.tokens[after - 1].end
    # "X nói rằng …", "X nói với phóng viên hôm 20/5 rằng …": the content starts after rằng
    # when only a frame (với…, trong…, a date) stands between the cue and rằng.
    framed = after < last and (p.tokens[after].key in _TAIL_START or p.in_date(p.tokens[after]))
    for k in range(after, min(after + 14, last)):
        # "trả lời phỏng vấn Kênh 1 hôm 25/3 rằng …": a date or a frame on the way to
        # "rằng" makes what stands before it a frame too
        framed = framed or p.in_date(p.tokens[k]) or p.tokens[k].key in _FRAME_AFTER
        token = p.tokens[k]
        if p.in_quote(token.start):
            break
        if (
            (token.key == _RANG_ONLY and (k == after or framed))
            or (token.key in _RANG and k == after)
            or (token.text == ":" and (k == after or framed))
        ):
            start = token.end
            break
        if token.text in (",", ";") and k > after:
            break
    start, end = p.trim(start, _next_speaker(p, after, last, sentence[1]))
    end = _before_time_frame(p, start, end)
    if end <= start:
        return []
    opening = bisect_left(p.starts, start)
    if opening < last and p.tokens[opening].key == _ABOUT and not p.in_quote(start):
        return []  # "phát biểu về tương lai của Ukraine": what about, not what was said
    start, end, kind = p.classify(start, end)
    return [Found(start, end, kind, cue_text, subject, sentence, cue_start)]


def _next_speaker(p: _Paragraph, after: int, last: int, sentence_end: int) -> int:
    """Where the content ends: at ", trong khi / còn <someone> <verb>", a clause with a
    speaker of its own ("Macron hối thúc …, trong khi Thủ tướng Starmer … cảnh báo …")."""
    for k in range(after, last - 2):
        if p.tokens[k].text != "," or p.in_quote(p.tokens[k].start):
            continue
        step = 2 if tuple(t.key for t in p.tokens[k + 1 : k + 3]) == _WHILE else 1
        if step == 1 and p.tokens[k + 1].key != _AS_FOR:
            continue
        mention = p.mention_at(k + 1 + step)
        if (
            mention is not None
            and mention.kind in ("person", "role", "pronoun")
            and any(p.cue(j) for j in range(mention.last_token, last))
        ):
            return p.tokens[k].start
    return sentence_end


def _before_time_frame(p: _Paragraph, start: int, end: int) -> int:
    """The content ends before a closing clause that only says when, with a date of its own
    (", chỉ vài giờ sau cuộc gặp … hôm 23/9"): that date is when the words were said."""
    first, last = bisect_left(p.starts, start), bisect_left(p.starts, end)
    comma = next(
        (
            k
            for k in range(last - 1, first, -1)
            if p.tokens[k].text == "," and not p.in_quote(p.tokens[k].start)
        ),
        None,
    )
    if comma is None:
        return end
    tail = p.tokens[comma + 1 : last]
    if not any(t.key in _RELATION for t in tail[:4]) or any(p.in_quote(t.start) for t in tail):
        return end
    if not any(p.tokens[comma].end <= d.start < end for d in p.dates if d.period is not None):
        return end
    return p.tokens[comma].start


def _reports_later(p: _Paragraph, after: int, last: int) -> bool:
    """Past the next comma, a reporting verb (not in a quotation) in the sentence."""
    comma = p.next_comma(after, last)
    if comma is None or any(
        t.key == _RANG_ONLY or t.text == ":" or p.in_quote(t.start) for t in p.tokens[after:comma]
    ):
        return False  # "X, người …, nói với phóng viên rằng …": this verb reports
    return any(
        not p.in_quote(p.tokens[k].start) and p.strong_cue(k) for k in range(comma + 1, last)
    )


def _goes_on(p: _Paragraph, after: int, last: int) -> bool:
    """After the cue, ", đồng thời / và / nhưng <cue>": the same speaker goes on."""
    k = after
    if k < last and p.tokens[k].text == ",":
        k += 1
    links = 0
    while k < last and p.tokens[k].key in _LINKS and links < 2:
        k += 1
        links += 1
    cue = p.cue(k) if k < last else None
    if cue is None:
        return False
    if links and cue[1][1] != "weak":
        return True
    # "chỉ trích các khoản viện trợ, gọi đó là "tấm séc khống"": a second verb that
    # plainly reports, with no link word
    return any(t.key in _RANG or p.in_quote(t.start) for t in p.tokens[k + cue[0] : k + cue[0] + 4])


def _topic(p: _Paragraph, mention: Mention) -> bool:
    """``mention`` follows "về phía" / "về phần": the sentence's topic, not a speaker."""
    return p.v.topic_markers.ending_at(p.tokens, mention.first_token) > 0


def _continuation(p: _Paragraph, s: int, e: int) -> Found | None:
    """A sentence that is only a quotation, right after an attributed one."""
    start, end = p.trim(s, e)
    if start >= end:
        return None
    quote = next((q for q in p.quotes if q.start == start), None)
    if quote is None or quote.end < end - 1:
        return None
    inner_start, inner_end = p.trim(*quote.inner)
    if inner_end <= inner_start:
        return None
    return Found(inner_start, inner_end, "direct", "", None, (s, e), start)

"""Places where talks or meetings happened or are proposed.

A place is a venue when the sentence ties it to a meeting: ``<meeting word> … tại/ở X``,
``<meeting word> X`` ("đàm phán Istanbul", "định dạng Istanbul"), or ``tới/đến X`` with a
meeting word in the same clause. A country is a venue only right after the preposition,
never as the apposition of a city ("Geneva, Thụy Sĩ", "Alaska (Mỹ)").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..text import tone_key
from .mentions import Mention
from .vocab import Place, Token, vocab

__all__ = ["VenueHit", "find_venues"]

_AT = frozenset(tone_key(w) for w in ("tại", "ở"))
_TO = frozenset(tone_key(w) for w in ("tới", "đến", "thăm", "sang"))
_AND = frozenset(tone_key(w) for w in ("và", "hoặc", "hay", "cùng"))
_SUCH_AS = tone_key("như")
_WINDOW = 24  # tokens back from the place that a meeting word may stand


@dataclass(frozen=True, slots=True)
class VenueHit:
    place: Place
    spelling: str
    start: int
    end: int


def _stop(tokens: list[Token], k: int) -> bool:
    """A sentence or clause end: not the dot in "6.2021", "Đ.Trăm" or "V. Pu-tin"."""
    if tokens[k].text not in ".;!?":
        return False
    if tokens[k].text == "." and k > 0 and len(tokens[k - 1].text) == 1:
        return False  # an initial
    return k + 1 >= len(tokens) or tokens[k + 1].start > tokens[k].end


def _meeting_between(tokens: list[Token], lo: int, hi: int) -> bool:
    """A meeting word in tokens[lo:hi] (within one sentence) — not a press conference or an
    interview, where words are said but no talks are held ("họp báo … tại Kiev")."""
    v = vocab()
    for k in range(max(lo, 0), hi):
        if _stop(tokens, k):
            return False
        if v.speech_events.match(tokens, k):
            continue  # "cuộc họp báo": not the "cuộc họp" it starts with
        if v.meeting_words.match(tokens, k):
            return True
    return False


def _clause_start(tokens: list[Token], pos: int) -> int:
    k = pos
    while k > 0 and not _stop(tokens, k - 1) and pos - k < _WINDOW:
        k -= 1
    return k


def _before_place_noun(tokens: list[Token], i: int) -> int:
    """Step back over "thành phố", "thủ đô" … so "tại thành phố Thiên Tân" reads "tại X"."""
    nouns = vocab().place_nouns
    for length in (2, 1, 3):
        if i - length >= 0 and (m := nouns.match(tokens, i - length)) and m[0] == length:
            return i - length
    return i


def _places(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Place mentions, and places named inside an institution's name ("Hội đồng Nga - NATO
    tại Brúc-xen"), but not inside a person's role ("Đại sứ Nga tại Mỹ")."""
    found = [m for m in mentions if m.kind == "place" and m.place is not None]
    v = vocab()
    for org in (m for m in mentions if m.kind == "organization"):
        named = v.institutions.match(tokens, org.first_token)
        if named and named[0] == org.last_token - org.first_token:
            seat = v.institution_seat.get(named[1])
            if seat is not None:  # "tại Nhà Trắng": in Washington
                found.append(replace(org, kind="place", place=seat))
                continue
        k = org.first_token
        while k < org.last_token:
            match = v.places.match(tokens, k, proper=True)
            if match and k > org.first_token:
                end = k + match[0]
                found.append(
                    Mention(
                        tokens[k].start,
                        tokens[end - 1].end,
                        "place",
                        " ".join(t.text for t in tokens[k:end]),
                        place=match[1],
                        first_token=k,
                        last_token=end,
                    )
                )
                k = end
            else:
                k += 1
    return sorted(found, key=lambda m: m.start)


def _same_sentence(tokens: list[Token], offset: int, i: int) -> bool:
    """No sentence ends between character ``offset`` and token ``i``."""
    first = next((k for k, t in enumerate(tokens) if t.start >= offset), i)
    return first <= i and not any(_stop(tokens, k) for k in range(first, i))


def _nation(place: Place) -> bool:
    """A country or a region of no one country (châu Âu): a party to talks more often than
    their venue, so only "tại/ở <it>" makes it one."""
    return place.kind != "city" and place.country is None


def _locative_before(tokens: list[Token], comma: int) -> int:
    """Index of the "tại"/"ở" that opens the place phrase a comma continues, or 0."""
    for k in range(comma - 1, max(0, comma - 6), -1):
        if tokens[k].key in _AT:
            return k
        if not tokens[k].is_word:
            return 0
    return 0


def _after_conflict(tokens: list[Token], at: int) -> bool:
    """The words before "ở/tại" name a war, a crisis or an army ("cuộc xung đột ở Ukraine",
    "hòa bình ở Ukraine"), and no meeting word before them makes them the talks' name."""
    v = vocab()
    for length in range(1, 6):
        start = at - length
        if start < 0:
            break
        if tuple(t.key for t in tokens[start:at]) in v.conflict_words:
            # "đàm phán hòa bình tại Istanbul": the talks' name
            return not v.meeting_words.ending_at(tokens, start)
    return False


_FROM = tone_key("từ")
_WHEN = frozenset(tone_key(w) for w in ("tháng", "ngày", "năm", "hôm"))


def _talks_named_by(tokens: list[Token], i: int) -> bool:
    """A meeting word one or two words before the place ("đàm phán Istanbul", "tiến trình
    hòa bình Istanbul"), written in lower case or opening the clause — a capitalised one
    inside a sentence names an event ("Diễn đàn Doha"), which ``_named_meeting`` reads."""
    meeting = vocab().meeting_words
    for k in (i - 1, i - 2):
        if k >= 0 and meeting.match(tokens, k):
            return not tokens[k].capitalised or k == _clause_start(tokens, k)
    return False


_AUXILIARIES = frozenset(tone_key(w) for w in ("đã", "sẽ", "vừa", "đang", "cũng", "lại"))


def _person_goes(tokens: list[Token], mentions: list[Mention], to: int) -> bool:
    """A person, the subject, goes ("X (đã) tới …"), not a message sent ("gửi tín hiệu tới")."""
    k = to - 1
    while k >= 0 and tokens[k].key in _AUXILIARIES:
        k -= 1
    return any(m.kind == "person" and m.last_token == k + 1 for m in mentions)


def _named_meeting(tokens: list[Token], i: int) -> int | None:
    """Where the capitalised name that the place ends opens with a meeting word ("Hội nghị An
    ninh Munich", "Diễn đàn Kinh tế Davos"), or None."""
    meeting = vocab().meeting_words
    for k in range(i - 1, max(-1, i - 6), -1):
        if not tokens[k].is_word:
            return None
        if meeting.match(tokens, k):
            return k if tokens[k].capitalised else None  # not "cuộc gặp Geneva"
    return None


def _range_to(tokens: list[Token], end: int) -> bool:
    """``đến/tới <place>`` after the place that ends at ``end``, maybe across a list of
    places, each with its bracket: "từ Copenhagen (tháng 6/2023), Jeddah (…) tới Davos"."""
    places = vocab().places
    k = end
    for _ in range(_WINDOW):
        k = _after_bracket(tokens, k)
        if k + 1 >= len(tokens):
            return False
        if tokens[k].key in _TO:
            return places.match(tokens, _after_place_noun(tokens, k + 1), proper=True) is not None
        if tokens[k].text != "," and tokens[k].key not in _AND:
            return False
        found = places.match(tokens, k + 1, proper=True)
        if found is None:
            return False
        k += 1 + found[0]
    return False


def _after_bracket(tokens: list[Token], k: int) -> int:
    """Past a bracketed group opening at ``k`` ("(tháng 6/2023)"), else ``k``."""
    if k < len(tokens) and tokens[k].text == "(":
        for j in range(k + 1, min(len(tokens), k + 12)):
            if tokens[j].text == ")":
                return j + 1
    return k


def _before_bracket(tokens: list[Token], k: int) -> int:
    """Back past a bracketed group closing at ``k`` ("(tháng 6/2023)") or a bare month or
    date ("Copenhagen tháng 6.2023, Jeddah …"), else ``k``."""
    if k >= 0 and tokens[k].text == ")":
        for j in range(k - 1, max(-1, k - 12), -1):
            if tokens[j].text == "(":
                return j - 1
    j = k
    while j >= 0 and k - j < 6 and (tokens[j].text.isdigit() or tokens[j].text in "./-"):
        j -= 1
    if j < k and j >= 0 and tokens[j].key in _WHEN:
        return j - 1
    return k


def _after_place_noun(tokens: list[Token], i: int) -> int:
    m = vocab().place_nouns.match(tokens, i)
    return i + m[0] if m else i


def _speech_event_between(tokens: list[Token], lo: int, hi: int) -> bool:
    speech = vocab().speech_events
    return any(speech.match(tokens, k) for k in range(max(lo, 0), hi))


def _until_said(tokens: list[Token], start: int) -> int:
    """The end of the stretch after ``start`` up to a reporting verb or the sentence's end."""
    v = vocab()
    for j in range(start, min(len(tokens), start + _WINDOW)):
        if _stop(tokens, j) or (v.cues.match(tokens, j) and not v.meeting_words.match(tokens, j)):
            return j  # (not at "tuyên bố chung": a joint statement is the talks' own)
    return min(len(tokens), start + _WINDOW)


def _opening_frame(tokens: list[Token], at: int, end: int) -> bool:
    """ "Tại X, <someone> đã tiếp / hội đàm …": a place framing the sentence's start,
    then talks in its first clause."""
    if at != _clause_start(tokens, at) and not (at > 0 and tokens[at - 1].text == ","):
        return False
    k = end
    while k < len(tokens) and tokens[k].text != ",":
        if _stop(tokens, k) or k - end > 3:
            return False
        k += 1
    # up to what anyone says: "Tại Washington, bà X cho biết vòng đàm phán …" is no venue
    said = _until_said(tokens, k + 1)
    clause_end = next((j for j in range(k + 1, said) if tokens[j].text == ","), said)
    return k < len(tokens) and _meeting_between(tokens, k + 1, clause_end)


_PURPOSE = frozenset(tone_key(w) for w in ("để", "nhằm"))


def _purpose_meeting(tokens: list[Token], end: int) -> bool:
    """ "… có mặt ở Abu Dhabi để tiếp xúc với phái đoàn Nga": there in order to meet."""
    k = end
    if k < len(tokens) and tokens[k].key in _PURPOSE:
        return _meeting_between(tokens, k + 1, min(len(tokens), k + 4))
    return False


def _hosts(tokens: list[Token], start: int, end: int) -> bool:
    """A hosting verb and a meeting word follow the place in its clause."""
    v = vocab()
    k = end
    while k < min(len(tokens), end + 16):
        if (tokens[k].text == "," or tokens[k].key in _AND) and (
            listed := v.places.match(tokens, k + 1, proper=True)
        ):
            k += 1 + listed[0]  # "đề xuất Thổ Nhĩ Kỳ, Vatican hoặc Thụy Sĩ làm địa điểm"
            continue
        if _stop(tokens, k) or tokens[k].text == ",":
            return False
        if host := v.host_words.match(tokens, k):
            if host[1] == "alone":
                return True  # "đề xuất Geneva làm địa điểm"
            # talks named after the hosting words, or before the place in its sentence
            # ("… sẵn sàng đàm phán … và đề xuất Thụy Sĩ làm địa điểm")
            return (
                _meeting_between(tokens, k, min(len(tokens), k + 8))
                or bool(v.meeting_words.match(tokens, k))
                or _meeting_between(tokens, _clause_start(tokens, start), start)
            )
        k += 1
    return False


def find_venues(tokens: list[Token], mentions: list[Mention]) -> list[VenueHit]:
    v = vocab()
    hits: list[VenueHit] = []
    places = _places(tokens, mentions)
    located: set[int] = set()  # ends of venues named after "tại/ở"
    for m in places:
        assert m.place is not None
        i = m.first_token
        i = _before_place_noun(tokens, i)
        before = tokens[i - 1] if i > 0 else None
        if before is None:
            continue
        if (
            before.text in (",", "(")
            and m.place.kind != "city"
            and any(
                o.last_token in (i - 1, i - 2) and o.place and o.place.kind != "country"
                for o in places
            )
        ):
            continue  # "Istanbul, Thổ Nhĩ Kỳ" / "Alaska (Mỹ)": the city is the venue
        venue = listed = False
        place = m.place
        if (
            place.kind == "country"
            and i < m.first_token
            and (capital := v.capitals.get(place.name))
        ):
            place = capital  # "tại thủ đô Hungary": Budapest
        if before.text == "," and _locative_before(tokens, i - 1):
            before = tokens[_locative_before(tokens, i - 1)]  # "ở Cung điện Dolmabahce, Istanbul"
        if not _nation(m.place) and _hosts(tokens, i, m.last_token):
            venue = True  # "Istanbul sẵn sàng đăng cai các vòng đàm phán"
        elif (
            (before.key in _AND | _TO or before.text == ",")
            and i > 1
            and tokens[_before_bracket(tokens, i - 2)].end in located
        ):
            # "các cuộc gặp ở Riyadh và Jeddah", "từ Copenhagen (tháng 6), Jeddah (…) tới Davos"
            venue = listed = True
        elif before.key in _AT and _after_conflict(tokens, i - 1):
            venue = False  # "chấm dứt cuộc xung đột ở Ukraine": where the war is, not the talks
        elif (
            before.key in _AT
            or (before.key == tone_key("bang") and i > 1)
            or (before.key == _SUCH_AS and not _nation(m.place))
        ):
            # "… tại một địa điểm trung lập như Doha": an example of where talks may be
            # "… tại Brúc-xen và tại Tổ chức An ninh … ở Viên": a second venue of the talks
            venue = (
                _meeting_between(tokens, _clause_start(tokens, i - 1), i - 1)
                or any(_same_sentence(tokens, h.end, i) for h in hits)
                or _purpose_meeting(tokens, m.last_token)
                or _opening_frame(tokens, i - 1, m.last_token)
                or (
                    _speech_event_between(tokens, _clause_start(tokens, i - 1), i - 1)
                    and _meeting_between(tokens, m.last_token, _until_said(tokens, m.last_token))
                )  # "họp báo ở Tehran …, sau cuộc gặp thượng đỉnh": the press met at talks
            )
        elif before.key in _TO and not _nation(m.place):
            end = min(len(tokens), m.last_token + _WINDOW)
            venue = (
                _meeting_between(tokens, m.last_token, end)
                or _meeting_between(tokens, _clause_start(tokens, i - 1), i - 1)
                or (
                    v.institutions.match(tokens, m.first_token) is not None
                    and _person_goes(tokens, mentions, i - 1)
                )
            )  # "Tổng thống Zelensky tới Nhà Trắng": a visit to its seat is a meeting there
        elif before.key == _FROM and not _nation(m.place) and _range_to(tokens, m.last_token):
            # "các vòng đàm phán từ Istanbul đến Alaska": both ends are venues of the talks
            venue = _meeting_between(tokens, _clause_start(tokens, i - 1), i - 1)
        elif not _nation(m.place) and _talks_named_by(tokens, i):
            venue = True  # "đàm phán Istanbul", "định dạng Istanbul"
        elif not _nation(m.place) and (named := _named_meeting(tokens, i)) is not None:
            # "tại Hội nghị An ninh Munich, … có cuộc gặp với …": talks at the conference
            # (a speech there, "phát biểu tại Diễn đàn Doha", is none)
            start = _clause_start(tokens, named)
            venue = _meeting_between(tokens, start, named) or _meeting_between(
                tokens, m.last_token, _until_said(tokens, m.last_token)
            )
        if venue:
            hits.append(VenueHit(place, m.text, m.start, m.end))
            if before.key in _AT or before.key == _FROM or listed:
                located.add(m.end)  # "ở Riyadh": a list may go on ("và Jeddah")
    return hits

"""Who and what a paragraph mentions: people (by title, honorific or name shape), roles
without a name, back-references, institutions, unnamed sources, news media and places.

Names are found from the shape of the text — a title or honorific before capitalised
words, or a run of capitalised words in Latin script — never from a closed list. The
lexicon of well-known people only maps other spellings and old transliterations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..text import fold, latin_name, looks_vietnamese, tone_key, vietnamese_syllable
from .people import NAME_SUFFIXES
from .vocab import Place, Token, Vocab, tokenize, vocab

__all__ = ["Mention", "find_mentions"]

MentionKind = Literal["person", "role", "pronoun", "organization", "unnamed", "media", "place"]

_DEMONSTRATIVES = frozenset(tone_key(w) for w in ("này", "ấy", "đó"))
_SUFFIXES = frozenset(NAME_SUFFIXES)
_NAME_PARTICLES = frozenset(
    {"bin", "ibn", "al", "von", "van", "der", "de", "da", "di", "du", "le", "la"}
)
_APPOSITION = frozenset({",", "-", "–", "—"})
_AT = frozenset({tone_key("tại"), tone_key("ở")})
_OF = tone_key("của")
_AND = tone_key("và")
_PERSON_OF = tone_key("người")
# Lower-case words that never continue a name of an institution ("Bộ Ngoại giao cho Reuters
# biết"); other lower-case syllables between capitalised ones do ("Quỹ Đầu tư Trực tiếp").
_BREAKS = frozenset(
    tone_key(w)
    for w in (
        "cho",
        "với",
        "của",
        "tại",
        "ở",
        "từ",
        "về",
        "theo",
        "trong",
        "khi",
        "đã",
        "sẽ",
        "cũng",
        "vẫn",
        "là",
        "nói",
        "hôm",
        "ngày",
        "tới",
        "đến",
        "gặp",
        "thăm",
        "sang",
        "rằng",
        "thì",
    )
)
# Lower-case words that end a description between a title and a name: the same, except
# that a description may say whose ("của EU") and about what ("về chính sách"), and more.
_DESCRIPTION_BREAKS = (_BREAKS - {tone_key("của"), tone_key("về")}) | frozenset(
    tone_key(w) for w in ("không", "chưa", "này", "đó", "mà", "nhưng", "nên", "vì")
)
_ROMAN = re.compile(r"(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})|L")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: MentionKind
    text: str
    name: str | None = None  # the name as written ("Alexey Ivanov")
    role: str | None = None  # the role as written ("Đại biện lâm thời Nga tại Thổ Nhĩ Kỳ")
    gender: str | None = None
    place: Place | None = None  # for places, and the first country of a role
    first_token: int = 0
    last_token: int = 0  # exclusive


_OF_REACH = 16  # tokens after "của" that may hold "<title> <name>"


class _Scanner:
    def __init__(
        self, text: str, v: Vocab, known_names: set[str], tokens: list[Token] | None = None
    ) -> None:
        self.text = text
        self.v = v
        self.tokens = tokenize(text) if tokens is None else tokens
        self.known = known_names  # folded names already seen in this article

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    # -- names ---------------------------------------------------------------------------

    def _name_token(self, token: Token, after_title: bool) -> bool:
        if not token.is_word or not token.capitalised or token.text.isdigit():
            return False
        if len(token.text) > 1 and token.text.isupper():
            return False  # an acronym: NATO, START, TASS
        if token.text.lower() in self.v.english_words:
            return False
        if not after_title and fold(token.text) in self.v.plain_words:
            return False
        if "-" in token.text and any(
            self.v.places.match(tokenize(part), 0) for part in token.text.split("-")
        ):
            return False  # "Nga-Mỹ": two countries, not a name
        return after_title or not looks_vietnamese(token.text) or self._transliterated(token)

    @staticmethod
    def _transliterated(token: Token) -> bool:
        parts = token.text.split("-")
        return len(parts) > 1 and any(p[:1].islower() for p in parts[1:])

    def _blocked(self, i: int) -> bool:
        """A token that starts a place, title, qualifier or institution is not a name."""
        v = self.v
        if self.tokens[i].key not in v.starters and self.tokens[i].key not in v.qualifiers.starts:
            return False
        return any(
            table.match(self.tokens, i, proper=True)
            for table in (v.places, v.titles, v.qualifiers, v.institutions, v.media)
        )

    def _suffix_dot(self, k: int) -> bool:
        return k > 0 and self.tokens[k].text == "." and self.tokens[k - 1].text in _SUFFIXES

    def name_at(self, i: int, after_title: bool) -> int:
        """How many tokens from ``i`` form a name (0: none)."""
        n = 0
        latin = False  # a Latin-script name does not run on into Vietnamese words
        while n < 6:
            token = self.tok(i + n)
            if token is None:
                break
            if (n or after_title) and token.text.lower() in _NAME_PARTICLES:
                k = i + n
                while self.tok(k) and self.tokens[k].text.lower() in _NAME_PARTICLES:
                    k += 1  # "Ursula von der Leyen"
                following = self.tok(k)
                if following and self._name_token(following, after_title):
                    n = k - i
                    continue
                break
            if n and _ROMAN.fullmatch(token.text):
                n += 1  # "Leo XIV"
                continue
            if n and token.text in _SUFFIXES:
                dot = self.tok(i + n + 1)
                n += 2 if dot is not None and dot.text == "." and dot.start == token.end else 1
                break  # "Donald Trump Jr.": the suffix ends the name

            if (
                len(token.text) == 2
                and token.text.isupper()
                and token.text.isalpha()
                and self.tok(i + n + 1)
                and self._name_token(self.tokens[i + n + 1], True)
            ):
                n += 1  # "JD Vance": initials written together
                continue
            if self._initial(i + n):
                n += 2  # "Đ.Pê-xcốp", "V. Putin": an initial and its full stop
                continue
            if not self._name_token(token, after_title) or (n == 0 and self._blocked(i)):
                break
            if n and self._blocked(i + n):
                break
            marked = looks_vietnamese(token.text) and not self._transliterated(token)
            if latin and marked:
                break  # "Lavrov Thứ Hai": a Latin name does not run on into Vietnamese words
            latin = latin or not (
                marked or vietnamese_syllable(token.text) or self._transliterated(token)
            )
            n += 1
        while n and not self.tokens[i + n - 1].is_word and not self._suffix_dot(i + n - 1):
            n -= 1  # an initial with no name after it is not a name
        if n == 1 and len(self.tokens[i].text) < 2:
            return 0  # "Á" in "Á - Âu": a letter, not a name
        return n

    def _described_nation(self, j: int) -> tuple[int, Place | None]:
        """ "Người đứng đầu ngành ngoại giao Ukraine": lower-case words that end in a country
        belong to the role. (number of tokens, the country)."""
        v = self.v
        for k in range(j, min(j + 5, len(self.tokens))):
            token = self.tokens[k]
            if token.capitalised:
                place = v.places.match(self.tokens, k, proper=True)
                if k > j and place and place[1].kind == "country":
                    return k - j + place[0], place[1]
                return 0, None
            if (
                not token.is_word
                or token.key in _DESCRIPTION_BREAKS
                or (v.cues.match(self.tokens, k) or v.time_words.match(self.tokens, k))
            ):
                return 0, None
        return 0, None

    def _bracketed_acronym(self, j: int) -> bool:
        inner, close = self.tok(j + 1), self.tok(j + 2)
        return bool(inner and close and close.text == ")" and inner.is_word and inner.capitalised)

    def _capitalised_compound(self, j: int) -> bool:
        """A capitalised Vietnamese word and its lower-case second syllable, as in
        "Ủy viên Nhân quyền": part of a role, not a name."""
        token, after = self.tok(j), self.tok(j + 1)
        v = self.v
        return bool(
            token
            and after
            and token.is_word
            and token.capitalised
            and looks_vietnamese(token.text)
            and not self._transliterated(token)
            and after.is_word
            and not after.capitalised
            and after.key not in _BREAKS
            and not v.cues.match(self.tokens, j + 1)
            and not v.time_words.match(self.tokens, j + 1)
        )

    def _demonstrative_tail(self, j: int) -> int:
        """ "kỳ cựu này" after "nhà ngoại giao": a few plain words and a demonstrative make
        the role a back-reference ("nhà ngoại giao kỳ cựu này nói"); how many tokens."""
        for k in range(j, min(j + 4, len(self.tokens))):
            token = self.tokens[k]
            if token.key in _DEMONSTRATIVES:
                return k + 1 - j
            if not token.is_word or token.capitalised or token.key in _BREAKS:
                return 0
            if self.v.cues.match(self.tokens, k) or self.v.time_words.match(self.tokens, k):
                return 0
        return 0

    def _descriptive_words(self, j: int) -> int:
        """Words between a title and a name ("Nhà phân tích chính trị Tatiana Stanovaya",
        "Đại diện cấp cao về chính sách đối ngoại và an ninh của EU Kaja Kallas"): how
        many, when a name in Latin script follows them; else 0."""
        v = self.v
        k = j
        while k < len(self.tokens) and k - j < 12:
            token = self.tokens[k]
            if token.text == "(" and self._bracketed_acronym(k):
                k += 3  # "… quốc gia Nga (Rosatom) A-lếch-xây Li-kha-chốp"
                continue
            if not token.is_word:
                return 0
            if token.capitalised:
                length = next(
                    (
                        m[0]
                        for table in (v.places, v.qualifiers, v.institutions)
                        if (m := table.match(self.tokens, k, proper=True))
                    ),
                    0,
                )
                if length:
                    k += length  # "… của EU", "… Bộ Ngoại giao": part of the description
                    continue
                n = self.name_at(k, after_title=True) if k > j else 0
                name = self.span_text(k, k + n) if n else ""
                latin = bool(n) and (latin_name(name) or self._transliterated(token))
                # "… quan hệ quốc tế Phan Thị Ngọc Lam": a Vietnamese name, family name first
                vietnamese = n >= 2 and bool(v.vietnamese_surnames.match(self.tokens, k))
                return k - j if latin or vietnamese else 0
            if (
                token.key in _DESCRIPTION_BREAKS
                or v.cues.match(self.tokens, k)
                or (v.time_words.match(self.tokens, k))
            ):
                return 0
            k += 1
        return 0

    def _after_blocker(self, i: int) -> bool:
        """A place or body noun stands before the name, maybe with lower-case words between
        ("tại Castel Gandolfo", "trung tâm phân tích R.Politik")."""
        blockers = self.v.name_blockers
        for start in range(i - 1, max(-1, i - 6), -1):
            token = self.tokens[start]
            if not token.is_word or token.capitalised:
                return False
            if (m := blockers.match(self.tokens, start)) and start + m[0] <= i:
                return True
        return False

    def _initial(self, k: int) -> bool:
        token, dot, after = self.tok(k), self.tok(k + 1), self.tok(k + 2)
        return bool(
            token
            and dot
            and after
            and len(token.text) == 1
            and token.text.isupper()
            and dot.text == "."
            and dot.start == token.end
            and after.start - dot.end <= 1
            and after.capitalised
        )

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    # -- roles ---------------------------------------------------------------------------

    def role_end(self, i: int) -> tuple[int, Place | None]:
        """Tokens from a title at ``i`` through its qualifiers; the first country named."""
        v = self.v
        match = v.titles.match(self.tokens, i)
        assert match is not None
        j = i + match[0]
        country: Place | None = None
        while j < len(self.tokens):
            token = self.tokens[j]
            if place := v.places.match(self.tokens, j, proper=True):
                # a country, or a region of no one country ("châu Âu"), qualifies a role
                qualifies = place[1].kind != "city" and place[1].country is None
                if not qualifies and not (self.tok(j - 1) and self.tokens[j - 1].key in _AT):
                    break  # "Tổng thống Trump" is not a place; a city starts a new phrase
                country = country or (place[1] if place[1].kind == "country" else None)
                j += place[0]
            elif token.capitalised and (head := v.org_heads.match(self.tokens, j, proper=True)):
                j = self.org_end(j, j + head[0])
            elif q := (
                v.qualifiers.match(self.tokens, j, proper=True)
                or v.institutions.match(self.tokens, j, proper=True)
                or v.titles.match(self.tokens, j, proper=True)
            ):
                if not self.tokens[j].capitalised and j > i + match[0]:
                    break
                # "người đứng đầu Nhà Trắng": the institution's country is the role's
                country = country or v.institution_country.get(q[1])
                j += q[0]
            elif self._capitalised_compound(j):
                j += 2  # "Ủy viên Nhân quyền": a capitalised common noun, not a name
            elif token.text == "(" and self._bracketed_acronym(j):
                j += 3  # "Tổng Giám đốc Cơ quan Năng lượng nguyên tử quốc tế (IAEA)"
            elif token.key == _PERSON_OF and (
                (p := v.places.match(self.tokens, j + 1, proper=True)) and p[1].kind == "country"
            ):
                country = country or p[1]
                j += 1 + p[0]  # "hồng y người Italy": a nationality
            elif (
                token.key == _AND
                and j > i + match[0]
                and (
                    v.qualifiers.match(self.tokens, j + 1, proper=True)
                    and self.tokens[j + 1].capitalised
                )
            ):
                j += 1  # "Hội đồng An ninh và Quốc phòng"
            elif (
                (token.key in _AT or token.key == _OF)
                and not (
                    token.key in _AT
                    and v.places.match(self.tokens, j + 1, proper=True)
                    and not fold(self.span_text(i, j)).startswith(v.posted_titles)
                )
                and self.tok(j + 1)
                and (
                    v.places.match(self.tokens, j + 1, proper=True)
                    or v.titles.match(self.tokens, j + 1)
                    or v.institutions.match(self.tokens, j + 1)
                    or v.qualifiers.match(self.tokens, j + 1, proper=True)
                )
            ):
                j += 1
            else:
                break
        return j, country

    def apposition(self, j: int) -> tuple[int, int, int, str | None] | None:
        """``, ông NAME`` / ``- NAME -`` / ``– Tướng NAME`` after a role without a name:
        (name start, name end, mention end, gender)."""
        token = self.tok(j)
        if token is None or token.text not in _APPOSITION:
            return None
        k = j + 1
        gender = None
        if h := self.v.honorifics.match(self.tokens, k):
            gender = h[1]
            k += h[0]
        elif self.v.titles.match(self.tokens, k):
            k, _ = self.role_end(k)
        n = self.name_at(k, after_title=True)
        if not n:
            return None
        return k, k + n, k + n, gender

    # -- the scan ------------------------------------------------------------------------

    def mention(self, kind: MentionKind, i: int, j: int, **extra: Any) -> Mention:
        return Mention(
            self.tokens[i].start,
            self.tokens[j - 1].end,
            kind,
            self.span_text(i, j),
            first_token=i,
            last_token=j,
            **extra,
        )

    def scan(self) -> list[Mention]:
        v = self.v
        out: list[Mention] = []
        i = 0
        tokens = self.tokens
        starters = v.starters
        while i < len(tokens):
            token = tokens[i]
            if not token.is_word or (not token.capitalised and token.key not in starters):
                i += 1  # most words start nothing the scan looks for
                continue
            if token.key not in starters and "-" not in token.text:
                # a capitalised word no phrase starts with: a name? (hyphenated words may
                # still be places spelt without their hyphens: "Da-pô-rô-giê")
                i = self._bare_name(out, i)
                continue
            key = token.key
            if key in v.unnamed.starts and (m := v.unnamed.match(tokens, i)):
                j = self.unnamed_end(i + m[0])
                out.append(self.mention("unnamed", i, j))
                i = j
                continue
            if key in v.pronouns.starts and (m := v.pronouns.match(tokens, i)):
                out.append(self.mention("pronoun", i, i + m[0]))
                i += m[0]
                continue
            if (
                key in v.honorifics.starts
                and (h := v.honorifics.match(tokens, i))
                and not v.honorific_exceptions.match(tokens, i)
            ):
                k = i + h[0]
                n = self.name_at(k, after_title=True)
                if n:
                    out.append(
                        self.mention("person", i, k + n, name=self.span_text(k, k + n), gender=h[1])
                    )
                    i = k + n
                elif not (tokens[k].capitalised if k < len(tokens) else False):
                    out.append(self.mention("pronoun", i, k, gender=h[1]))
                    i = k
                else:
                    i = k
                continue
            title = v.titles.match(tokens, i)
            org = token.capitalised and (
                v.institutions.match(tokens, i, proper=True)
                or v.org_heads.match(tokens, i, proper=True)
            )
            if title and not (org and org[0] > title[0]):
                j, country = self.role_end(i)
                j += self._descriptive_words(j)
                n = self.name_at(j, after_title=True)
                if n == 1 and self.apposition(j + 1) and not v.is_person_alias(tokens[j].text):
                    # "Cố vấn Tổng Giám đốc Rosatom, ông Re-nát Các-cha": one word after the
                    # title names a body, and the person comes after the comma
                    j, n = j + 1, 0
                role = self.span_text(i, j)
                if n:
                    out.append(
                        self.mention(
                            "person",
                            i,
                            j + n,
                            name=self.span_text(j, j + n),
                            role=role,
                            place=country,
                        )
                    )
                    i = j + n
                elif not (i and tokens[i - 1].key == _OF) and (app := self.apposition(j)):
                    # (not "con trai của ông chủ Nhà Trắng, Donald Trump Jr.": the name
                    # after the comma is the son's, not the role's)
                    name_start, name_end, end, gender = app
                    if gender is None and v.titles.match(tokens, j + 1):
                        # "Trợ lý Tổng thống Nga, Trưởng phái đoàn đàm phán Vladimir
                        # Medinsky": both titles are the person's role
                        role = self.span_text(i, name_start)
                    out.append(
                        self.mention(
                            "person",
                            i,
                            end,
                            name=self.span_text(name_start, name_end),
                            role=role,
                            gender=gender,
                            place=country,
                        )
                    )
                    i = end
                else:
                    extra, nation = self._described_nation(j)
                    j += extra
                    j += self._demonstrative_tail(j)
                    out.append(
                        self.mention(
                            "role", i, j, role=self.span_text(i, j), place=country or nation
                        )
                    )
                    i = j
                continue
            if token.capitalised and (
                m := v.institutions.match(tokens, i, proper=True)
                or v.org_heads.match(tokens, i, proper=True)
            ):
                j = self.org_end(i, i + m[0])
                if any(v.titles.match(tokens, k, proper=True) for k in range(i + 1, j)):
                    # "Văn phòng Thủ tướng Israel Benjamin Netanyahu": the office speaks,
                    # and the name says whose it is
                    j += self.name_at(j, after_title=True)
                if j > i + m[0] or v.institutions.match(tokens, i, proper=True):
                    out.append(self.mention("organization", i, j))
                    i = j
                    continue
            if token.capitalised and (m := v.media.match(tokens, i, proper=True)):
                out.append(self.mention("media", i, i + m[0]))
                i += m[0]
                continue
            if p := v.places.match(tokens, i, proper=True):
                out.append(self.mention("place", i, i + p[0], place=p[1]))
                i += p[0]
                continue
            i = self._bare_name(out, i)
        return out

    def _bare_name(self, out: list[Mention], i: int) -> int:
        """A capitalised name with no title before it: a person when it is a known name,
        or two words or more in Latin script (or a transliteration). Returns the next index."""
        v, tokens = self.v, self.tokens
        n = self.name_at(i, after_title=False)
        if not n:
            return i + 1
        name = self.span_text(i, i + n)
        if self._after_blocker(i):
            return i + n  # "tại Castel Gandolfo", "trung tâm R.Politik": a place, a body
        transliterated = all(self._transliterated(t) for t in tokens[i : i + n])
        if (n >= 2 and (latin_name(name) or transliterated)) or (
            v.is_person_alias(name) or fold(name) in self.known
        ):
            out.append(self.mention("person", i, i + n, name=name))
        return i + n

    def unnamed_end(self, j: int) -> int:
        """ "một nguồn tin thân cận", "một quan chức cấp cao Ukraine giấu tên": the phrase runs
        on over countries and a few lower-case modifiers, up to the verb."""
        v = self.v
        modifiers = 0
        while j < len(self.tokens):
            token = self.tokens[j]
            if (p := v.places.match(self.tokens, j, proper=True)) and p[1].kind == "country":
                j += p[0]
            elif (
                modifiers < 4
                and token.is_word
                and not token.capitalised
                and token.key not in _BREAKS
                and not v.cues.match(self.tokens, j)
                and not v.time_words.match(self.tokens, j)
            ):
                j += 1
                modifiers += 1
            else:
                break
        return j

    def org_end(self, i: int, j: int) -> int:
        """An institution's name runs on over qualifiers, capitalised words, countries,
        ``tại <place>`` and ``của <someone>`` ("Chính quyền của Tổng thống Trump")."""
        head_end = j
        v = self.v
        tokens = self.tokens
        while j < len(tokens):
            token = tokens[j]
            if place := v.places.match(tokens, j, proper=True):
                j += place[0]
            elif q := v.qualifiers.match(tokens, j, proper=True):
                j += q[0]
            elif token.key in _AT and v.places.match(tokens, j + 1, proper=True):
                j += 1
            elif (
                token.key == _OF
                and self.tok(j + 1)
                and (v.titles.match(tokens, j + 1) or v.honorifics.match(tokens, j + 1))
            ):
                # "Chính quyền của Tổng thống Trump": the whole phrase is the institution
                # (a title and a name fit in a short window: scanning all the rest of the
                # text here, for every "của", would make long paragraphs quadratic)
                found = _Scanner(self.text, v, self.known, tokens[j + 1 : j + 1 + _OF_REACH]).scan()
                return j + 1 + (found[0].last_token if found and found[0].first_token == 0 else 0)
            elif self._capitalised_compound(j):
                j += 2  # "Giáo hội Công giáo"
            elif j == head_end and token.is_word and token.capitalised:
                j += 1  # "Quỹ Carnegie", "Viện Brookings": the name the head introduces
            elif (
                token.is_word
                and token.capitalised
                and looks_vietnamese(token.text)
                and not (v.titles.match(tokens, j) or v.honorifics.match(tokens, j))
                and not self._known_person_at(j)
            ) or self._inner_lowercase(j):
                j += 1
            else:
                break
        return j

    def _known_person_at(self, j: int) -> bool:
        """A well-known person's name in Vietnamese starts at ``j`` ("… Trung Quốc Vương
        Nghị nói"): the institution's name ends before it."""
        return any(
            j + n <= len(self.tokens)
            and all(t.capitalised for t in self.tokens[j : j + n])
            and self.v.is_person_alias(self.span_text(j, j + n))
            for n in (4, 3, 2)
        )

    def _inner_lowercase(self, j: int) -> bool:
        """ "Đầu tư" in "Quỹ Đầu tư Trực tiếp", "và" in "An ninh và Quốc phòng"."""
        token, before, after = self.tok(j), self.tok(j - 1), self.tok(j + 1)
        return bool(
            token
            and before
            and after
            and token.is_word
            and not token.capitalised
            and (token.key == _AND or token.key not in _BREAKS)
            and before.is_word
            and after.is_word
            and after.capitalised
            and (before.capitalised or token.key == _AND)
            and not self.v.titles.match(self.tokens, j + 1, proper=True)
        )


def find_mentions(
    text: str, known_names: set[str] | None = None, tokens: list[Token] | None = None
) -> list[Mention]:
    """Every mention in ``text`` (``tokens``: its tokens, if already made), left to right,
    none overlapping."""
    return _Scanner(text, vocab(), known_names or set(), tokens).scan()

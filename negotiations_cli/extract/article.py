"""One article → its people, statements and venue events (the extractor's entry point)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..corpus import caption_text, title_is_derived
from ..dates import DateMention, Period, find_dates
from ..models import Article, DateSource, SpeakerType, Statement, VenueEvent
from ..text import fold, tone_key
from .mentions import Mention, find_mentions
from .people import ArticlePeople, PersonFacts
from .roles import role_classes
from .segment import quote_spans, sentence_spans
from .statements import Found, find_statements
from .venues import VenueHit, find_venues
from .vocab import Place, Token, tokenize, vocab

__all__ = ["ArticleFacts", "extract_article"]

Position = tuple[int, int]  # (paragraph, character offset)
_PRECISION = {"day": 0, "month": 1, "year": 2}
_RECENT = 3  # speakers back that "bà" looks for a woman among
# Person mentions a back-reference looks through, latest first: a whole news article, and
# not a whole book when a file holds one (reading stays linear in the file's length).
_LOOK_BACK = 300
_PLURAL = frozenset(tone_key(w) for w in ("các", "những", "nhiều", "hai", "ba", "mấy"))
_DEMONSTRATIVES = frozenset(tone_key(w) for w in ("này", "ấy"))  # the role points back
_EVENT_REACH = 160  # characters between a venue and the date that says when talks were there
_STORY_DAYS = 31  # a day this close before the article's date belongs to its story


@dataclass
class _Text:
    number: int  # paragraph number; 0 for a caption
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    offset: int = 0  # where ``text`` starts in its paragraph (a long one is read in pieces)
    starts: list[int] = field(default_factory=list)  # token start offsets, for bisect

    def __post_init__(self) -> None:
        self.starts = [tok.start for tok in self.tokens]

    def at(self, pos: int) -> Position:
        return (self.number, self.offset + pos)

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after character ``pos``."""
        return bisect_left(self.starts, pos)

    def span(self, start: int, end: int) -> range:
        """Indexes of the tokens starting in [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))


@dataclass
class ArticleFacts:
    """What one article says: its people, statements and venue events."""

    article: Article
    people: dict[str, PersonFacts] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    events: list[tuple[Place, str, VenueEvent]] = field(default_factory=list)

    @property
    def venues(self) -> list[str]:
        return sorted({place.name for place, _s, _e in self.events})


@dataclass
class _Speaker:
    key: tuple[str, str]
    name: str
    type: SpeakerType
    role: str | None
    gender: str | None


def _texts(article: Article) -> list[_Text]:
    known: set[str] = set()
    texts: list[_Text] = []
    # the title and captions (number 0) name people and venues, but carry no statements
    parts = [] if title_is_derived(article) else [(0, article.title)]
    parts += [(0, caption_text(c)) for c in article.captions]
    parts += [(n, p) for n, p in enumerate(article.paragraphs, 1)]
    for number, paragraph in parts:
        for offset, text in _pieces(paragraph):
            tokens = tokenize(text)
            mentions = find_mentions(text, known, tokens)
            for m in mentions:
                if m.kind == "person" and m.name:
                    known.add(fold(m.name))
                    known.add(fold(m.name.split()[-1]))
            texts.append(_Text(number, text, tokens, mentions, offset))
    return texts


_PIECE = 3000  # characters; news paragraphs run to a few hundred
_PIECE_END = re.compile(r"[.!?…][\"”»)]*\s+")


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """A paragraph, or an over-long one (a file with no paragraph breaks) in pieces of at
    most ``_PIECE`` characters cut after a sentence: reading stays linear in its length."""
    start = 0
    while len(text) - start > _PIECE:
        cut = None
        for m in _PIECE_END.finditer(text, start + _PIECE // 2, start + _PIECE):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", start + 1, start + _PIECE)
            cut = space + 1 if space > start else start + _PIECE
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


class _Extractor:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.texts = _texts(article)
        names = [m.name for t in self.texts for m in t.mentions if m.kind == "person" and m.name]
        self.people = ArticlePeople(names)
        self.mentions_seen: list[tuple[Position, str]] = []  # person canonical names in order
        for t in self.texts:
            for m in t.mentions:
                if m.kind == "person" and m.name:
                    country = m.place.name if m.place and m.place.kind == "country" else None
                    self.people.record(m.name, m.role, m.gender, country)
                    self.mentions_seen.append((t.at(m.start), self.people.canonical(m.name)))
        self.history: list[_Speaker] = []
        self.spoke_at: dict[tuple[str, str], Position] = {}  # where each speaker last spoke
        # people named outside content: (where, canonical name, sentence, is its subject)
        self.named_outside: list[tuple[Position, str, Position, bool]] = []
        self.speaker_last: dict[tuple[str, str], Period] = {}
        self.mention_last: dict[tuple[str, str], Period] = {}
        self.narrative: Period | None = None
        # the latest day the narrative gave, and the latest near the article's own date
        # (a story day, not a recollection): what "cùng ngày" means after a month
        self.narrative_day: Period | None = None
        self.story_day: Period | None = None

    # -- speakers ----------------------------------------------------------------------------

    def person(self, name: str, role: str | None) -> _Speaker:
        canonical = self.people.canonical(name)
        facts = self.people.people.get(canonical)
        role = role or (facts.roles[0] if facts and facts.roles else None)
        return _Speaker(
            ("person", canonical), canonical, "person", role, facts.gender if facts else None
        )

    def resolve(self, m: Mention, at: Position) -> _Speaker | None:
        if m.kind == "person" and m.name:
            return self.person(m.name, m.role)
        if m.kind == "pronoun":
            return self._back_reference(m, at)
        if m.kind == "role" and m.role:
            return self._role(m, at)
        if m.kind == "place" and m.place:
            return _Speaker(
                ("organization", m.place.name), m.place.name, "organization", None, None
            )
        if m.kind == "organization":
            return _Speaker(("organization", fold(m.text)), m.text, "organization", None, None)
        if m.kind == "unnamed":
            return _Speaker(("unnamed", fold(m.text)), m.text, "unnamed", None, None)
        return None

    def _back_reference(self, m: Mention, at: Position) -> _Speaker | None:
        """ "ông"/"bà" → the latest speaker not known to be of the other gender ("bà" prefers
        a woman among the last few speakers); "người này", "quan chức này" → the latest
        speaker of any kind."""
        if m.gender is None:
            return self.history[-1] if self.history else None
        fits = [
            s
            for s in reversed(self.history[-_LOOK_BACK:])
            if s.type == "person" and s.gender in (None, m.gender)
        ][:_RECENT]
        named = self._last_named(m.gender)
        if named is not None and (not fits or named[0] > self.spoke_at.get(fits[0].key, (-1, -1))):
            # "Phó Chủ tịch … Kosachev có giọng điệu cứng rắn hơn. …, ông cho rằng …": the
            # person the previous sentences named, when named after the last speaker spoke
            return self.person(named[1], None)
        if (
            fits
            and fits[0].gender is None
            and self.history
            and fits[0] is self.history[-1]
            and self.spoke_at.get(fits[0].key, (-1, -1))[0] == at[0]
        ):
            # "Người phát ngôn … Mao Ninh nói … . Bà phủ nhận …": the one who just spoke,
            # whose gender the name did not tell, before a woman who spoke earlier
            return fits[0]
        women = [s for s in fits if s.gender == "f"]
        if m.gender == "f" and women:
            return women[0]
        if m.gender == "f":  # a woman named just before, though she has not spoken yet
            for _pos, name in reversed(self.mentions_seen[-_RECENT * 2 :]):
                facts = self.people.people.get(name)
                if facts and facts.gender == "f":
                    return self.person(name, None)
        if fits:
            return fits[0]
        for _pos, name in reversed(self.mentions_seen[-_LOOK_BACK:]):
            facts = self.people.people.get(name)
            if facts and facts.gender in (None, m.gender):
                return self.person(name, None)
        return None

    def _last_named(self, gender: str | None) -> tuple[Position, str] | None:
        """The latest person named outside any quoted or reported content, in an earlier
        sentence, whose gender does not rule them out."""
        found: tuple[Position, str, Position, bool] | None = None
        for entry in reversed(self.named_outside[-_LOOK_BACK:]):
            _at, name, sentence, subject = entry
            if found is not None and sentence != found[2]:
                break
            facts = self.people.people.get(name)
            fits = facts is None or gender is None or facts.gender in (None, gender)
            if fits and (found is None or subject):
                # the latest sentence naming someone who fits: its subject, if it fits,
                # before anyone its clauses name ("X, người đã gặp ông Y, …. Ông nói")
                found = entry
        return (found[0], found[1]) if found is not None else None

    def _last_subject(self) -> str | None:
        """The subject of the latest sentence that named someone, if it had one."""
        if not self.named_outside:
            return None
        sentence = self.named_outside[-1][2]
        for _at, name, where, subject in reversed(self.named_outside[-_LOOK_BACK:]):
            if where != sentence:
                return None
            if subject:
                return name
        return None

    def _role(self, m: Mention, at: Position) -> _Speaker:
        assert m.role is not None
        wanted = role_classes(m.role)
        country = m.place.name if m.place and m.place.kind == "country" else None
        # (same role as written, classes shared, name): the person this very title was
        # given to ("Tổng thư ký NATO"), then the one sharing most classes, then the latest
        best: tuple[bool, int, str] | None = None
        written = fold(m.role)
        subject = self._last_subject()
        if wanted:
            for pos, name in reversed(self.mentions_seen[-_LOOK_BACK:]):
                if pos >= at:
                    continue
                facts = self.people.people[name]
                have = (
                    frozenset().union(*(role_classes(r) for r in facts.roles))
                    if facts.roles
                    else frozenset()
                )
                shared = len(wanted & have)
                if not shared or (country and facts.country and facts.country != country):
                    continue
                same = any(f"{fold(r)} ".startswith(f"{written} ") for r in facts.roles)
                # "Đức Giáo hoàng" is the pope named before, not the president named since;
                # between equals, the previous sentence's subject ("Ngoại trưởng Thổ Nhĩ Kỳ
                # X, người từng chủ trì cuộc gặp giữa Ngoại trưởng Nga Y và … . Ngoại trưởng
                # cho biết": X)
                if (
                    best is None
                    or (same, shared) > best[:2]
                    or ((same, shared) == best[:2] and name == subject)
                ):
                    best = (same, shared, name)
        if best is None and fold(m.role).startswith(vocab().generic_roles):
            # "nữ chính trị gia người Estonia": any person named before who is no head of
            # state and, when the words give a country, not of another one
            for pos, name in reversed(self.mentions_seen[-_LOOK_BACK:]):
                facts = self.people.people[name]
                roles = frozenset().union(*(role_classes(r) for r in facts.roles))
                if (
                    pos < at
                    and "head_of_state" not in roles
                    and not (country and facts.country and facts.country != country)
                ):
                    best = (False, 0, name)
                    break
        if best is None and country:
            # "nhà lãnh đạo Ukraine" when Zelensky was named without a title: the latest
            # person of that country whose role this article does not say
            for pos, name in reversed(self.mentions_seen[-_LOOK_BACK:]):
                facts = self.people.people[name]
                if pos < at and facts.country == country and not facts.roles:
                    best = (False, 0, name)
                    break
        if best is not None:
            return self.person(best[2], None)
        if best is None and tone_key(m.text.split()[-1]) in _DEMONSTRATIVES:
            # "Nhà sử học kiêm chính khách này cho biết": whoever the passage is about
            people = [s for s in reversed(self.history[-_LOOK_BACK:]) if s.type == "person"]
            named = self._last_named(None)
            if named is not None and (
                not people or named[0] > self.spoke_at.get(people[0].key, (-1, -1))
            ):
                return self.person(named[1], None)
            if people:
                return people[0]
        return _Speaker(("unnamed", fold(m.text)), m.text, "unnamed", m.role, None)

    # -- dates -------------------------------------------------------------------------------

    def date_for(
        self, found: Found, outside: list[DateMention], speaker: _Speaker, after_meeting: bool
    ) -> tuple[Period | None, DateSource]:
        dated = [d for d in outside if d.period is not None]
        if dated:
            # the most precise date, then the nearest: "ngày 17/7/2023, …, người … năm 2022,
            # cho biết" was said on 17/7/2023
            best = min(
                dated,
                key=lambda d: (
                    _PRECISION[d.period.precision],  # type: ignore[union-attr]
                    abs(d.start - found.cue_at),
                ),
            )
            return best.period, "text"
        if after_meeting and self.narrative is not None:
            # "Sau cuộc đàm phán, X nói": the talks' day — a day, not a month recalled since
            day = self.narrative if self.narrative.precision == "day" else self.last_day
            return day or self.narrative, "context"
        if speaker.key in self.speaker_last:
            return self.speaker_last[speaker.key], "context"
        if speaker.key in self.mention_last:
            return self.mention_last[speaker.key], "context"
        return (Period.of(self.article.date) if self.article.date else None), "article"

    # -- the article -------------------------------------------------------------------------

    def run(self) -> ArticleFacts:
        facts = ArticleFacts(self.article, people=self.people.people)
        continues = False
        for t in self.texts:
            hits = find_venues(t.tokens, t.mentions)
            if t.number == 0:
                self._events(t, hits, find_dates(t.text, self.article.date), facts)
                continue
            quotes = quote_spans(t.text)
            dates = find_dates(t.text, self.article.date, self.narrative, self.last_day)
            found = find_statements(t.text, t.tokens, t.mentions, quotes, dates, continues)
            sentences = sentence_spans(t.text, quotes)
            for s, e in sentences:
                here = [f for f in found if f.sentence == (s, e)]
                self._sentence(t, (s, e), here, hits, facts, dates)
            continues = bool(found) and bool(sentences) and found[-1].end > sentences[-1][0]
        return facts

    def _sentence(
        self,
        t: _Text,
        sentence: tuple[int, int],
        found: list[Found],
        hits: list[VenueHit],
        facts: ArticleFacts,
        paragraph_dates: list[DateMention],
    ) -> None:
        s, e = sentence
        dates = [d for d in paragraph_dates if s <= d.start < e]
        if any(d.kind in ("anaphoric", "vague") for d in dates):
            # "cùng ngày", "khi đó": resolved against what the text said last, sentence by
            # sentence; other dates read the same wherever they stand
            dates = [
                DateMention(d.start + s, d.end + s, d.period, d.kind)
                for d in find_dates(t.text[s:e], self.article.date, self.narrative, self.last_day)
            ]
        contents = [(f.start, f.end) for f in found]
        outside = [
            d
            for d in dates
            if not any(a <= d.start < b for a, b in contents)
            and not self._future(d)
            and not _background(t, d)
        ]
        spoken = [d for d in outside if not _names_an_event(t, d, s)]
        spoke_here: set[tuple[str, str]] = set()  # speakers this sentence dated already
        for f in found:
            speaker = self._speaker_of(f, t)
            if speaker is None:
                continue
            after_meeting = _at_meeting(t, s, e, contents)
            date, source = self.date_for(f, spoken, speaker, after_meeting)
            if source != "article" and date is not None:
                self.speaker_last[speaker.key] = date
            self.history.append(speaker)
            spoke_here.add(speaker.key)
            self.spoke_at[speaker.key] = t.at(f.cue_at)
            venues = sorted(
                {h.place.name for h in hits if s <= h.start < e}
                | {
                    m.place.name
                    for m in t.mentions
                    if m.kind == "place"
                    and m.place
                    and m.place.kind != "country"
                    and f.start <= m.start < f.end
                }
            )
            mention_text = f.mention.text if f.mention else self._last_mention_text
            cue = f.cue or self._last_cue
            facts.statements.append(
                Statement(
                    id=f"{self.article.id}:{t.number}:{t.offset + f.start}",
                    article=self.article.id,
                    paragraph=t.number,
                    start=t.offset + f.start,
                    end=t.offset + f.end,
                    speaker=speaker.name,
                    speaker_type=speaker.type,
                    speaker_mention=mention_text,
                    role=speaker.role,
                    kind=f.kind,
                    cue=cue,
                    text=t.text[f.start : f.end],
                    date=date,
                    date_source=source,
                    venues=tuple(venues),
                )
            )
            self._last_mention_text, self._last_cue = mention_text, cue
        subject = _subject_of(t, s, e)
        if (
            subject is not None
            and subject.kind == "role"
            and subject.role
            and not any(a <= subject.start < b for a, b in contents)
            and (resolved := self._role(subject, t.at(subject.start))).type == "person"
        ):
            # "ông chủ Nhà Trắng tỏ ra lạc quan. …, ông cho biết": the role names him
            self.named_outside.append((t.at(subject.start), resolved.name, t.at(s), True))
        self.named_outside += [
            (t.at(m.start), self.people.canonical(m.name), t.at(s), m is subject)
            for m in t.mentions
            if m.kind == "person"
            and m.name
            and s <= m.start < e
            and not any(a <= m.start < b for a, b in contents)
        ]
        dated = [d for d in outside if d.period is not None and d.kind != "vague"]
        if any(d.kind != "vague" for d in outside):
            # the latest date the narrative gave, even one this article cannot resolve
            self.narrative = [d for d in outside if d.kind != "vague"][-1].period
        cues = vocab().cues
        cue_starts = cues.starts
        for d in dated:
            assert d.period is not None
            if d.period.precision == "day":
                self.narrative_day = d.period
                if self.article.date is None or (
                    0 <= (self.article.date - d.period.start).days <= _STORY_DAYS
                ):
                    self.story_day = d.period
        if dated:
            said = [d for d in spoken if d.period is not None and d.kind != "vague"]
            own = [d for d in dated if not _in_relative_clause(t, d, s)]
            speaks = any(
                t.tokens[k].key in cue_starts
                and cues.match(t.tokens, k)
                and not any(a <= t.tokens[k].start < b for a, b in contents)
                for k in t.span(s, e)
            )
            for m in t.mentions:
                if (
                    m.kind == "person"
                    and m.name
                    and s <= m.start < e
                    and not any(a <= m.start < b for a, b in contents)
                ):
                    key = ("person", self.people.canonical(m.name))
                    if m is subject and speaks and said and key not in spoke_here:
                        # "Phát biểu tại Phòng Bầu dục cùng ngày, ông X gửi lời cảm ơn …":
                        # the day the text gives for X's words there (not for a meeting)
                        near = min(said, key=lambda d: abs(d.start - m.start))
                        self.speaker_last[key] = near.period  # type: ignore[assignment]
                    if not own:
                        continue  # "X, người tới Jeddah từ hôm qua, …": the clause's day
                    self.mention_last.setdefault(key, own[-1].period)  # type: ignore[arg-type]
                    if key not in self.speaker_last:
                        self.mention_last[key] = own[-1].period  # type: ignore[assignment]
        self._events(t, [h for h in hits if s <= h.start < e], dates, facts, sentence)

    @property
    def last_day(self) -> Period | None:
        return self.story_day or self.narrative_day

    def _future(self, d: DateMention) -> bool:
        """A date after the article's own is a plan ("đến năm 2027"), never when anyone spoke."""
        return bool(self.article.date and d.period and d.period.start > self.article.date)

    _last_mention_text = ""
    _last_cue = ""

    def _speaker_of(self, f: Found, t: _Text) -> _Speaker | None:
        m = f.mention
        if m is None:
            return self.history[-1] if self.history else None
        before = t.tokens[m.first_token - 1] if m.kind == "role" and m.first_token > 0 else None
        if before is not None and (before.key in _PLURAL or before.text.isdigit()):
            # "các nhà lãnh đạo kêu gọi", "25 nhà lãnh đạo": a group, not the last leader named
            return _Speaker(("unnamed", fold(m.text)), m.text, "unnamed", m.role, None)
        return self.resolve(m, t.at(m.start))

    def _events(
        self,
        t: _Text,
        hits: list[VenueHit],
        dates: list[DateMention],
        facts: ArticleFacts,
        sentence: tuple[int, int] | None = None,
    ) -> None:
        quotes = quote_spans(t.text)

        def quoted(pos: int) -> bool:
            return any(q.start <= pos < q.end for q in quotes)

        for h in hits:
            s, e = sentence or (0, len(t.text))
            # a date tells when the meeting was if it stands near the place, on the same side
            # of any quotation mark ("… tại Alaska", ông nói ngày 27/10: not the summit's date)
            dated = [
                d
                for d in dates
                if d.period is not None
                and quoted(d.start) == quoted(h.start)
                and abs(d.start - h.start) <= _EVENT_REACH
            ]
            date = min(dated, key=lambda d: abs(d.start - h.start)).period if dated else None
            event = VenueEvent(self.article.id, t.number, date, t.text[s:e].strip())
            facts.events.append((h.place, h.spelling, event))


def _in_relative_clause(t: _Text, d: DateMention, sentence_start: int) -> bool:
    """The date stands in a relative clause (", người … hôm qua,"), about what it says."""
    k = t.token_at(d.start)
    for back in range(k - 1, 0, -1):
        token = t.tokens[back]
        if token.start < sentence_start or token.text in (".", ";"):
            return False
        if token.text == ",":
            # "người" opening the clause, not "người phát ngôn …" (a role)
            return t.tokens[back + 1].key == _WHO and not any(
                m.first_token == back + 1 for m in t.mentions
            )
    return False


def _subject_of(t: _Text, start: int, end: int) -> Mention | None:
    """The sentence's first person (or role) mention that stands where a subject does: at
    the start, or after a comma closing an opening frame ("Tại cuộc họp, ông X …"), not
    after a verb or a preposition ("… đã gặp ông Y", "Theo phóng viên …")."""
    for m in t.mentions:
        if not start <= m.start < end or m.kind not in ("person", "role"):
            continue
        before = m.first_token - 1
        if before < 0 or t.tokens[before].start < start or t.tokens[before].text in _OPENINGS:
            return m
    return None


def _at_meeting(t: _Text, start: int, end: int, contents: list[tuple[int, int]]) -> bool:
    """Outside what was said, the sentence places the words at the talks ("Sau cuộc đàm
    phán kéo dài hai giờ, …", "nói với phóng viên sau cuộc gặp", "Phát biểu khai mạc, …")."""
    v = vocab()
    frames = v.meeting_frames.starts
    here = t.span(start, end)
    if not any(t.tokens[k].key in frames for k in here):
        return False  # the common case: no frame word in the sentence at all
    tokens = [t.tokens[k] for k in here if not any(a <= t.tokens[k].start < b for a, b in contents)]
    for i in range(len(tokens)):
        if tokens[i].key not in v.meeting_frames.starts:
            continue
        frame = v.meeting_frames.match(tokens, i)
        if frame is None:
            continue
        if frame[1] == "alone":
            return True
        after = i + frame[0]
        if any(v.meeting_words.match(tokens, k) for k in range(after, min(after + 3, len(tokens)))):
            return True
    return False


_EVENT_WORDS_BACK = 4  # "cuộc họp báo thường kỳ ngày 4-12": words from a meeting to its date
_TOPIC = tone_key("về")


def _names_an_event(t: _Text, d: DateMention, sentence_start: int) -> bool:
    """The date says when something the sentence talks about happened, not when anyone
    spoke: it follows a meeting with no frame placing the words at that meeting ("kết quả
    cuộc gặp ngày 2-12, bà X cho biết"; but "tại cuộc họp báo ngày 4-12", "sau hội nghị
    tại Anchorage hôm 15-8"), or it stands in an opening "Về …," topic ("Về cuộc gặp ở
    Geneva hôm 23-11, bà X …")."""
    v = vocab()
    tokens = t.tokens
    k = t.token_at(d.start)
    first = min(t.token_at(sentence_start), k)
    clause = next(
        (j + 1 for j in range(k - 1, first - 1, -1) if tokens[j].text in (",", ":", ";")), first
    )
    if any(
        tokens[j].key == _TOPIC
        and not v.topic_markers.match(tokens, j)
        and not v.places.match(tokens, j + 1)  # "bay về Budapest tối 5/7": a way home
        # a title's "về": "Đặc phái viên … về hợp tác kinh tế … Kirill Dmitriev ngày 26/10"
        and not any(m.first_token < j <= m.last_token and m.role for m in t.mentions)
        for j in range(clause, k)
    ):
        return True  # "Trả lời câu hỏi về cuộc gặp … hôm 28/2, bà X …": what it was about
    places = {
        n for m in t.mentions if m.kind == "place" for n in range(m.first_token, m.last_token)
    }
    counted = 0
    for back in range(k - 1, first - 1, -1):
        token = tokens[back]
        if not token.is_word:
            return False
        # "hội nghị các nhà lãnh đạo ở London hôm 2/3": "ở London" does not count
        if back not in places and not (token.key in _AT_WORDS and back + 1 in places):
            counted += 1
            if counted > _EVENT_WORDS_BACK:
                return False
        meeting = (
            v.meeting_words.match(tokens, back) if token.key in v.meeting_words.starts else None
        )
        if meeting is None or back + meeting[0] > k:
            continue
        j = back  # back to where the meeting's phrase opens ("cuộc họp báo", "hội nghị …")
        while j > first and (
            tokens[j - 1].key in _MEETING_NOUNS
            or (step := v.meeting_words.ending_at(tokens, j, first))
        ):
            j -= 1 if tokens[j - 1].key in _MEETING_NOUNS else step
        framed = any(
            tokens[i].key in _IN or v.meeting_frames.match(tokens, i)
            for i in range(max(first, j - 2), j)
        )
        spoken = any(v.speech_events.match(tokens, i) for i in range(j, k))
        return not (framed or spoken)
    return False


_OPENINGS = frozenset({",", "–", "—", "-", ":"})  # "10h30: Tổng thống X, …": a subject
_MEETING_NOUNS = frozenset(tone_key(w) for w in ("cuộc", "các", "những", "vòng", "buổi"))
_IN = frozenset(tone_key(w) for w in ("trong", "tại"))
_WHO = tone_key("người")
_AT_WORDS = frozenset(tone_key(w) for w in ("tại", "ở"))
_BACKGROUND_REACH = 20  # tokens between "kể từ" and the date it makes background (one clause)


def _background(t: _Text, d: DateMention) -> bool:
    """The date is told as background ("kể từ khi xung đột bùng phát vào tháng 2/2022"),
    not as the time of anything the passage reports."""
    markers = vocab().background_markers
    k = t.token_at(d.start)
    for back in range(k - 1, max(-1, k - 1 - _BACKGROUND_REACH), -1):
        token = t.tokens[back]
        if token.text in (".", ",", ";", ":", "“", "”", '"'):
            return False
        if token.key in markers.starts and markers.match(t.tokens, back):
            return True
    return False


def extract_article(article: Article) -> ArticleFacts:
    return _Extractor(article).run()

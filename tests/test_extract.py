"""The extractor on short articles written for these tests (not the bundled samples)."""

from __future__ import annotations

import pytest

from negotiations_cli.corpus import parse_text
from negotiations_cli.extract import extract_article
from negotiations_cli.extract.mentions import find_mentions
from negotiations_cli.models import Statement


def statements_of(body: str, date: str = "2025-03-20") -> list[Statement]:
    return extract_article(
        parse_text(f" date {date} Ảnh minh họa (Ảnh: AFP).\n\n{body}", "t")
    ).statements


def one(body: str, date: str = "2025-03-20") -> Statement:
    found = statements_of(body, date)
    assert len(found) == 1, [(s.speaker, s.text) for s in found]
    return found[0]


# --- mentions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "name", "role"),
    [
        ("Ngoại trưởng Mỹ Marco Rubio cho biết", "person", "Marco Rubio", "Ngoại trưởng Mỹ"),
        ("Bà Maria Zakharova nói", "person", "Maria Zakharova", None),
        (
            "Người phát ngôn Bộ Ngoại giao Nga – bà Maria Zakharova – nói",
            "person",
            "Maria Zakharova",
            "Người phát ngôn Bộ Ngoại giao Nga",
        ),
        (
            "Cố vấn An ninh Quốc gia Mỹ, ông Mike Waltz, cho biết",
            "person",
            "Mike Waltz",
            "Cố vấn An ninh Quốc gia Mỹ",
        ),
        (
            "Đại sứ Ukraine tại Thổ Nhĩ Kỳ Vasyl Bodnar nói",
            "person",
            "Vasyl Bodnar",
            "Đại sứ Ukraine tại Thổ Nhĩ Kỳ",
        ),
        ("Tổng thống Pu-tin nói", "person", "Pu-tin", "Tổng thống"),
        ("nhà ngoại giao Mỹ nói", "role", None, "nhà ngoại giao Mỹ"),
        ("TS. Nguyễn Văn An cho biết", "person", "Nguyễn Văn An", "TS."),
        ("PGS.TS Lê Thị Hoa nhận định", "person", "Lê Thị Hoa", "PGS.TS"),
        ("bà von der Leyen nói", "person", "von der Leyen", None),
        ("Đại sứ quán Nga tại Mỹ thông báo", "organization", None, None),
        ("một quan chức cấp cao châu Âu tiết lộ", "unnamed", None, None),
    ],
)
def test_first_mention(text: str, kind: str, name: str | None, role: str | None) -> None:
    mention = find_mentions(text)[0]
    assert (mention.kind, mention.name, mention.role) == (kind, name, role)


@pytest.mark.parametrize(
    "text",
    [
        "tại Căn cứ Elmendorf-Richardson ở Anchorage",
        "Theo Reuters, hai bên đã gặp nhau",
        "cuộc gặp thượng đỉnh Nga-Mỹ",
        "Hiệp ước New START và đường ống Nord Stream",
        "Bến xe Miền Đông đông nghẹt",
    ],
)
def test_no_person_in(text: str) -> None:
    assert [m for m in find_mentions(text) if m.kind == "person"] == []


# --- attribution patterns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "kind", "cue", "text"),
    [
        (
            '"Chúng tôi đã sẵn sàng", Ngoại trưởng Mỹ Marco Rubio nói với phóng viên.',
            "Marco Rubio",
            "direct",
            "nói",
            "Chúng tôi đã sẵn sàng",
        ),
        (
            "“Không có giải pháp quân sự” - ông Keith Kellogg nhấn mạnh.",
            "Keith Kellogg",
            "direct",
            "nhấn mạnh",
            "Không có giải pháp quân sự",
        ),
        (
            'Bà Kaja Kallas nói: "Châu Âu phải ngồi vào bàn đàm phán".',
            "Kaja Kallas",
            "direct",
            "nói",
            "Châu Âu phải ngồi vào bàn đàm phán",
        ),
        (
            "Ngoại trưởng Thổ Nhĩ Kỳ Hakan Fidan nhấn mạnh: Ankara sẵn sàng tổ chức vòng mới.",
            "Hakan Fidan",
            "indirect",
            "nhấn mạnh",
            "Ankara sẵn sàng tổ chức vòng mới",
        ),
        (
            "Theo Cố vấn Điện Kremlin Yuri Ushakov, hai bên chưa ấn định ngày gặp.",
            "Yuri Ushakov",
            "indirect",
            "theo",
            "hai bên chưa ấn định ngày gặp",
        ),
        (
            'Theo lời ông Rustem Umerov, phái đoàn "đã làm việc suốt đêm".',
            "Rustem Umerov",
            "mixed",
            "theo",
            'phái đoàn "đã làm việc suốt đêm"',
        ),
        (
            "Các cuộc tiếp xúc sẽ tiếp tục trong tuần tới, ông Kirill Dmitriev tiết lộ.",
            "Kirill Dmitriev",
            "indirect",
            "tiết lộ",
            "Các cuộc tiếp xúc sẽ tiếp tục trong tuần tới",
        ),
        (
            "Ông Andrii Sybiha cho rằng lệnh ngừng bắn phải được giám sát quốc tế.",
            "Andrii Sybiha",
            "indirect",
            "cho rằng",
            "lệnh ngừng bắn phải được giám sát quốc tế",
        ),
        (
            "Phát biểu với kênh CNN, Tổng thống Phần Lan Alexander Stubb nói rằng hòa bình còn xa.",
            "Alexander Stubb",
            "indirect",
            "nói",
            "hòa bình còn xa",
        ),
        (
            "Bộ trưởng Quốc phòng Anh John Healey, người vừa tới Kiev, cho biết London sẽ hỗ trợ.",
            "John Healey",
            "indirect",
            "cho biết",
            "London sẽ hỗ trợ",
        ),
        (
            "Ông Samuel Charap, chuyên gia tại tổ chức RAND (Mỹ), nhận định Kiev cần bảo đảm.",
            "Samuel Charap",
            "indirect",
            "nhận định",
            "Kiev cần bảo đảm",
        ),
        (
            "Bà Kaja Kallas, Đại diện cấp cao về đối ngoại của EU, nhấn mạnh: EU sẵn sàng.",
            "Kaja Kallas",
            "indirect",
            "nhấn mạnh",
            "EU sẵn sàng",
        ),
        (
            "Đại diện cấp cao về chính sách đối ngoại của EU Kaja Kallas cho biết EU sẵn sàng.",
            "Kaja Kallas",
            "indirect",
            "cho biết",
            "EU sẵn sàng",
        ),
        (
            "Phó Tổng thống Mỹ JD Vance hôm thứ Sáu (14/3) cho rằng châu Âu phải chi nhiều hơn.",
            "JD Vance",
            "indirect",
            "cho rằng",
            "châu Âu phải chi nhiều hơn",
        ),
        (
            "Về phía Ukraine, phát biểu sau cuộc hội đàm tại Kiev, Ngoại trưởng Andrii Sybiha "
            "khẳng định Kiev sẽ không nhượng bộ.",
            "Andrii Sybiha",
            "indirect",
            "khẳng định",
            "Kiev sẽ không nhượng bộ",
        ),
        (
            "Nhà nghiên cứu Samuel Charap của Tập đoàn RAND (Mỹ) cho rằng Kiev cần bảo đảm.",
            "Samuel Charap",
            "indirect",
            "cho rằng",
            "Kiev cần bảo đảm",
        ),
        (
            "Nghị sĩ Yaroslav Zhelezniak của đảng Holos cho biết Quốc hội sẽ không phê chuẩn.",
            "Yaroslav Zhelezniak",
            "indirect",
            "cho biết",
            "Quốc hội sẽ không phê chuẩn",
        ),
    ],
)
def test_attribution_patterns(body: str, speaker: str, kind: str, cue: str, text: str) -> None:
    s = one(body)
    assert (s.speaker, s.speaker_type, s.kind, s.cue, s.text) == (
        speaker,
        "person",
        kind,
        cue,
        text,
    )


@pytest.mark.parametrize(
    "body",
    [
        "Theo Reuters, Mỹ đã gửi bản dự thảo mới cho Kiev.",
        "Theo truyền thông Nga, cuộc gặp sẽ diễn ra tại Riyadh.",
        "Theo giới quan sát, đàm phán khó đạt đột phá.",
        "Theo đó, hai bên sẽ trao đổi 500 tù binh.",
        "Theo Điều 5 của Hiệp ước NATO, các thành viên phải hỗ trợ lẫn nhau.",
        "Theo phóng viên TTXVN tại Oasinhtơn, phiên họp kéo dài ba giờ.",
        "Tổng thống Volodymyr Zelensky đã ký sắc lệnh về thành phần phái đoàn.",
        "Bộ trưởng Lục quân Dan Driscoll dẫn đầu phái đoàn tới Kiev.",
        "Tổng thống Donald Trump từng nhiều lần bày tỏ thất vọng trước việc đàm phán bế tắc.",
    ],
)
def test_traps_yield_no_person_statement(body: str) -> None:
    assert [s for s in statements_of(body) if s.speaker_type == "person"] == []


@pytest.mark.parametrize(
    ("body", "speaker", "speaker_type"),
    [
        (
            "Nhà Trắng cho biết Tổng thống Donald Trump sẽ gọi điện cho ông Putin.",
            "Nhà Trắng",
            "organization",
        ),
        (
            "Mátxcơva khẳng định không rút quân khỏi các vùng lãnh thổ mới.",
            "Moscow",
            "organization",
        ),
        (
            "Một nguồn tin thân cận cho hay bản dự thảo gồm 20 điểm.",
            "Một nguồn tin thân cận",
            "unnamed",
        ),
    ],
)
def test_institutions_and_unnamed_sources_are_not_people(
    body: str, speaker: str, speaker_type: str
) -> None:
    s = one(body)
    assert (s.speaker, s.speaker_type) == (speaker, speaker_type)


def test_back_references_resolve_to_the_right_person() -> None:
    body = "\n\n".join(
        [
            "Thứ trưởng Ngoại giao Nga Sergei Ryabkov cho biết Mátxcơva đã nhận được đề xuất.",
            "Ngoại trưởng Mỹ Marco Rubio nói hai bên sẽ gặp lại.",
            '"Chúng tôi chưa trả lời", nhà ngoại giao Nga nói thêm.',
            '"Còn nhiều việc phải làm", ông nói.',
            "Bà Kaja Kallas cho rằng châu Âu phải có mặt.",
            '"Không có gì về Ukraine mà thiếu Ukraine", bà ấy nhấn mạnh.',
        ]
    )
    assert [s.speaker for s in statements_of(body)] == [
        "Sergei Ryabkov",
        "Marco Rubio",
        "Sergei Ryabkov",
        "Sergei Ryabkov",
        "Kaja Kallas",
        "Kaja Kallas",
    ]


def test_unnamed_official_back_reference_stays_unnamed() -> None:
    body = (
        "Một quan chức cấp cao Ukraine tiết lộ Kiev đã nhận được bản dự thảo. "
        "Tuy nhiên, quan chức này khẳng định Kiev không tham gia soạn thảo."
    )
    assert {s.speaker_type for s in statements_of(body)} == {"unnamed"}


def test_a_quote_with_no_verb_continues_the_previous_speaker() -> None:
    body = (
        '"Chúng tôi muốn hòa bình", Tổng thống Pháp Emmanuel Macron nói. '
        '"Nhưng không phải bằng mọi giá."\n\n'
        '"Châu Âu sẽ đứng cùng Kiev."'
    )
    found = statements_of(body)
    # in one paragraph the two quotations are one statement, like a split quote; the next
    # paragraph's quotation is a statement of its own, by the same speaker
    assert [s.speaker for s in found] == ["Emmanuel Macron"] * 2
    assert found[0].text.startswith("Chúng tôi muốn hòa bình")
    assert found[0].text.endswith("Nhưng không phải bằng mọi giá")
    assert found[0].kind == "direct"
    assert found[1].text == "Châu Âu sẽ đứng cùng Kiev"


def test_a_quote_that_names_someone_else_keeps_its_speaker() -> None:
    s = one('"Tổng thống Trump nói rằng ông muốn gặp sớm", ông Yuri Ushakov cho biết.')
    assert s.speaker == "Yuri Ushakov"


# --- statement dates --------------------------------------------------------------------------


def test_statement_dates_text_context_article() -> None:
    body = "\n\n".join(
        [
            'Ông Yuri Ushakov ngày 14/3 nói: "Cuộc gặp rất hữu ích".',
            "Ông Ushakov cũng cho biết bản ghi nhớ sẽ được ký vào ngày 1/4.",
            "Ngoại trưởng Mỹ Marco Rubio cho biết Mỹ chờ phản hồi.",
            "Tháng trước, bà Kaja Kallas nói châu Âu sẵn sàng.",
        ]
    )
    got = [(s.speaker, str(s.date), s.date_source) for s in statements_of(body)]
    assert got == [
        ("Yuri Ushakov", "2025-03-14", "text"),
        ("Yuri Ushakov", "2025-03-14", "context"),  # 1/4 is inside the content
        ("Marco Rubio", "2025-03-20", "article"),
        ("Kaja Kallas", "2025-02", "text"),
    ]


def test_undated_article_gives_null_dates_unless_the_text_has_a_year() -> None:
    article = parse_text(
        "Tiêu đề\n\nAn Nhiên |\n\n"
        "Ông Yuri Ushakov cho biết hai bên sẽ gặp lại.\n\n"
        "Ngày 3 tháng 4 năm 2025, Ngoại trưởng Mỹ Marco Rubio nói Mỹ sẵn sàng.",
        "u",
    )
    found = extract_article(article).statements
    assert [(s.speaker, s.date.iso() if s.date else None, s.date_source) for s in found] == [
        ("Yuri Ushakov", None, "article"),
        ("Marco Rubio", "2025-04-03", "text"),
    ]


# --- venues and people --------------------------------------------------------------------------


def test_venues_need_a_meeting_and_skip_country_appositions() -> None:
    article = parse_text(
        " date 2025-03-20 Phái đoàn hai nước tại Jeddah (Ảnh: Reuters).\n\n"
        "Hai bên đàm phán tại Jeddah, Ả Rập Xê Út, hôm 11/3.\n\n"
        "Theo phóng viên TTXVN tại Mátxcơva, Nga chưa bình luận.\n\n"
        "Các nhà lãnh đạo có thể gặp nhau ở Giơnevơ vào tháng tới.\n\n"
        "Ông Rubio sau đó bay về Oasinhtơn.",
        "v",
    )
    facts = extract_article(article)
    assert facts.venues == ["Geneva", "Jeddah"]
    dates = [str(e.date) for p, _s, e in facts.events if p.name == "Jeddah" and e.paragraph == 1]
    assert dates == ["2025-03-11"]


def test_people_merge_surnames_and_spellings_within_an_article() -> None:
    article = parse_text(
        " date 2025-03-20 Dẫn.\n\n"
        "Tổng thống Volodymyr Zelenskyy gặp Chánh văn phòng Andrii Yermak.\n\n"
        "Ông Zelensky nói ông Yermak sẽ dẫn đầu phái đoàn.",
        "p",
    )
    assert sorted(extract_article(article).people) == ["Andriy Yermak", "Volodymyr Zelensky"]


def test_a_quote_split_around_the_speaker_is_one_statement_by_them() -> None:
    s = one('"Chúng tôi muốn hòa bình", ông Yuri Ushakov nói, "nhưng không vội".')
    assert (s.speaker, s.kind) == ("Yuri Ushakov", "direct")
    assert s.text.startswith("Chúng tôi muốn hòa bình") and s.text.endswith("nhưng không vội")


@pytest.mark.parametrize(
    "body",
    [
        'Hãng TASS dẫn lời ông Yuri Ushakov: "Cuộc gặp rất hữu ích".',
        "Hãng TASS dẫn lời ông Yuri Ushakov cho biết cuộc gặp rất hữu ích.",
    ],
)
def test_the_agency_quoting_someone_is_not_the_speaker(body: str) -> None:
    s = one(body)
    assert (s.speaker, s.text.lower()) == ("Yuri Ushakov", "cuộc gặp rất hữu ích")


def test_interview_answers_are_the_speakers_words() -> None:
    body = "\n\n".join(
        [
            "Phóng viên đã phỏng vấn ông Oleksandr Merezhko, nghị sĩ Ukraine.",
            "PV: Châu Âu nên làm gì?",
            "Ông Merezhko: Châu Âu phải ngồi vào bàn đàm phán. Không thể khác.",
        ]
    )
    s = one(body)
    assert (s.speaker, s.kind, s.text) == (
        "Oleksandr Merezhko",
        "direct",
        "Châu Âu phải ngồi vào bàn đàm phán. Không thể khác",
    )


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Pê-xcốp", "Dmitry Peskov"),
        ("V. Dê-len-xki", "Volodymyr Zelensky"),
        ("R.T. Ê-rơ-đô-gan", "Recep Tayyip Erdogan"),
        ("Ra-pha-en Gờ-rô-xi", "Rafael Grossi"),
        ("Xéc-gây Láp-rốp", "Sergei Lavrov"),
        ("Giôn Xmít", None),  # sounds like nobody the lexicon knows
    ],
)
def test_transliterations_find_well_known_people(name: str, canonical: str | None) -> None:
    from negotiations_cli.extract.people import lexicon_name

    assert lexicon_name(name) == canonical


def test_people_without_accents_and_with_likely_gender() -> None:
    body = "\n\n".join(
        [
            "Thủ tướng Tây Ban Nha Pedro Sánchez cho biết Madrid sẵn sàng.",
            "Thượng nghị sĩ Jeanne Shaheen, thành viên Ủy ban Đối ngoại, cảnh báo viện trợ cạn.",
            "Hạ nghị sĩ Brian Fitzpatrick nói dự luật phải được bỏ phiếu.",
            '"Không thể chờ thêm", bà nói.',
        ]
    )
    assert [s.speaker for s in statements_of(body)] == [
        "Pedro Sanchez",
        "Jeanne Shaheen",
        "Brian Fitzpatrick",
        "Jeanne Shaheen",
    ]


def test_places_match_with_or_without_hyphens() -> None:
    article = parse_text(
        " date 2025-03-20 Dẫn.\n\nHai bên đàm phán tại Da-pô-rô-giê về nhà máy.", "x"
    )
    facts = extract_article(article)
    assert facts.venues == ["Zaporizhzhia"] and facts.people == {}


def test_frames_and_affiliations_between_speaker_and_verb() -> None:
    body = "\n\n".join(
        [
            "Người phát ngôn Bộ Ngoại giao Trung Quốc Quách Gia Côn tại cuộc họp báo chiều 2/3 "
            "khẳng định Bắc Kinh không cung cấp vũ khí.",
            "Ngoại trưởng Marco Rubio, trả lời chất vấn của các nghị sĩ ngày 5/3, thừa nhận "
            "các lệnh trừng phạt có thể phản tác dụng.",
        ]
    )
    found = statements_of(body)
    assert [(s.speaker, str(s.date)) for s in found] == [
        ("Guo Jiakun", "2025-03-02"),
        ("Marco Rubio", "2025-03-05"),
    ]


def test_ong_refers_to_the_person_just_named() -> None:
    body = "\n\n".join(
        [
            'Người phát ngôn Điện Kremlin Dmitry Peskov nói: "Chúng tôi chờ phản hồi".',
            "Phó Chủ tịch Hội đồng Liên bang Nga Konstantin Kosachev có giọng điệu cứng rắn hơn. "
            "Viết trên Telegram, ông cho rằng mọi thỏa thuận phải theo điều kiện của Nga.",
        ]
    )
    assert [s.speaker for s in statements_of(body)] == ["Dmitry Peskov", "Konstantin Kosachev"]


def test_negated_verbs_and_second_verbs() -> None:
    body = "\n\n".join(
        [
            "Ngoại trưởng Ả Rập Xê Út, Hoàng tử Faisal bin Farhan, không phát biểu trước báo giới.",
            '"Đã đến lúc ngừng bắn", ông Scott Bessent nói, đồng thời cảnh báo Mỹ sẵn sàng.',
        ]
    )
    # one speaker, one sentence, one statement: the quotation and what he went on to say
    (found,) = statements_of(body)
    assert found.speaker == "Scott Bessent" and found.kind == "mixed"
    assert found.text.startswith("Đã đến lúc ngừng bắn") and found.text.endswith("Mỹ sẵn sàng")


def test_apposition_with_its_own_commas() -> None:
    s = one(
        "Phát biểu sau cuộc gặp, ông Vladimir Medinsky - trợ lý Tổng thống Nga, trưởng phái "
        "đoàn Matxcơva - cho biết hai bên sẽ trao đổi thêm tù binh."
    )
    assert (s.speaker, s.text) == ("Vladimir Medinsky", "hai bên sẽ trao đổi thêm tù binh")


@pytest.mark.parametrize(
    ("body", "venues"),
    [
        ("Lễ ký các văn kiện đã diễn ra tại I-xtan-bun.", ["Istanbul"]),
        ("Thỏa thuận đạt được tại Alaska mở đường cho hòa bình.", ["Alaska"]),
        ("Ông Driscoll có mặt ở Abu Dhabi để tiếp xúc với phái đoàn Nga.", ["Abu Dhabi"]),
        ("Hai bên chưa đạt thỏa thuận chấm dứt cuộc xung đột ở Ukraine.", []),
        ("Ông nói cuộc gặp có thể mở đường cho hòa bình ở Ukraine.", []),
        ("Vòng đàm phán hòa bình tại I-xtan-bun kéo dài ba giờ.", ["Istanbul"]),
        ("Ý tưởng về cuộc gặp thượng đỉnh tại thủ đô Hungary xuất hiện hôm qua.", ["Budapest"]),
        ("Nga phản đối triển khai quân đội nước ngoài tại Ukraine sau khi đàm phán.", []),
        ("Điều hai bên đã thống nhất tại Alaska vẫn còn nguyên giá trị.", ["Alaska"]),
        ("Ông Putin đề xuất Mátxcơva làm địa điểm cho cuộc gặp ba bên.", ["Moscow"]),
        ("Các cuộc gặp ở Riyadh và Jeddah hồi đầu năm cho thấy điều đó.", ["Jeddah", "Riyadh"]),
        ("Kênh đàm phán Istanbul và Mátxcơva sẵn sàng đối thoại.", ["Istanbul"]),
        (
            "Các vòng đàm phán từ I-xtan-bun đến Alaska chưa mở ra lối thoát.",
            ["Alaska", "Istanbul"],
        ),
        ("Từ Mátxcơva, ông Ryabkov nói đàm phán sẽ tiếp tục.", []),
        ("Ông hội đàm với người đồng cấp Ba Lan tại Kiev hôm 27/11.", ["Kyiv"]),
        ("Đại sứ Mỹ tại Kiev cho biết các cuộc đàm phán vẫn tiếp tục.", []),
        ("Các cuộc tiếp xúc có thể nối lại tại một nước trung lập như Doha.", ["Doha"]),
        (
            "Chuỗi cuộc họp đi từ Riyadh (tháng 2), Jeddah (tháng 3) tới Geneva (tháng 11).",
            ["Geneva", "Jeddah", "Riyadh"],
        ),
        ("Ông Vance có cuộc gặp tại Hội nghị An ninh Munich (MSC).", ["Munich"]),
        ("Ông Ushakov đã tiếp Hồng y Zuppi tại Mátxcơva hôm 28/6.", ["Moscow"]),
        ("Kiev đang chờ Washington chuyển tiếp thư tới Mátxcơva.", []),
        ("Thượng đỉnh giữa Tổng thống V. Pu-tin và ông Trump tại Bu-đa-pét.", ["Budapest"]),
        ("Hội nghị các nhà lãnh đạo ở London hôm 2/3 bàn về Ukraine.", ["London"]),
        ("Ông Zelensky tới Washington để hội đàm với ông Trump tại Nhà Trắng.", ["Washington"]),
        ("Ông Zelensky phát biểu trong cuộc họp báo tại Kiev hôm 25/3.", []),
        (
            "Phát biểu tại cuộc họp báo ở Tehran, sau cuộc gặp thượng đỉnh, ông Putin nói.",
            ["Tehran"],
        ),
        (
            "Ngày 17/6, tại thành phố Saint Petersburg, Tổng thống Putin đã tiếp phái đoàn.",
            ["Saint Petersburg"],
        ),
        ("Tại Washington, bà Leavitt cho biết vòng đàm phán ở Florida diễn ra tốt.", ["Florida"]),
        ("Ông Trump Jr. phát biểu tại Diễn đàn Doha hôm thứ Bảy.", []),
        (
            "Các vòng tham vấn tại Copenhagen tháng 6.2023, Jeddah tháng 8.2023 và Malta.",
            ["Copenhagen", "Jeddah", "Malta"],
        ),
        ("Ông nói cuộc điện đàm phục vụ mục tiêu trước cuộc bầu cử sớm ở Đức.", []),
        ("Một ngày sau, Tổng thống Volodymyr Zelensky tới Nhà Trắng.", ["Washington"]),
        ("Các thượng nghị sĩ gửi một tín hiệu sai lầm tới Điện Kremlin.", []),
        ("Ông Putin đã mời ông Trump tới thăm Mátxcơva.", ["Moscow"]),
        ("Hai tuần trước, tại Jeddah, hai phái đoàn đã ra tuyên bố chung.", ["Jeddah"]),
        (
            "Ông đề xuất Istanbul, Vatican hoặc Geneva làm địa điểm.",
            ["Geneva", "Istanbul", "Vatican"],
        ),
        ("Viện đã thăm dò dư luận ở Moskva.", []),
    ],
)
def test_venue_phrasings(body: str, venues: list[str]) -> None:
    assert extract_article(parse_text(f" date 2025-03-20 Dẫn.\n\n{body}", "v")).venues == venues


def test_a_paragraph_of_any_length_is_read_whole_with_offsets_into_it() -> None:
    # A file without paragraph breaks: one paragraph of 150 sentences, read in pieces.
    sentences = [
        f'Ông Dmitry Peskov nói: "Nga sẵn sàng cho vòng {i}". Các bên gặp nhau tại Istanbul.'
        for i in range(150)
    ]
    paragraph = " ".join(sentences)
    article = parse_text(" date 2025-11-12 Dài.\n\n" + paragraph, "long")
    assert len(article.paragraphs[-1]) > 3 * 3000
    facts = extract_article(article)
    found = [s for s in facts.statements if s.paragraph == len(article.paragraphs)]
    assert [s.text for s in found] == [f"Nga sẵn sàng cho vòng {i}" for i in range(150)]
    assert all(paragraph[s.start : s.end] == s.text for s in found)
    assert {s.speaker for s in found} == {"Dmitry Peskov"}


def test_an_institution_does_not_swallow_the_title_of_the_person_after_it() -> None:
    found = find_mentions("Phái đoàn Mỹ do Ngoại trưởng Marco Rubio dẫn đầu đã tới Geneva.")
    assert [(m.kind, m.name, m.role) for m in found][:2] == [
        ("organization", None, None),
        ("person", "Marco Rubio", "Ngoại trưởng"),
    ]


@pytest.mark.parametrize(
    ("role", "classes"),
    [
        ("Phó Tổng thống Mỹ", {"vice_president"}),
        ("Thủ tướng Anh", {"prime_minister", "leader"}),
        ("Phó Ngoại trưởng", {"deputy_minister", "diplomat"}),
        ("Bộ trưởng Ngoại giao Nga", {"foreign_minister", "diplomat", "minister"}),
    ],
)
def test_a_keyword_inside_a_whole_title_is_not_a_class_of_its_own(
    role: str, classes: set[str]
) -> None:
    from negotiations_cli.extract.roles import role_classes

    assert role_classes(role) == classes


def test_a_role_back_reference_prefers_the_person_sharing_most_classes() -> None:
    body = (
        "Giáo hoàng Leo XIV tiếp Tổng thống Ukraine Volodymyr Zelensky tại Vatican.\n\n"
        "Phó Tổng thống Mỹ JD Vance cũng có mặt trong buổi lễ.\n\n"
        '"Hòa bình luôn là điều có thể", Đức Giáo hoàng phát biểu.'
    )
    (said,) = [s for s in statements_of(body) if s.cue == "phát biểu"]
    assert "Leo XIV" in said.speaker


def test_a_generic_role_resolves_within_its_country() -> None:
    body = (
        "Ngoại trưởng Estonia Margus Tsahkna và Ngoại trưởng Pháp Jean-Noël Barrot họp báo "
        "tại Tallinn.\n\n"
        '"Chúng ta không được nhượng bộ", chính trị gia người Estonia nói.'
    )
    (said,) = [s for s in statements_of(body) if s.text.startswith("Chúng ta")]
    assert said.speaker == "Margus Tsahkna"


def test_a_weak_cue_closing_a_quoted_sentence_reports_the_quotation() -> None:
    s = one('"Chúng tôi sẵn sàng làm trung gian", bà Giorgia Meloni bày tỏ.')
    assert (s.speaker, s.kind, s.cue, s.text) == (
        "Giorgia Meloni",
        "direct",
        "bày tỏ",
        "Chúng tôi sẵn sàng làm trung gian",
    )


def test_a_background_date_dates_neither_the_narrative_nor_a_statement() -> None:
    body = (
        "Ngày 18/2, phái đoàn Nga và Mỹ đàm phán tại Riyadh, lần đầu tiên kể từ khi xung "
        "đột bùng phát vào tháng 2/2022.\n\n"
        '"Chúng tôi đã nhất trí về bốn nguyên tắc", Ngoại trưởng Mỹ Marco Rubio nói với các '
        "phóng viên sau cuộc gặp."
    )
    (said,) = statements_of(body, date="2025-02-19")
    assert (said.speaker, str(said.date), said.date_source) == (
        "Marco Rubio",
        "2025-02-18",
        "context",
    )


def test_a_statement_at_the_opening_of_the_talks_takes_their_date() -> None:
    body = (
        "Phái đoàn Nga và Ukraine ngày 29/3 đã gặp nhau tại Istanbul.\n\n"
        "Phát biểu khai mạc, Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan kêu gọi hai bên "
        "sớm chấm dứt xung đột."
    )
    (said,) = statements_of(body, date="2022-03-30")
    assert (str(said.date), said.date_source) == ("2022-03-29", "context")


def test_an_office_named_with_its_holder_is_the_speaker() -> None:
    (said,) = statements_of(
        "Văn phòng Thủ tướng Israel Benjamin Netanyahu cho biết phái đoàn sẽ tới Doha."
    )
    assert (said.speaker_type, said.speaker) == (
        "organization",
        "Văn phòng Thủ tướng Israel Benjamin Netanyahu",
    )


def test_a_described_role_with_a_demonstrative_refers_back() -> None:
    body = (
        "Ngoại trưởng Nga Sergei Lavrov gặp người đồng cấp Thổ Nhĩ Kỳ tại Antalya.\n\n"
        '"Chúng tôi đã nghe thấy nhau", nhà ngoại giao kỳ cựu này nói.'
    )
    (said,) = statements_of(body)
    assert (said.speaker, said.speaker_mention) == ("Sergei Lavrov", "nhà ngoại giao kỳ cựu này")


def test_a_role_qualified_by_an_institution_takes_its_country() -> None:
    body = (
        "Tổng thống Mỹ Donald Trump và Tổng thống Nga Vladimir Putin đã điện đàm hôm 16/3. "
        '"Cuộc điện đàm rất tốt", người đứng đầu Nhà Trắng viết trên mạng xã hội. '
        "Ông chủ Điện Kremlin thì cho biết mọi việc còn phải bàn thêm."
    )
    assert [s.speaker for s in statements_of(body)] == ["Donald Trump", "Vladimir Putin"]


def test_a_relative_clause_naming_someone_else_does_not_take_the_verb() -> None:
    body = (
        "Ngoại trưởng Anh David Lammy, người dự họp cùng ông Jean-Noël Barrot – Ngoại "
        "trưởng Pháp, nói rằng châu Âu sẽ tiếp tục hỗ trợ Kiev."
    )
    assert one(body).speaker == "David Lammy"


def test_ong_prefers_the_subject_over_a_person_its_clause_names() -> None:
    body = (
        "Cố vấn an ninh quốc gia Mỹ Mike Waltz, người đã gặp ông Sergei Lavrov tại Riyadh, "
        "tỏ ra lạc quan. Trong cuộc phỏng vấn với CBS, ông nói hai bên đã đạt được "
        "tiến bộ đáng kể."
    )
    assert one(body).speaker == "Mike Waltz"


def test_a_role_subject_is_the_person_ong_refers_to() -> None:
    body = (
        "Tổng thống Mỹ Donald Trump và Tổng thống Ukraine Volodymyr Zelensky điện đàm "
        "hôm 15/3. Sau đó, Thủ tướng Anh Keir Starmer gọi điện cho Tổng thống "
        "Phần Lan Alexander Stubb. Bên kia bờ Đại Tây Dương, ông chủ Nhà Trắng "
        "tỏ ra lạc quan. Trả lời báo giới tối cùng ngày, ông cho biết một thỏa thuận đã "
        "ở rất gần."
    )
    assert one(body).speaker == "Donald Trump"


def test_any_described_person_with_a_demonstrative_refers_back() -> None:
    body = (
        "Trả lời phỏng vấn kênh RBC, Chủ tịch Duma Quốc gia Nga Vyacheslav Volodin nói Nga "
        "sẵn sàng đối thoại. Chính khách kỳ cựu này cũng cho biết Duma sẽ xem xét văn kiện "
        "trong tháng tới."
    )
    assert [s.speaker for s in statements_of(body)] == ["Vyacheslav Volodin"] * 2


@pytest.mark.parametrize(
    "body",
    [
        "Thủ tướng Ba Lan Donald Tusk nhanh chóng lên tiếng hoan nghênh.",
        "Tổng thống Pháp Emmanuel Macron cũng lên tiếng chúc mừng hai bên.",
    ],
)
def test_speaking_up_without_content_is_no_statement(body: str) -> None:
    assert statements_of(body) == []


def test_a_plural_role_is_a_group_not_the_last_person_of_that_role() -> None:
    body = (
        "Thủ tướng Ba Lan Donald Tusk và Thủ tướng Anh Keir Starmer tới Kiev hôm 10/3. "
        "Trong tuyên bố chung, các nhà lãnh đạo kêu gọi Nga chấp nhận ngừng bắn 30 ngày."
    )
    found = statements_of(body)
    assert [s.speaker_type for s in found] == ["unnamed"]


def test_two_titles_joined_by_a_comma_are_both_the_role() -> None:
    body = (
        "Trợ lý Tổng thống Nga, Trưởng phái đoàn đàm phán Vladimir Medinsky có mặt tại "
        "Istanbul hôm 16/5. Người đứng đầu phái đoàn Nga cho biết Moskva hài lòng."
    )
    assert one(body).speaker == "Vladimir Medinsky"


def test_same_day_after_a_recollection_is_the_story_day() -> None:
    found = statements_of(
        "Ngày 17/3, Người phát ngôn Điện Kremlin Dmitry Peskov nói Nga chưa nhận được đề xuất.\n\n"
        "Thỏa thuận được ký tại Istanbul ngày 22-7-2022 và được gia hạn lần gần nhất vào "
        "tháng 11 năm ngoái.\n\n"
        "Cùng ngày, Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova cho biết Moskva đã "
        "thông báo cho các bên.",
        date="2025-03-18",
    )
    assert [(s.speaker, str(s.date)) for s in found] == [
        ("Dmitry Peskov", "2025-03-17"),
        ("Maria Zakharova", "2025-03-17"),
    ]


def test_a_meeting_date_is_not_when_its_reporter_spoke() -> None:
    found = statements_of(
        "Tại cuộc họp báo hôm 6/3, Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova trả lời "
        "nhiều câu hỏi về tiến trình đàm phán.\n\n"
        "Trả lời câu hỏi về kết quả cuộc gặp ngày 4/3, bà Zakharova cho biết cuộc trao đổi "
        "là hữu ích.\n\n"
        "Về cuộc tiếp xúc ở Geneva hôm 2/3, bà nói Nga không được hỏi ý kiến.",
        date="2025-03-07",
    )
    assert [str(s.date) for s in found] == ["2025-03-06", "2025-03-06"]


def test_the_day_given_for_a_speakers_words_dates_what_follows() -> None:
    found = statements_of(
        "Ngày 14/2, Tổng thống Ukraine Volodymyr Zelensky nói Kiev cần bảo đảm an ninh.\n\n"
        "Phát biểu tại Munich ngày 15/2, ông Zelensky cảm ơn các đồng minh. Nhà lãnh đạo "
        "Ukraine cho biết Kiev sẵn sàng cho một cuộc gặp ba bên.",
        date="2025-02-16",
    )
    assert [str(s.date) for s in found] == ["2025-02-14", "2025-02-15"]


def test_a_passive_quote_of_an_agency_keeps_the_speaker() -> None:
    body = (
        "Ngoại trưởng Ukraine Andrii Sybiha được hãng thông tấn Ukrinform dẫn lời cho biết "
        "Kiev sẵn sàng cho vòng đàm phán mới."
    )
    assert one(body).speaker == "Andrii Sybiha"


def test_an_abbreviated_company_in_an_apposition_does_not_speak() -> None:
    body = (
        '"Đàm phán sẽ kéo dài", ông Samuel Charap, nhà nghiên cứu của công ty tư vấn '
        "R.Politik, viết trên mạng xã hội X."
    )
    assert one(body).speaker == "Samuel Charap"


def test_a_timestamped_update_opens_with_its_subject() -> None:
    body = (
        "10h30: Ngoại trưởng Mỹ Marco Rubio, người đã gặp Thái tử Mohammed bin Salman từ hôm "
        'qua, sẽ dẫn đầu phái đoàn. "Chúng tôi tới đây để lắng nghe", ông viết trên X.'
    )
    assert one(body).speaker == "Marco Rubio"


def test_a_woman_described_after_her_quotation_speaks() -> None:
    body = (
        "Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova chủ trì họp báo hôm 5/3. "
        '"Paris nói về hòa bình vào buổi sáng", nữ phát ngôn viên bình luận.'
    )
    assert one(body).speaker == "Maria Zakharova"


def test_a_date_in_what_the_question_was_about_is_not_when_she_answered() -> None:
    found = statements_of(
        "Phát biểu tại cuộc họp báo hôm thứ Tư (5/3), Người phát ngôn Bộ Ngoại giao Nga "
        "Maria Zakharova cho biết Moskva sẵn sàng đối thoại.\n\n"
        "Trả lời câu hỏi về cuộc gặp giữa hai tổng thống tại Nhà Trắng hôm 28/2, nữ phát "
        "ngôn viên nhận định đó là một thất bại.",
        date="2025-03-07",
    )
    assert [str(s.date) for s in found] == ["2025-03-05", "2025-03-05"]


def test_the_country_in_a_title_is_not_part_of_the_name() -> None:
    body = "Tổng thống Senegal Macky Sall nói châu Phi muốn hòa bình."
    assert one(body).speaker == "Macky Sall"


def test_a_participle_between_commas_frames_the_report() -> None:
    body = (
        "Một ngày trước hội nghị, ông Vladimir Putin, phát biểu tại trụ sở Bộ Ngoại giao Nga "
        "ở Moskva, tuyên bố Nga sẵn sàng ngừng bắn."
    )
    found = one(body)
    assert found.speaker == "Vladimir Putin" and found.cue == "tuyên bố"


def test_an_institution_telling_what_a_named_person_said_leaves_it_to_them() -> None:
    body = "Theo Bộ Ngoại giao Mỹ, ông Marco Rubio khẳng định Mỹ muốn thấy kết quả."
    assert one(body).speaker == "Marco Rubio"


def test_a_request_and_a_second_verb_are_one_report() -> None:
    body = (
        "Ngoại trưởng Mỹ Marco Rubio yêu cầu Moskva đưa ra lộ trình cụ thể, đồng thời nhắc lại "
        'rằng Mỹ "muốn thấy kết quả".'
    )
    found = one(body)
    assert found.text.startswith("Moskva đưa ra lộ trình") and found.cue == "yêu cầu"


@pytest.mark.parametrize(
    "body",
    [
        "Bộ trưởng Quốc phòng Mỹ Pete Hegseth phát biểu về tương lai của NATO tại Brussels.",
        "Ông Rafael Grossi, Tổng giám đốc IAEA, đưa ra nhận định này trong cuộc phỏng vấn.",
    ],
)
def test_speaking_about_a_topic_or_of_this_assessment_says_nothing(body: str) -> None:
    assert [s for s in statements_of(body) if s.speaker_type == "person"] == []


def test_an_age_or_an_epithet_between_a_role_and_its_verb() -> None:
    found = statements_of(
        "Tổng thống Mỹ Donald Trump gặp Ngoại trưởng Nga Sergei Lavrov hôm 10/3. "
        '"Chúng tôi muốn hòa bình", nhà lãnh đạo 79 tuổi nói. '
        '"Moskva chưa vội", nhà ngoại giao kỳ cựu nói.'
    )
    assert [s.speaker for s in found] == ["Donald Trump", "Sergei Lavrov"]


def test_the_same_title_given_before_wins_over_shared_classes() -> None:
    found = statements_of(
        "Tổng thư ký NATO Mark Rutte gặp Tổng thống Mỹ Donald Trump hôm 14/7. "
        "Tổng thư ký NATO cho biết các đồng minh sẵn sàng mua vũ khí."
    )
    assert [s.speaker for s in found] == ["Mark Rutte"]


def test_a_namesake_with_other_given_names_is_another_person() -> None:
    found = statements_of(
        "Ngoại trưởng Ukraine Dmytro Kuleba gặp báo giới hôm 10/3. Người đứng đầu Chính quyền "
        "quân sự tỉnh Kiev Oleksiy Kuleba cho biết việc sơ tán vẫn tiếp tục."
    )
    assert [s.speaker for s in found] == ["Oleksiy Kuleba"]


def test_a_name_suffix_and_a_possessive_role() -> None:
    body = (
        "Con trai cả của ông chủ Nhà Trắng, Donald Trump Jr., phát biểu tại Diễn đàn Doha, cho "
        'rằng cha mình "không có nghĩa vụ" can thiệp.'
    )
    found = one(body)
    assert found.speaker == "Donald Trump Jr." and found.role is None


def test_a_stroke_letter_folds_to_its_base() -> None:
    from negotiations_cli.text import fold

    assert fold("Radosław Støre") == "radoslaw store"


def test_a_short_quoted_name_inside_an_apposition() -> None:
    body = (
        "Tổng thống Pháp Emmanuel Macron hối thúc Nga chấp nhận đề xuất, trong khi Thủ tướng "
        'Anh Keir Starmer, người chủ trì cuộc họp của "liên minh tự nguyện" hôm 15/3, cảnh báo '
        'ông Putin "không thể vừa nói hòa bình vừa ném bom".'
    )
    assert [s.speaker for s in statements_of(body)] == ["Emmanuel Macron", "Keir Starmer"]


def test_a_time_phrase_between_subject_and_a_plain_report() -> None:
    body = (
        "Tổng thống Volodymyr Zelensky ngay trong ngày diễn ra cuộc điện đàm nói rằng cuộc gọi "
        "chỉ giúp Moskva thoát khỏi cô lập."
    )
    assert one(body).speaker == "Volodymyr Zelensky"


def test_a_vietnamese_expert_after_a_description() -> None:
    body = (
        'Nhà nghiên cứu quan hệ quốc tế Phan Thị Ngọc Lam đánh giá Jeddah là "phép thử" cho Kiev.'
    )
    assert one(body).speaker == "Phan Thị Ngọc Lam"


def test_a_closing_time_clause_dates_the_words() -> None:
    body = (
        "Tổng thống Mỹ Donald Trump tuyên bố Ukraine có thể giành lại lãnh thổ, chỉ vài giờ "
        "sau cuộc gặp với ông Zelensky hôm 23/9."
    )
    found = one(body, date="2025-09-25")
    assert str(found.date) == "2025-09-23" and not found.text.endswith("23/9")


def test_a_day_after_an_event_is_the_day_already_given() -> None:
    found = statements_of(
        "Giáo hoàng Leo XIV ngày 20/5 tái khẳng định Tòa thánh sẵn sàng đón tiếp các bên, một "
        "ngày sau cuộc điện đàm giữa hai tổng thống.\n\n"
        "Tối cùng ngày, Thủ tướng Italy Giorgia Meloni cho biết bà đã điện đàm với Giáo hoàng.",
        date="2025-05-21",
    )
    assert [str(s.date) for s in found] == ["2025-05-20", "2025-05-20"]


def test_a_relative_clause_date_does_not_date_the_person() -> None:
    found = statements_of(
        "Ngày 11/3, phái đoàn hai nước gặp nhau tại Jeddah.\n\n"
        "Tổng thống Ukraine Volodymyr Zelensky, người tới Jeddah từ hôm qua, sẽ không dự họp. "
        '"Phái đoàn của chúng tôi có đủ thẩm quyền", ông viết.',
        date="2025-03-11",
    )
    assert [str(s.date) for s in found] == ["2025-03-11"]


def test_a_suffixed_surname_is_the_suffixed_name_before() -> None:
    found = statements_of(
        "Ông Donald Trump Jr. có mặt tại Doha. Trump Jr. cũng chỉ trích các khoản viện trợ, "
        'gọi đó là "tấm séc khống".'
    )
    assert [(s.speaker, s.cue) for s in found] == [("Donald Trump Jr.", "chỉ trích")]


def test_talking_by_phone_is_no_statement() -> None:
    body = "Tổng thống Volodymyr Zelensky nói chuyện điện thoại với ông Trump và lãnh đạo Pháp."
    assert [s for s in statements_of(body) if s.speaker_type == "person"] == []


def test_as_someone_put_it_and_a_framed_theo() -> None:
    found = statements_of(
        "Theo lời ông Zelensky tại cuộc họp báo tối 18.8, cuộc gặp là tốt đẹp nhất.\n\n"
        'Các kênh liên lạc, như lời Trợ lý Tổng thống Nga Yuri Ushakov, "vẫn hoạt động".'
    )
    assert [(s.speaker, s.cue) for s in found] == [
        ("Volodymyr Zelensky", "theo"),
        ("Yuri Ushakov", "theo"),
    ]


def test_among_equal_titles_the_previous_subject() -> None:
    body = (
        "Ngoại trưởng Thổ Nhĩ Kỳ Mevlut Cavusoglu, người từng chủ trì cuộc gặp giữa Ngoại "
        "trưởng Nga Sergei Lavrov và Ngoại trưởng Ukraine Dmytro Kuleba, ngồi ở đầu bàn. "
        "Ngoại trưởng cho biết các vấn đề khó sẽ được bàn sau."
    )
    assert one(body).speaker == "Mevlut Cavusoglu"


def test_a_countrys_leader_named_without_a_title() -> None:
    body = (
        "Ông Volodymyr Zelensky tới Washington hôm 20/11. Trong bài phát biểu hôm 21/11, "
        "nhà lãnh đạo Ukraine cảnh báo đất nước đang ở thời khắc khó khăn."
    )
    assert one(body).speaker == "Volodymyr Zelensky"


def test_a_known_vietnamese_name_ends_a_long_office() -> None:
    body = (
        "Giám đốc Văn phòng Ủy ban Công tác Đối ngoại Trung ương Trung Quốc Vương Nghị nói "
        "Bắc Kinh không đứng ngoài cuộc."
    )
    assert one(body).speaker == "Wang Yi"


def test_ba_after_a_speaker_whose_name_tells_no_gender() -> None:
    found = statements_of(
        "Ngoại trưởng Đức Annalena Baerbock nói châu Âu đứng về phía Kiev.\n\n"
        'Người phát ngôn Bộ Ngoại giao Trung Quốc Mao Ninh nói Bắc Kinh "luôn đứng về phía '
        'hòa bình". Bà phủ nhận việc Bắc Kinh cung cấp vũ khí.'
    )
    assert [s.speaker for s in found] == ["Annalena Baerbock", "Mao Ning", "Mao Ning"]


def test_a_time_zone_bracket_between_speaker_and_verb() -> None:
    body = "Tổng thống Volodymyr Zelensky tối 25/3 (giờ Kiev) cho rằng Nga muốn kéo dài thời gian."
    assert one(body, date="2025-03-26").speaker == "Volodymyr Zelensky"


def test_an_interview_answer_holds_what_it_reports() -> None:
    found = statements_of(
        "Phóng viên: Nga muốn gì?\n\n"
        "Ông Lộc: Những yêu cầu rộng hơn lãnh thổ. Tổng thống Putin từng nói rằng Nga không "
        "chấp nhận ngừng bắn tạm thời."
    )
    assert [s.speaker for s in found if s.speaker_type == "person"] == ["Lộc"]


def test_a_frame_with_a_date_before_rang_dates_the_words() -> None:
    body = (
        "Ngoại trưởng Nga Sergei Lavrov trả lời phỏng vấn Kênh 1 hôm 25/3 rằng cần có mệnh "
        "lệnh từ Washington."
    )
    found = one(body, date="2025-03-26")
    assert str(found.date) == "2025-03-25" and found.text.startswith("cần có")


def test_before_a_trip_on_a_day_is_that_day() -> None:
    body = (
        "Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan trước chuyến công du vùng Vịnh ngày 17-7 "
        "cho biết ông tin rằng cây cầu nhân đạo vẫn đứng vững."
    )
    assert str(one(body, date="2023-07-18").date) == "2023-07-17"


def test_a_day_before_that() -> None:
    found = statements_of(
        "Vòng đàm phán diễn ra tại Istanbul hôm 16/5.\n\n"
        "Trước đó một ngày, Ngoại trưởng Mỹ Marco Rubio nói ông không có kỳ vọng cao.",
        date="2025-05-17",
    )
    assert [str(s.date) for s in found] == ["2025-05-15"]


def test_ong_after_an_opening_frame_naming_someone_else() -> None:
    found = statements_of(
        "Thủ tướng Hungary Viktor Orban tới Kiev hôm 2/7. Tại cuộc hội đàm với Tổng thống "
        'Volodymyr Zelensky, ông đề nghị Kiev cân nhắc "một lệnh ngừng bắn có thời hạn".',
        date="2024-07-03",
    )
    assert [s.speaker for s in found] == ["Viktor Orban"]


def test_adverbs_and_weekdays_between_speaker_and_verb() -> None:
    found = statements_of(
        "Người phát ngôn Điện Kremlin Dmitry Peskov hôm thứ Năm tuần trước cho biết Nga muốn "
        "một giải pháp lâu dài. Ông chỉ nói Nga sẽ công bố kết quả sau.\n\n"
        "Ông Donald Trump Jr. có mặt tại Doha. Trump Jr. cũng chỉ trích các khoản viện trợ, "
        'gọi đó là "tấm séc khống".'
    )
    assert [s.speaker for s in found] == ["Dmitry Peskov", "Dmitry Peskov", "Donald Trump Jr."]


def test_a_joint_statement_is_a_noun() -> None:
    body = (
        "Ngoại trưởng Ả Rập Xê Út, Hoàng tử Faisal bin Farhan, cũng có mặt nhưng nước này "
        "không ký tuyên bố chung."
    )
    assert [s for s in statements_of(body) if s.speaker_type == "person"] == []

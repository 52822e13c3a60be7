from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from negotiations_cli.text import clean, fold, fold_key


def test_fold_removes_marks_and_folds_d() -> None:
    assert fold("Mátxcơva") == "matxcova"
    assert fold("Đàm phán") == "dam phan"


def test_fold_ignores_tone_mark_placement_and_normal_form() -> None:
    assert fold("hòa bình") == fold("hoà bình") == fold(unicodedata.normalize("NFD", "hoà bình"))


def test_fold_key_collapses_hyphens_and_punctuation() -> None:
    assert fold_key("Pê-xcốp") == "pe xcop"
    assert fold_key("  Mát-xcơ-va!  ") == "mat xco va"


def test_clean_strips_terminal_escapes_and_unifies_lines() -> None:
    assert clean("a\x1b[31mb\r\nc\x07") == "a[31mb\nc"


@given(st.text())
def test_fold_keeps_length_of_nfc_text(text: str) -> None:
    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))

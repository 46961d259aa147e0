"""process_text and TokenStream: a text split anywhere streams to the same answer."""

import pytest

import bytelogic

TEXT = ("Intro é. <computation>\nREL p\nFACT p a b\nSOLVE\nQUERY p a ?\n</computation> mid "
        "<COMPUTATION>RESULT CALC nope()</Computation> then <computation>RESULT \"ü\" "
        "</computation> and <comp not a tag <computation>RESULT 1 + ")


@pytest.fixture(scope="module")
def whole(bl):
    return bl.process_text(TEXT)


def stream(executor, pieces, keep=False):
    s = bytelogic.TokenStream(executor, keep=keep)
    out = "".join(s.feed(p) for p in pieces)
    return out + s.finish(), s


def test_the_one_shot_answer(whole):
    assert whole.startswith("Intro é. <result>b</result> mid <error>E304: "), whole
    assert " then <result>ü</result> and <comp not a tag <computation>RESULT 1 + " in whole
    assert whole.endswith("<computation>RESULT 1 + ")


def test_split_at_every_character_position(bl, whole):
    for i in range(len(TEXT) + 1):
        out, s = stream(bl, [TEXT[:i], TEXT[i:]])
        assert out == whole, i
        assert (s.blocks, s.failed) == (3, 1)


def test_split_at_every_byte_position(bl, whole):
    data = TEXT.encode()
    assert len(data) > len(TEXT), "the text has multi-byte characters"
    for i in range(len(data) + 1):
        out, _ = stream(bl, [data[:i], data[i:]])
        assert out == whole, i


def test_byte_by_byte_and_character_by_character(bl, whole):
    data = TEXT.encode()
    assert stream(bl, [data[i:i + 1] for i in range(len(data))])[0] == whole
    assert stream(bl, list(TEXT))[0] == whole


def test_text_is_written_as_soon_as_it_is_complete(bl):
    s = bytelogic.TokenStream(bl)
    assert s.feed("Hello <comp") == "Hello "
    assert s.feed("utation>RESULT 6 * 7</computa") == ""
    assert s.feed("tion> wor") == "<result>42</result> wor"
    assert s.feed("é".encode()[:1]) == ""
    assert s.feed("é".encode()[1:]) == "é"
    assert s.finish() == ""


def test_keep_and_the_executors_limits():
    spin = ("<computation>CALC s\nLET $i = 0\nFOR WHILE $i < 100000\nLET $i = $i + 1\nEND\n"
            "RESULT $i\nEND\nRESULT CALC s()\n</computation>")
    ex = bytelogic.ByteLogicExecutor(limits={"max_steps": 50})
    out, s = stream(ex, [spin], keep=True)
    assert out.startswith(spin + "<error>E401: "), out
    assert (s.blocks, s.failed) == (1, 1)
    assert stream(None, ["<computation>RESULT 3</computation>"])[0] == "<result>3</result>"


def test_bad_chunks_raise_usage_error(bl):
    s = bytelogic.TokenStream(bl)
    with pytest.raises(bytelogic.UsageError):
        s.feed(b"\xff")
    s = bytelogic.TokenStream(bl)
    s.feed("é".encode()[:1])
    with pytest.raises(bytelogic.UsageError):
        s.feed("x")
    with pytest.raises(bytelogic.UsageError):
        s.finish()
    with pytest.raises(bytelogic.UsageError):
        bytelogic.TokenStream(bl).feed(5)

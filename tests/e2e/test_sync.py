"""End-to-end: text synchronisation. The server's copy of a document must
equal the editor's byte for byte after any sequence of incremental changes,
in every position encoding, and its tree must equal a fresh parse."""
import random

from lspclient import Server, check, position_of, run

URI = "file:///tmp/amplify-ls-e2e/amplify/data/resource.ts"

SCHEMA = (
    "import { a, defineData } from '@aws-amplify/backend';\n"
    "// Ünïcödé comment with an emoji 😀 and CJK 模型\n"
    "const schema = a.schema({\n"
    "  Post: a.model({ title: a.string().required() }).authorization((allow) => [allow.owner()]),\n"
    "});\n"
    "export const data = defineData({ schema });\n"
)


def replace(text, start, end, new, encoding="utf-16"):
    """The LSP change that replaces text[start:end] by new (string indices)."""
    return {"range": {"start": position_of(text, start, encoding), "end": position_of(text, end, encoding)},
            "text": new}


def assert_same(s, uri, text):
    doc = s.debug_document(uri)
    check(doc["text"] == text, "server text differs:\n%r\n%r" % (doc["text"], text))
    check(doc["tree"] == doc["freshTree"], "incremental tree differs from a fresh parse")
    check(doc["invariantsHold"], "document invariants broken")
    return doc


def test_incremental_edits_multibyte():
    with Server() as s:
        s.initialize()
        s.open(URI, SCHEMA)
        text = SCHEMA
        i = text.index("😀")
        # Insert after the emoji (a surrogate pair in UTF-16), delete across lines, edit at EOF.
        edits = [(i + 1, i + 1, " ok"), (text.index("Post"), text.index("Post") + 4, "Article")]
        version = 1
        for start, end, new in edits:
            version += 1
            s.change(URI, version, [replace(text, start, end, new)])
            text = text[:start] + new + text[end:]
        nl = text.index("\n", 10)
        version += 1
        s.change(URI, version, [replace(text, nl - 3, nl + 5, "")])
        text = text[:nl - 3] + text[nl + 5:]
        version += 1
        s.change(URI, version, [replace(text, len(text), len(text), "// end ✓\n")])
        text += "// end ✓\n"
        doc = assert_same(s, URI, text)
        check(doc["version"] == version, "version tracked")
        s.shutdown_and_exit(0)


def test_several_changes_in_one_notification_apply_in_order():
    with Server() as s:
        s.initialize()
        s.open(URI, "abc\ndef\n")
        changes = [
            {"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}}, "text": "X"},
            {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "é😀\n"},
            {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 1}}, "text": ""},
        ]
        s.change(URI, 2, changes)
        assert_same(s, URI, "aXc\né😀\nef\n")
        s.shutdown_and_exit(0)


def test_crlf_and_lone_cr():
    with Server() as s:
        s.initialize()
        text = "line1\r\nline2\rline3\r\n"
        s.open(URI, text)
        s.change(URI, 2, [replace(text, 7, 12, "L2")])
        text = text[:7] + "L2" + text[12:]
        s.change(URI, 3, [replace(text, text.index("line3"), text.index("line3"), "\r\n")])
        text = text.replace("line3", "\r\nline3")
        assert_same(s, URI, text)
        s.shutdown_and_exit(0)


def test_full_sync_change_and_empty_document():
    with Server() as s:
        s.initialize()
        s.open(URI, "")
        assert_same(s, URI, "")
        s.change(URI, 2, [{"text": "const x = 1;\n"}])
        assert_same(s, URI, "const x = 1;\n")
        s.change(URI, 3, [{"text": ""}])
        assert_same(s, URI, "")
        s.shutdown_and_exit(0)


def test_range_past_end_is_clamped():
    with Server() as s:
        s.initialize()
        s.open(URI, "abc\n")
        s.change(URI, 2, [{"range": {"start": {"line": 0, "character": 99}, "end": {"line": 40, "character": 2}},
                           "text": "!"}])
        # Line 0's end is before its newline; line 40 is past the end of the text.
        assert_same(s, URI, "abc!")
        s.shutdown_and_exit(0)


def test_change_to_unopened_document_is_harmless():
    with Server() as s:
        s.initialize()
        s.open(URI, "keep me\n")
        s.change("file:///never/opened.ts", 2, [{"text": "x"}])
        s.change(URI, 2, [{"range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 4}},
                           "text": "ing"}])
        assert_same(s, URI, "keeping me\n")
        check(s.wait_stderr("not open"), "the stray change is logged")
        s.shutdown_and_exit(0)


def test_close_and_reopen():
    with Server() as s:
        s.initialize()
        s.open(URI, "one")
        s.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
        err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": URI}})
        check(err["code"] == -32602, "a closed document outside any backend is forgotten")
        s.open(URI, "two", version=5)
        assert_same(s, URI, "two")
        s.shutdown_and_exit(0)


def random_text(rng):
    pieces = ["a", "Post", "\n", "\r\n", "é", "😀", "模", " ", "(", ")", "{", "}", "'", "a.string()",
              ".required()", "// c\n", "allow.owner()", ",", ";"]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))


def random_edit_session(encoding, seed, count):
    rng = random.Random(seed)
    with Server() as s:
        # This test is about text sync: a long debounce keeps diagnostics
        # from being computed after each of thousands of edits.
        s.initialize(encodings=[encoding], options={"diagnosticsDebounceMs": 10000})
        text = SCHEMA
        s.open(URI, text)
        version = 1
        for n in range(count):
            version += 1
            batch = []
            for _ in range(rng.randint(1, 3)):
                start = rng.randint(0, len(text))
                end = min(len(text), start + rng.randint(0, 6))
                # Never split a CRLF pair: an editor cannot put the cursor there.
                if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
                    start -= 1
                if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
                    end += 1
                new = random_text(rng)
                batch.append(replace(text, start, end, new, encoding))
                text = text[:start] + new + text[end:]
            s.change(URI, version, batch)
            if len(text) > 4000:
                version += 1
                s.change(URI, version, [{"text": SCHEMA}])
                text = SCHEMA
            if n % 500 == 499:
                assert_same(s, URI, text)
        assert_same(s, URI, text)
        s.shutdown_and_exit(0)


def test_random_edits_utf16():
    random_edit_session("utf-16", 1, 2500)


def test_random_edits_utf8():
    random_edit_session("utf-8", 2, 1500)


def test_random_edits_utf32():
    random_edit_session("utf-32", 3, 1500)


if __name__ == "__main__":
    run([test_incremental_edits_multibyte, test_several_changes_in_one_notification_apply_in_order,
         test_crlf_and_lone_cr, test_full_sync_change_and_empty_document,
         test_range_past_end_is_clamped, test_change_to_unopened_document_is_harmless,
         test_close_and_reopen, test_random_edits_utf16, test_random_edits_utf8,
         test_random_edits_utf32])

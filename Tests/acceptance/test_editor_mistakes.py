"""Twenty-nine mistakes an editor makes, through the real command line: for each, the whole
message (file, line, column, the line quoted with a caret under the column, the hint), the
closing line, exit status 1, and the previous site left exactly as it was. Warnings are
mistakes too: with --strict they stop the build the same way."""

from __future__ import annotations

import pytest

import support

GOOD = "---\ntitle: \"Fine\"\ndate: 2026-10-01\n---\nBody.\n"

# name: ({path: text or bytes}, extra arguments, the exact standard error)
CASES = {
    'unclosed-quote': (
        {'content/posts/a.md': '---\ntitle: "Day 1: Pack the court\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:8: the quote " that opens here is never closed\n'
        '  |\n'
        ' 2 | title: "Day 1: Pack the court\n'
        '  |        ^\n'
        '  hint: end the value with " on the same line, for example title: "Day 1: Pack the court"\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'apostrophe-in-single-quotes': (
        {'content/posts/a.md': "---\ntitle: 'It's here'\ndate: 2026-10-01\n---\nBody.\n"},
        [],
        'error: content/posts/a.md:2:11: the value in single quotes ends at this apostrophe, and YAML cannot read the rest of the line\n'
        '  |\n'
        " 2 | title: 'It's here'\n"
        '  |           ^\n'
        '  hint: write the value in double quotes, "It\'s here", or double each apostrophe inside: \'It\'\'s here\'\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'tab-indentation': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nkind: event\nevent:\n\tstart: 2026-10-02T18:00\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:6:1: this line is indented with a tab, which YAML does not allow\n'
        '  |\n'
        ' 6 | \tstart: 2026-10-02T18:00\n'
        '  | ^\n'
        '  hint: indent with spaces only: replace the tab at the start of the line with two spaces\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'unknown-kind': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nkind: dispach\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:4:7: unknown kind "dispach"\n'
        '  |\n'
        ' 4 | kind: dispach\n'
        '  |       ^\n'
        '  hint: did you mean `dispatch`? Use one of dispatch, action-day, qa, perspective, report, letter, event\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'unknown-kind-crlf': (
        {'content/posts/a.md': '---\r\ntitle: Hi\r\ndate: 2026-10-01\r\nkind: dispach\r\n---\r\nBody.\r\n'},
        [],
        'error: content/posts/a.md:4:7: unknown kind "dispach"\n'
        '  |\n'
        ' 4 | kind: dispach\n'
        '  |       ^\n'
        '  hint: did you mean `dispatch`? Use one of dispatch, action-day, qa, perspective, report, letter, event\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'nested-event-start': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nkind: event\nevent:\n  start: tomorrow evening\n  location: Union hall\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:6:10: `event.start` is not a date and time: "tomorrow evening"\n'
        '  |\n'
        ' 6 |   start: tomorrow evening\n'
        '  |          ^\n'
        "  hint: write it as 2026-11-30T18:00:00-06:00, or 2026-11-30T18:00 for the site's time zone\n"
        'Build failed with 1 error; nothing was written.\n',
    ),
    'event-not-indented': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nkind: event\nevent:\nstart: 2026-10-02T18:00\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:5:7: `event` must be a map of start, end, location, online_url and rsvp_url\n'
        '  |\n'
        ' 5 | event:\n'
        '  |       ^\n'
        '  hint: write `event:` on a line of its own, then indented lines such as `start: 2026-11-30T18:00:00-06:00`\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'series-day-zero': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nkind: action-day\nseries: Week of action\nseries_day: 0\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:6:13: `series_day` must be a whole number from 1 to 1000\n'
        '  |\n'
        ' 6 | series_day: 0\n'
        '  |             ^\n'
        '  hint: write which day of the series this post is, such as series_day: 3 for its third day\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'no-front-matter': (
        {'content/posts/a.md': 'Just a body, no front matter.\n'},
        [],
        'error: content/posts/a.md:1:1: the file does not start with front matter\n'
        '  |\n'
        ' 1 | Just a body, no front matter.\n'
        '  | ^\n'
        '  hint: begin the file with a `---` line, then title: and date:, then another `---` line\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'front-matter-never-ends': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nBody.\n'},
        [],
        'error: content/posts/a.md:1:1: the front matter that starts here never ends\n'
        '  |\n'
        ' 1 | ---\n'
        '  | ^\n'
        '  hint: add a line with only `---` after the last front-matter line, before the text of the post\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'draft-maybe': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\ndraft: maybe\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:4:8: `draft` must be true or false\n'
        '  |\n'
        ' 4 | draft: maybe\n'
        '  |        ^\n'
        '  hint: write draft: true to keep the post off the site for now, or draft: false to publish it\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'misspelt-title': (
        {'content/posts/a.md': '---\ntitel: Hi\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:1: the post has no title: this key is written `titel`\n'
        '  |\n'
        ' 2 | titel: Hi\n'
        '  | ^\n'
        '  hint: correct it to `title`, as in title: "Day 1: Pack the courtroom"\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'key-set-twice': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\ntitle: Again\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:4:1: `title` is set twice\n'
        '  |\n'
        ' 4 | title: Again\n'
        '  | ^\n'
        '  hint: keep one `title:` line\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'javascript-url': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nrsvp: "javascript:alert(1)"\n---\nBody.\n'},
        [],
        "error: content/posts/a.md:4:7: `rsvp` is a javascript: URL, which would run in a reader's browser or read their files\n"
        '  |\n'
        ' 4 | rsvp: "javascript:alert(1)"\n'
        '  |       ^\n'
        '  hint: use an http, https, mailto: or tel: URL, or a path on this site\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'image-without-alt': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\nimage: /photo.jpg\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:4:8: the image has no text alternative (`image_alt`)\n'
        '  |\n'
        ' 4 | image: /photo.jpg\n'
        '  |        ^\n'
        '  hint: describe what the image shows in a sentence, for readers who cannot see it: image_alt: "Hands holding a sign that reads Due Process for All"; for an image that is only decoration, write image_alt: "" and image_decorative: true\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'action-block-fields': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\n---\nBody.\n\n```action\ntitle: Sign the letter\nlink: https://example.org/sign\n```\n'},
        [],
        'error: content/posts/a.md:9:1: an action block has no field `link`\n'
        '  |\n'
        ' 9 | link: https://example.org/sign\n'
        '  | ^\n'
        '  hint: its fields are title, url, phone, button, text\n'
        '\n'
        'error: content/posts/a.md:7:1: the action block has no `url` or `phone`\n'
        '  |\n'
        ' 7 | ```action\n'
        '  | ^\n'
        '  hint: add a line such as url: "https://example.org/sign" or phone: "(202) 555-0143"\n'
        'Build failed with 2 errors; nothing was written.\n',
    ),
    'time-zone-name': (
        {'site.yml': 'base_url: "https://example.org/"\ntime_zone: America/Mexico\n'},
        [],
        'error: site.yml:2:12: `time_zone` is not a time zone name: America/Mexico\n'
        '  |\n'
        ' 2 | time_zone: America/Mexico\n'
        '  |            ^\n'
        '  hint: use a name from the tz database, such as America/Chicago, Europe/Madrid or UTC\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'template-section': (
        {'templates/post.mustache': '{{<base}}{{$main}}{{#post}}<h1>{{title}}</h1>{{/main}}{{/base}}\n'},
        [],
        'error: templates/post.mustache:1:49: the template does not parse: a section is closed with another name than it was opened\n'
        '  |\n'
        ' 1 | {{<base}}{{$main}}{{#post}}<h1>{{title}}</h1>{{/main}}{{/base}}\n'
        '  |                                                 ^\n'
        '  hint: check that every {{#section}} and {{^section}} is closed by {{/section}} with the same name\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'misspelt-key-strict': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\ncatgories: [Detention]\n---\nBody.\n'},
        ['--strict'],
        'warning: content/posts/a.md:4:1: the key `catgories` is not one Broadside knows, so its value is not used as `categories`\n'
        '  |\n'
        ' 4 | catgories: [Detention]\n'
        '  | ^\n'
        '  hint: did you mean `categories`? Correct the key; if it is meant for the theme, give it a name less like `categories`\n'
        'Build failed with 1 warning (--strict); nothing was written.\n',
    ),
    'raw-html-strict': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\n---\nSign <iframe src="https://x.example/"></iframe> here.\n'},
        ['--strict'],
        'warning: content/posts/a.md:5:6: the HTML `<iframe src="https://x.example/">` is left out of the page\n'
        '  |\n'
        ' 5 | Sign <iframe src="https://x.example/"></iframe> here.\n'
        '  |      ^\n'
        '  hint: Broadside leaves out HTML written in a post, so no author can put a script on the site; for a button or a call to act use an action block (```action), or set unsafe: true in site.yml if you trust everyone who writes posts\n'
        'Build failed with 1 warning (--strict); nothing was written.\n',
    ),
    'comma-list-strict': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\ncategories: Detention, Legal aid\n---\nBody.\n'},
        ['--strict'],
        'warning: content/posts/a.md:4:13: `categories` is one name with a comma in it: "Detention, Legal aid"\n'
        '  |\n'
        ' 4 | categories: Detention, Legal aid\n'
        '  |             ^\n'
        '  hint: for several categories, write a list: categories: ["Detention", "Legal aid"]; to keep one name with a comma, write categories: ["Detention, Legal aid"]\n'
        'Build failed with 1 warning (--strict); nothing was written.\n',
    ),
    'latin-1': (
        {'content/posts/a.md': b'---\ntitle: Caf\xe9 con la gente\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:11: the file is not UTF-8 text: the byte 0xE9 here is not UTF-8\n'
        '  |\n'
        ' 2 | title: Caf� con la gente\n'
        '  |           ^\n'
        '  hint: save the file as UTF-8 in your editor (in the Save As dialogue, choose the encoding UTF-8), then check the letters with accents on this line\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'value-starting-with-at': (
        {'content/posts/a.md': '---\ntitle: @puentes on the radio\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:8: a value cannot start with @ in YAML unless it is in quotes\n'
        '  |\n'
        ' 2 | title: @puentes on the radio\n'
        '  |        ^\n'
        '  hint: put the value in double quotes: title: "@puentes on the radio"\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'value-starting-with-bracket': (
        {'content/posts/a.md': '---\ntitle: [Update] Vigil moved indoors\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:8: a value that starts with [ is read as a list, and the text after it is left over\n'
        '  |\n'
        ' 2 | title: [Update] Vigil moved indoors\n'
        '  |        ^\n'
        '  hint: put the value in double quotes: title: "[Update] Vigil moved indoors"\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'list-never-closed': (
        {'content/posts/a.md': '---\ntitle: Hi\ndate: 2026-10-01\ntags: [Detention, Legal Aid\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:4:7: the list that opens with [ here is not closed where YAML expects\n'
        '  |\n'
        ' 4 | tags: [Detention, Legal Aid\n'
        '  |       ^\n'
        '  hint: close it with ] on the same line, as in tags: ["Detention", "Legal Aid"]; text that starts with [, such as [Update] Vigil tonight, must be in double quotes\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'post-saved-as-txt-strict': (
        {'content/posts/b.txt': '---\ntitle: Hi\ndate: 2026-10-01\n---\nBody.\n'},
        ['--strict'],
        "warning: content/posts/b.txt: this file is not read: a post's file name must end in .md\n"
        '  hint: rename it to b.md\n'
        'Build failed with 1 warning (--strict); nothing was written.\n',
    ),
    'backslash-in-double-quotes': (
        {'content/posts/a.md': '---\ntitle: "Files in C:\\Users\\editor"\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:20: inside double quotes a backslash starts an escape such as \\n, and `\\U` is not one\n'
        '  |\n'
        ' 2 | title: "Files in C:\\Users\\editor"\n'
        '  |                    ^\n'
        '  hint: write each backslash twice (\\\\), or put the value in single quotes, where a backslash is only a backslash\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'yaml-tag': (
        {'content/posts/a.md': '---\ntitle: !Urgent vigil tonight\ndate: 2026-10-01\n---\nBody.\n'},
        [],
        'error: content/posts/a.md:2:8: `!Urgent` is a YAML tag, which Broadside does not accept\n'
        '  |\n'
        ' 2 | title: !Urgent vigil tonight\n'
        '  |        ^\n'
        '  hint: text that starts with ! must be in double quotes, as in title: "!Urgent: vigil tonight"\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
    'key-indented-under-text': (
        {'content/posts/a.md': '---\ntitle: Hi\n  date: 2026-10-01\n---\nBody.\n'},
        [],
        "error: content/posts/a.md:3:3: this line is indented more than the key above it, so YAML reads it as part of that key's value\n"
        '  |\n'
        ' 3 |   date: 2026-10-01\n'
        '  |   ^\n'
        '  hint: start it in the same column as the other keys, or, if it belongs to the line above, join the two lines\n'
        'Build failed with 1 error; nothing was written.\n',
    ),
}


def make_site(root):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    (root / "content" / "posts" / "fine.md").write_text(GOOD, encoding="utf-8")


def test_there_are_at_least_fifteen_distinct_mistakes():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_shown_where_it_is_with_its_fix(tmp_path, case):
    files, args, expected = CASES[case]
    src = tmp_path / "src"
    make_site(src)
    out = src / "site"
    support.build_ok(src, out)
    before = support.tree(out)

    for path, text in files.items():
        target = src / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    proc = support.run_build(src, out, *args, cwd=src)

    assert proc.returncode == 1, support.describe(proc)
    assert proc.stdout == "", support.describe(proc)
    assert proc.stderr == expected, support.describe(proc)
    assert support.tree(out) == before, "the failed build changed the previous site"

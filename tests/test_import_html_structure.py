"""Saved HTML pages: trafilatura finds the article, the project's rules clean it, and the
article's own subheads and tables stay (synthetic pages, made here)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

PARAGRAPHS = [
    "The regional parliament approved the new budget on Tuesday after a debate that lasted "
    "well into the night, with most members voting in favour of the plan.",
    "The budget raises spending on schools and hospitals and cuts the money set aside for "
    "new roads, which the opposition said would hurt villages in the mountains.",
    "The finance minister said the plan would be reviewed in the spring, once the first "
    "figures for the year are known and the new tax rules have taken effect.",
    "Several members asked for a report on how the money for hospitals will be spent, and "
    "the minister promised to publish one before the summer recess begins.",
]
SIDEBAR = ["Most read: Celebrity chef opens a new restaurant in the old harbour district",
           "Most read: Local football club signs a striker from abroad for a record fee",
           "Most read: Weather service warns of strong winds along the coast this weekend"]


def page(title: str, body: str, lang: str = "en", sidebar: list[str] = SIDEBAR) -> str:
    links = "".join(f'<li><a href="/other/{i}">{text}</a></li>' for i, text in enumerate(sidebar))
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | Example News</title><meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-14T08:30:00+02:00">
<link rel="canonical" href="https://news.example.net/2024/05/14/story"></head><body>
<header><nav><a href="/">Home</a> | <a href="/politics">Politics</a></nav></header>
<main><article><h1>{title}</h1>{body}</article>
<aside><h3>Most read</h3><ul>{links}</ul></aside></main>
<footer><p>© Example News. All rights reserved.</p></footer></body></html>"""


def imported(tmp_path: Path, html: str) -> str:
    raw = tmp_path / "page.html"
    raw.write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [article] = out.rglob("*.md")
    return article.read_text(encoding="utf-8")


def paragraphs_html(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_a_table_in_the_article_is_kept_as_a_markdown_table(tmp_path: Path) -> None:
    table = ("<table><tr><th>Sector</th><th>Change</th></tr>"
             "<tr><td>Schools</td><td>+12 %</td></tr><tr><td>Hospitals</td><td>+8 %</td></tr>"
             "<tr><td>Roads</td><td>-15 %</td></tr></table>")
    text = imported(tmp_path, page("Parliament approves budget",
                                   paragraphs_html(PARAGRAPHS[:2]) + table
                                   + paragraphs_html(PARAGRAPHS[2:])))
    assert "| Sector | Change |\n| --- | --- |\n| Schools | +12 % |" in text
    assert "| Roads | -15 % |" in text
    assert text.index(PARAGRAPHS[1]) < text.index("| Sector") < text.index(PARAGRAPHS[2])


def test_a_subhead_of_the_article_is_kept_as_a_heading(tmp_path: Path) -> None:
    body = (paragraphs_html(PARAGRAPHS[:2]) + "<h2>What happens next</h2>"
            + paragraphs_html(PARAGRAPHS[2:]))
    text = imported(tmp_path, page("Parliament approves budget", body))
    assert "\n\n## What happens next\n\n" in text
    assert text.index(PARAGRAPHS[1]) < text.index("## What happens next") \
        < text.index(PARAGRAPHS[2])


def test_the_sidebar_and_footer_are_not_taken_as_the_body(tmp_path: Path) -> None:
    text = imported(tmp_path, page("Parliament approves budget", paragraphs_html(PARAGRAPHS)))
    body = text.split("\n\n", 1)[1]
    assert all(paragraph in body for paragraph in PARAGRAPHS)
    assert "Most read" not in body and "Celebrity chef" not in body
    assert "All rights reserved" not in body and "Politics" not in body
    assert "Title: Parliament approves budget\n" in text


def test_a_page_in_a_non_latin_script_keeps_its_text(tmp_path: Path) -> None:
    russian = [
        "Региональный парламент во вторник утвердил новый бюджет после долгих прений, "
        "которые продолжались до поздней ночи.",
        "Бюджет увеличивает расходы на школы и больницы и сокращает средства на новые "
        "дороги, что, по словам оппозиции, ударит по горным сёлам.",
        "Министр финансов заявил, что план будет пересмотрен весной, когда станут известны "
        "первые цифры за год и вступят в силу новые налоговые правила.",
    ]
    sidebar = ["Самое читаемое: шеф-повар открыл ресторан в старом порту города",
               "Самое читаемое: футбольный клуб подписал нападающего за рекордную сумму"]
    text = imported(tmp_path, page("Парламент утвердил бюджет", paragraphs_html(russian),
                                   lang="ru", sidebar=sidebar))
    assert "Title: Парламент утвердил бюджет\n" in text
    body = text.split("\n\n", 1)[1]
    assert all(paragraph in body for paragraph in russian)
    assert "Самое читаемое" not in body


def test_an_article_wrapped_in_a_broken_popup_is_still_found(tmp_path: Path) -> None:
    """A page whose markup leaves the whole layout inside a newsletter pop-up `<aside>`:
    trafilatura's default and precision modes find nothing there, its recall mode the article,
    and the headline it keeps above the text is the title, not the first paragraph."""
    html = page("Parliament approves budget", "").replace(
        "<header>", '<aside class="Popup-Overlay" id="Popup-Newsletter"><div class="Popup-Outer">'
        '<div class="Popup-Inner"><p>Sign up for our newsletter</p></div><header>', 1)
    html = html.replace("<h1>Parliament approves budget</h1>",
                        "<h1>Regional parliament approves the new budget after a long debate</h1>"
                        f"<div class='Entry-Text'>{paragraphs_html(PARAGRAPHS)}</div>")
    html = html.replace("</footer>", "</footer></div></aside>")
    text = imported(tmp_path, html)
    body = text.split("\n\n", 1)[1]
    assert all(paragraph in body for paragraph in PARAGRAPHS)
    title = text.split("\n", 1)[0].removeprefix("Title: ")
    assert title in ("Parliament approves budget",
                     "Regional parliament approves the new budget after a long debate")
    assert title not in body and "Summary: The regional parliament approved" in text

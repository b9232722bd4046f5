"""Text dumps: each block is kept or dropped on its own evidence, so one odd line (a bare URL,
a flattened table, a subhead) cannot cut the article short, while repeated playlists, captions
and teaser blurbs go. Hand-made dumps in several languages and scripts, no site profiles."""

from __future__ import annotations

from pathlib import Path

from tools.importer.article import Article
from tools.importer.pipeline import Options, prepare, process
from tools.importer.repeats import Repeats
from tools.slugs import Slugger

MENU = ["Home", "World", "Politics", "Business", "Sport", "Video"]
TITLE = "Ministers agree to meet again as the ceasefire holds in the region"
DATE = "Published 10:02 AM EST Nov 19, 2019"
EN = [
    "The foreign ministers of the two countries met in Geneva on Thursday to discuss a "
    "ceasefire that has held for three weeks despite a number of violations.",
    "The meeting lasted three hours and both sides agreed that they would meet again next "
    "week, according to a diplomat who was in the room.",
    "A spokesman said that each delegation would report the results of the talks to its "
    "president as soon as it returned to the capital.",
    "Observers called the meeting a small but important step towards the wider peace talks "
    "that the United Nations has been trying to arrange for a year.",
    "The next round is expected to deal with the return of refugees and with the exchange of "
    "prisoners, which both governments have said is their first priority.",
]
FOOTER = ["About us", "Contact", "Privacy policy", "© 2019 Example News"]


def import_dump(tmp_path: Path, lines: list[str], **known: str) -> Article:
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    options = Options(dry_run=True, use_profiles=False, date="2019-11-19")
    article = prepare(path, options)
    article.known.update(known)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    return article


def page(body: list[str]) -> list[str]:
    return [*MENU, TITLE, DATE, *body, *FOOTER]


def test_a_bare_url_line_does_not_end_the_body(tmp_path: Path) -> None:
    body = [*EN[:2], "https://www.example.org/reports/2019/ceasefire-monitoring", *EN[2:]]
    article = import_dump(tmp_path, page(body))
    assert article.paragraphs[-1] == EN[-1]
    assert EN[2] in article.paragraphs


def test_a_flattened_table_inside_the_article_is_kept_with_the_text_after_it(
        tmp_path: Path) -> None:
    table = ["AZERBAIJAN", "82,000 armed forces personnel", "ARMENIA",
             "45,000 armed forces personnel", "GEORGIA", "21,000 armed forces personnel"]
    body = [*EN[:2], "Military strength in the region:", *table, *EN[2:]]
    article = import_dump(tmp_path, page(body))
    assert "82,000 armed forces personnel" in article.paragraphs
    assert article.paragraphs[-1] == EN[-1]


def test_a_video_playlist_repeated_on_the_page_is_dropped_and_the_article_kept(
        tmp_path: Path) -> None:
    playlist = ["Watch: Floods hit the north of the country", "Watch: Election result in maps",
                "Watch: Minister resigns after protests", "Watch: Ceasefire talks explained"]
    article = import_dump(tmp_path, [*MENU, *playlist, *playlist, *playlist, TITLE, DATE,
                                     *EN, *FOOTER])
    assert article.title == TITLE
    assert article.paragraphs == EN


def test_a_subhead_that_appears_once_is_kept(tmp_path: Path) -> None:
    body = [*EN[:2], "Pasal 27A:", EN[2], "What happens next", *EN[3:]]
    article = import_dump(tmp_path, page(body))
    assert "Pasal 27A:" in article.paragraphs
    assert "What happens next" in article.paragraphs


def test_a_photo_caption_is_dropped_and_is_not_the_title(tmp_path: Path) -> None:
    caption = "Delegates arrive for the talks in Geneva. (Photo: Reuters/John Smith)"
    article = import_dump(tmp_path, [*MENU, caption, TITLE, DATE, *EN, *FOOTER])
    assert article.title == TITLE
    assert caption not in article.paragraphs
    assert article.paragraphs == EN


def test_related_teaser_blurbs_after_the_article_are_dropped(tmp_path: Path) -> None:
    teasers = ["Related stories",
               "Floods hit the north of the country", "Thousands of people have left their "
               "homes after the river burst its banks on Monday night, officials said.",
               "Election result in maps", "The ruling party has lost its majority in the "
               "parliament for the first time in twenty years, the final count shows.",
               "Minister resigns after protests", "The interior minister has resigned after a "
               "week of protests against the new police law in the capital and other cities."]
    article = import_dump(tmp_path, [*MENU, TITLE, DATE, *EN, "Share this article", *teasers,
                                     *FOOTER])
    assert article.paragraphs == EN


RU = [
    "Министры иностранных дел двух стран встретились в Женеве в четверг, чтобы обсудить "
    "перемирие, которое держится уже три недели, несмотря на нарушения.",
    "Встреча продолжалась три часа, и обе стороны договорились снова встретиться на "
    "следующей неделе, сообщил дипломат, который был в зале.",
    "По словам представителя, каждая делегация доложит о результатах переговоров своему "
    "президенту, как только вернется в столицу.",
]
HY = [
    "Երկու երկրների արտաքին գործերի նախարարները հինգշաբթի օրը հանդիպեցին Ժնևում, որպեսզի "
    "քննարկեն հրադադարը, որը պահպանվում է արդեն երեք շաբաթ։",
    "Հանդիպումը տևեց երեք ժամ, և կողմերը պայմանավորվեցին կրկին հանդիպել հաջորդ շաբաթ, "
    "հայտնեց դիվանագետը, որը ներկա էր դահլիճում։",
    "Խոսնակի խոսքով՝ յուրաքանչյուր պատվիրակություն բանակցությունների արդյունքների մասին "
    "կզեկուցի իր նախագահին, երբ վերադառնա մայրաքաղաք։",
]


def test_a_russian_article_is_kept_whole(tmp_path: Path) -> None:
    article = import_dump(tmp_path, ["Главная", "Политика", "Министры договорились о новой "
                                     "встрече", "19 ноября 2019", RU[0], "Что дальше", *RU[1:],
                                     "Поделиться", "© 2019"])
    assert article.paragraphs == [RU[0], "Что дальше", *RU[1:]]


def test_an_armenian_article_is_kept_whole(tmp_path: Path) -> None:
    article = import_dump(tmp_path, ["Գլխավոր", "Քաղաքականություն", "Նախարարները "
                                     "պայմանավորվեցին նոր հանդիպման մասին", *HY, "© 2019"],
                          title="Նախարարները պայմանավորվեցին նոր հանդիպման մասին")
    assert article.paragraphs == HY


DUMPS = Path(__file__).parent / "fixtures" / "import" / "dumps"


def import_fixture(tmp_path: Path, name: str) -> tuple[Article, list[str]]:
    """Import a fixture dump (the date supplied, as an editor would with --date); also return
    the fixture's paragraphs for comparison."""
    lines = (DUMPS / name).read_text(encoding="utf-8").split("\n")
    return import_dump(tmp_path, lines), [line for line in lines if line.strip()]


def test_a_read_more_inset_between_paragraphs_does_not_end_the_article(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "inset_read_more.txt")
    last = next(line for line in lines if line.startswith("Shipping companies welcomed"))
    assert article.paragraphs[-1] == last
    assert "Read more" not in article.paragraphs
    assert not any("tractors" in p or "Teachers" in p for p in article.paragraphs)


def test_an_article_list_of_plain_items_is_kept_with_the_text_after_it(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "list_in_article.txt")
    items = [line for line in lines if line[0].islower()]
    assert len(items) == 7
    assert all(item in article.paragraphs for item in items)
    assert article.paragraphs[-1].startswith("If a frost comes earlier")


def test_a_comment_form_and_cookie_notice_after_the_article_are_dropped(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "comment_form_after.txt")
    assert article.paragraphs[-1].startswith("Bake it in the hot pot")
    assert not any("cookies" in p or "email" in p for p in article.paragraphs)


def test_a_headline_standing_right_above_the_text_is_the_title_not_a_refusal(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "headline_in_text.txt")
    assert article.title.startswith("Top Nutrition Trends for Fall 2025")
    assert article.paragraphs[0].startswith("Fall is not just pumpkin spice season")
    assert len(article.paragraphs) == 4
    # nothing confirms the headline (no date line under it, no page signal): an editor checks it
    assert article.status == "draft"
    assert any("title" in reason for reason in article.review)


def test_a_chinese_article_written_without_spaces_is_found_whole(tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "chinese_article.txt")
    paragraphs = [line for line in lines if line.endswith("。")]
    assert article.title == "港口工人结束罢工 双方就工资和安全达成协议"
    assert article.paragraphs == paragraphs


def test_a_teaser_strip_longer_than_the_article_is_not_taken_for_it(tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "teaser_strip_after.txt")
    assert article.title == "Council Approves New Cycle Lanes for the City Centre"
    assert article.paragraphs[0].startswith("The city council approved plans")
    assert article.paragraphs[-1].startswith("Shop owners on the main street")


def test_product_cards_between_the_sections_of_a_review_do_not_cut_it(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "product_cards_between_sections.txt")
    prose = [line for line in lines if line.endswith(".")]
    assert [p for p in article.paragraphs if p.endswith(".")] == prose
    assert not any("Toasters" in p or "Loading" in p for p in article.paragraphs)


def test_a_sentence_that_mentions_a_date_does_not_end_the_article(tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "dated_sentence_after_subhead.txt")
    assert article.title == "Tariffs, Explained: Who Pays and Who Gains"
    assert article.paragraphs[0].startswith("Tariffs are taxes")
    assert any(p.startswith("Revenues from the new tariffs") for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("Economists say")


def test_a_headline_below_an_address_notice_is_the_title_not_a_refusal(
        tmp_path: Path) -> None:
    article, lines = import_fixture(tmp_path, "notice_before_headline.txt")
    assert article.title == "$2 Million Grant To Study How Cells Divide"
    assert article.paragraphs[0].startswith("Springfield, May 19, 1999")
    assert article.paragraphs[-1].startswith("The professor said")
    assert not any("Campus Box" in p for p in article.paragraphs)


def test_a_listicle_below_a_menu_of_section_blurbs_is_the_body(tmp_path: Path) -> None:
    """Neither block is shaped like prose (the menu's blurbs between labels, the listicle's
    items between its paragraphs): the much stronger one is the article."""
    article, _ = import_fixture(tmp_path, "menu_blurbs_above_listicle.txt")
    body = "\n".join(article.paragraphs)
    assert body.startswith("As a small business owner")
    assert "Quoteline turns a quote into an invoice" in body
    assert "Everything that you need to know" not in body


def test_a_list_items_label_further_down_is_kept_a_dateline_only_opens_the_text(
        tmp_path: Path) -> None:
    items = ["Dumbbells – a pair of adjustable dumbbells covers most of the exercises that "
             "you can do at home in a small room.",
             "Kettlebell - one bell of twelve kilograms is enough for a beginner who trains "
             "twice a week and wants to build strength."]
    body = ["YEREVAN, Armenia (AP) — " + EN[0], *EN[1:3], *items, *EN[3:]]
    article = import_dump(tmp_path, page(body))
    assert article.paragraphs[0] == EN[0]  # the dateline opening the text goes
    assert items[0] in article.paragraphs and items[1] in article.paragraphs

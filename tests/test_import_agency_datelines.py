"""Agency datelines opening the text, in every script the archive's sources write, leave the body
and credit their agency (`Agencies:`); a first sentence that only opens like one stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.evaluation.scoring import normalise_expected
from tools.importer.article import Article
from tools.importer.pipeline import Options, prepare, process
from tools.importer.repeats import Repeats
from tools.slugs import Slugger

# title, then the first paragraph's text after its dateline, then two more paragraphs
RU = ("Пашинян заявил о готовности подписать мирный договор с Баку",
      "Премьер-министр Армении Никол Пашинян заявил во вторник, что Ереван готов подписать "
      "мирный договор с Баку в ближайшие месяцы.",
      "Он добавил, что переговоры по делимитации границы продолжаются и что комиссии двух "
      "стран встретятся в следующем месяце.",
      "По словам премьера, Армения не намерена отказываться от своих позиций по вопросу о "
      "границе.")
AZ = ("Prezident İlham Əliyev Ermənistanla sülh sazişindən danışıb",
      "Prezident İlham Əliyev çərşənbə axşamı bildirib ki, Azərbaycan Ermənistanla sülh "
      "sazişini yaxın aylarda imzalamağa hazırdır.",
      "O əlavə edib ki, sərhədin delimitasiyası üzrə danışıqlar davam edir və iki ölkənin "
      "komissiyaları gələn ay görüşəcək.",
      "Prezidentin sözlərinə görə, Azərbaycan öz mövqeyindən geri çəkilməyəcək.")
HY = ("Փաշինյանը պատրաստ է ստորագրել խաղաղության պայմանագիրը",
      "Վարչապետ Նիկոլ Փաշինյանը երեքշաբթի հայտարարել է, որ Երևանը պատրաստ է առաջիկա "
      "ամիսներին Բաքվի հետ ստորագրել խաղաղության պայմանագիրը։",
      "Նա հավելել է, որ սահմանազատման շուրջ բանակցությունները շարունակվում են, և երկու "
      "երկրների հանձնաժողովները կհանդիպեն հաջորդ ամիս։",
      "Վարչապետի խոսքով՝ Հայաստանը չի հրաժարվելու իր դիրքորոշումից սահմանի հարցում։")
KA = ("კობახიძე ევროკავშირთან მოლაპარაკებებზე საუბრობს",
      "პრემიერ-მინისტრმა ირაკლი კობახიძემ სამშაბათს განაცხადა, რომ საქართველო მზადაა "
      "ევროკავშირთან მოლაპარაკებები უახლოეს თვეებში განაახლოს.",
      "მისი თქმით, სამთავრობო დელეგაცია ბრიუსელში მომავალ თვეში გაემგზავრება და "
      "შეხვედრები რამდენიმე დღე გაგრძელდება.",
      "პრემიერის განცხადებით, ქვეყანა თავის პოზიციებზე უარს არ იტყვის.")
TR = ("Fidan Azerbaycanlı mevkidaşıyla barış sürecini görüştü",
      "Dışişleri Bakanı Hakan Fidan, salı günü Azerbaycan Dışişleri Bakanı Ceyhun Bayramov ile "
      "bir araya gelerek bölgedeki barış sürecini ele aldı.",
      "Görüşmede iki ülke arasındaki ekonomik işbirliği ve ulaştırma projeleri de masaya "
      "yatırıldı.",
      "Fidan, Türkiye'nin Azerbaycan ile Ermenistan arasındaki barış anlaşmasını desteklediğini "
      "yineledi.")
EN = ("Armenia and Azerbaijan agree to hold new round of border talks",
      "Armenian Prime Minister Nikol Pashinyan said on Tuesday that Yerevan was ready to sign a "
      "peace treaty with Baku within months if the two sides agree on the text.",
      "He added that talks on delimiting the border were continuing and that the commissions of "
      "the two countries would meet next month in Moscow.",
      "According to the prime minister, Armenia will not give up its positions on the border.")


def import_dump(tmp_path: Path, texts: tuple[str, ...], dateline: str) -> Article:
    """A page dump: menu, headline, date line, then the text opening with `dateline`."""
    title, lead, *rest = texts
    first = f"{dateline} {lead}" if dateline else lead
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(["Home | News | Politics | Economy", title,
                                 "12.03.2024 10:00", first, *rest]) + "\n", encoding="utf-8")
    options = Options(dry_run=True, use_profiles=False, date="2024-03-12")
    article = prepare(path, options)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    return article


@pytest.mark.parametrize("dateline, agency", [
    ("ЕРЕВАН, 12 мар — РИА Новости.", "RIA Novosti"),
    ("МОСКВА, 5 октября. /ТАСС/.", "TASS"),
    ("БАКУ, 27 сен - Sputnik.", "Sputnik"),
    ("ЕРЕВАН, 12 мар – Новости-Армения.", "Novosti-Armenia"),
], ids=["ria", "tass", "sputnik", "novosti-armenia"])
def test_a_russian_agency_dateline_moves_into_metadata(tmp_path: Path, dateline: str,
                                                      agency: str) -> None:
    article = import_dump(tmp_path, RU, dateline)
    assert article.paragraphs == list(RU[1:])
    assert article.agencies[:1] == [agency]
    assert [dateline.startswith(value) for value in article.datelines] == [True]


@pytest.mark.parametrize("texts, dateline, agency", [
    (AZ, "Bakı. 12 mart. APA.", "APA"),
    (AZ, "Bakı, 5 oktyabr, AZƏRTAC", "Azertac"),
    (AZ, "Bakı. 12 mart. REPORT.AZ/", "Report"),
    (HY, "ԵՐԵՎԱՆ, 12 մարտի. /ԱՐՄԵՆՊՐԵՍ/.", "Armenpress"),
    (HY, "ԵՐԵՎԱՆ, 12 ՄԱՐՏԻ, ԱՐՄԵՆՊՐԵՍ:", "Armenpress"),
    (KA, "თბილისი, 12 მარტი — Sputnik.", "Sputnik"),
    (TR, "İSTANBUL (AA) -", "Anadolu"),
    (TR, "ANKARA, 12 Mart (AA) -", "Anadolu"),
], ids=["az-apa", "az-azertac", "az-report", "hy-slashes", "hy-colon", "ka", "tr", "tr-date"])
def test_azerbaijani_armenian_georgian_and_turkish_agency_datelines_move_into_metadata(
        tmp_path: Path, texts: tuple[str, ...], dateline: str, agency: str) -> None:
    article = import_dump(tmp_path, texts, dateline)
    assert article.paragraphs == list(texts[1:])
    assert article.agencies[:1] == [agency]


@pytest.mark.parametrize("dateline, agency", [
    ("YEREVAN, March 12 (Reuters) -", "Reuters"),
    ("Yerevan, March 12 (AFP) -", "AFP"),
    ("BAKU, Azerbaijan (AP) —", "AP"),
], ids=["reuters-dated", "afp-dated", "ap-country"])
def test_an_english_agency_dateline_moves_into_metadata_and_credits_its_agency(
        tmp_path: Path, dateline: str, agency: str) -> None:
    """With a date too; and the agency of a dateline taken off the text is still credited
    (`(AP)` was removed before the body was searched for agencies)."""
    article = import_dump(tmp_path, EN, dateline)
    assert article.paragraphs == list(EN[1:])
    assert article.agencies == [agency]


def test_a_dateline_in_a_saved_html_page_moves_into_metadata(tmp_path: Path) -> None:
    title, lead, *rest = RU
    body = "".join(f"<p>{p}</p>" for p in [f"МОСКВА, 5 октября. /ТАСС/. {lead}", *rest])
    path = tmp_path / "page.html"
    path.write_text(f"<html lang='ru'><head><title>{title}</title>"
                    "<meta property='article:published_time' content='2024-10-05T10:00:00+03:00'>"
                    f"</head><body><h1>{title}</h1><article>{body}</article></body></html>",
                    encoding="utf-8")
    options = Options(dry_run=True, use_profiles=False)
    article = prepare(path, options)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    assert article.paragraphs == list(RU[1:])
    assert article.agencies[:1] == ["TASS"]


@pytest.mark.parametrize("texts, dateline, prose", [
    (RU, "ЕРЕВАН, 12 мар — РИА Новости.",
     "Ереван, как и Баку, настаивает на скорейшем подписании договора, заявил премьер."),
    (RU, "МОСКВА, 5 октября. /ТАСС/.",
     "Москва, 12 марта — российский МИД заявил о новом раунде переговоров по границе."),
    (AZ, "Bakı. 12 mart. APA.",
     "Bakı, Yerevan və Moskva yeni danışıqlar barədə razılığa gəliblər."),
    (KA, "თბილისი, 12 მარტი — Sputnik.", "თბილისი, როგორც ყოველთვის, მშვიდია, თქვა პრემიერმა."),
    (EN, "YEREVAN, March 12 (Reuters) -",
     "Yesterday, March 12, Reuters reported that the talks had failed over the border."),
], ids=["ru-comma", "ru-date-dash", "az", "ka", "en"])
def test_a_first_sentence_that_opens_like_a_dateline_stays_in_the_body(
        tmp_path: Path, texts: tuple[str, ...], dateline: str, prose: str) -> None:
    """The same page opened by the agency's dateline loses it; opened by a sentence whose first
    words are a capitalised name and a comma (even a date, a dash or an agency), keeps it."""
    title, lead, *rest = texts
    dated = import_dump(tmp_path / "dated", texts, dateline)
    assert dated.paragraphs[0] == lead and dated.datelines
    kept = import_dump(tmp_path / "prose", (title, f"{prose} {lead}", *rest), "")
    assert kept.paragraphs[0] == f"{prose} {lead}" and not kept.datelines


def test_the_evaluation_expects_a_non_latin_dateline_off_the_text() -> None:
    assert normalise_expected("ЕРЕВАН, 12 мар — РИА Новости. Премьер-министр заявил.") == \
        "Премьер-министр заявил."

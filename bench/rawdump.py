"""Render a synthetic article as a raw page dump, the importer's real input.

Like `seeds/*.txt` and the select-all-and-copy pages of `../shared/corpus/raw_text`: menu lines,
a date line, a dateline on the first paragraph, "Baca Juga" inserts, an editor code, credit lines
and trailing share/rating widgets, with the article indented the way browsers copy it.
"""

from __future__ import annotations

import random

from bench.corpus import SyntheticArticle

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
MENU = ["Beranda", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Teknologi", "Indeks"]
OTHER_HEADLINES = [
    "Hyundai Percaya Indonesia Lompati Hybrid, Pilih Mobil Listrik",
    "Menristek: Vaksin Covid-19 Tak Bertahan Seumur Hidup",
    "Harga Cabai di Pasar Induk Naik Jelang Akhir Pekan",
    "Timnas U-19 Tiba di Jakarta Usai Pemusatan Latihan",
    "BMKG: Waspada Hujan Lebat di Sebagian Jawa Barat",
]
WIDGETS = ["Bagikan Artikel", "data.label", "data.label", "Sangat Suka", "0%", "Suka", "0%",
           "Terinspirasi", "0%", "Tidak Peduli", "0%", "Marah", "0%", "Komentar"]
DATELINE_CITIES = ["JAKARTA", "BAKU", "YEREVAN", "MOSKOW", "TBILISI", "ANKARA"]


def render_dump(article: SyntheticArticle) -> str:
    """The whole visible text of the article's web page, junk included."""
    rng = random.Random(f"dump:{article.index}")
    d = article.date
    lines = [*rng.sample(MENU, 4), "", article.title, ""]
    lines.append(f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year} | {d:%H:%M} WIB")
    if article.authors:
        lines.append(f"Penulis : {', '.join(article.authors)}")
    lines += ["", "Daftar Isi", ""]
    city = rng.choice(DATELINE_CITIES)
    for number, paragraph in enumerate(article.paragraphs):
        text = f"{city}, {article.source} - {paragraph}" if number == 0 else paragraph
        lines += [f"    {text}", ""]
        if number % 4 == 2:
            lines += [f"    Baca Juga : {rng.choice(OTHER_HEADLINES)}", "", ""]
    lines += [f"    ({article.editor})", ""]
    lines += [f"    {widget}" for widget in WIDGETS]
    lines += ["", *rng.sample(OTHER_HEADLINES, 3), "", "© 2024 " + article.source]
    return "\n".join(lines) + "\n"

"""Indonesian-like words and sentences for synthetic articles.

Search-index size and Markdown cost depend on how many distinct words a corpus has and how often
each appears, so the text follows a Zipf-like law: a few hundred real Indonesian news words make
up most of the running text and a long tail of affixed pseudo-words (built from Indonesian
syllables) supplies the rare words a real archive has (names, places, typos, loanwords).
"""

from __future__ import annotations

import itertools
import random
from bisect import bisect
from collections.abc import Sequence

# Common words of Indonesian news prose, most frequent first (rank drives the Zipf weight).
COMMON = """
yang dan di itu dengan untuk dari dalam tidak akan pada ini juga ke karena oleh telah sebagai
bahwa mereka kata tersebut ada atau lebih sudah bisa saat para kepada hingga masih menjadi
antara namun setelah belum pihak kedua negara perang wilayah pasukan warga pemerintah presiden
menteri luar negeri militer tentara serangan sipil perdamaian gencatan senjata perundingan
kesepakatan perbatasan pengungsi korban tewas luka bentrokan pertempuran kendali desa kota
distrik ibu laporan resmi pernyataan juru bicara kementerian pertahanan keamanan dewan
internasional dunia bangsa bersatu organisasi utusan khusus diplomat pertemuan bertemu membahas
mendesak menyatakan mengatakan menurut sumber kantor berita mengutip sebelumnya kemudian selama
sejak tahun bulan pekan hari lalu terakhir pertama baru lama besar kecil banyak sejumlah
beberapa seluruh semua setiap lain sama tinggi rendah jauh dekat utara selatan timur barat
tengah pegunungan sungai jalan bandara pelabuhan rumah sakit sekolah masjid gereja bantuan
kemanusiaan pangan obat listrik air gas minyak pipa ekonomi harga pasar dagang investasi sanksi
embargo parlemen pemilu partai oposisi demonstrasi unjuk rasa polisi penangkapan pengadilan
hukum hak asasi manusia kebebasan pers wartawan media televisi radio daring video foto gambar
drone rudal artileri tank helikopter pesawat jet roket ranjau bom ledakan tembakan penembakan
posisi garis depan parit benteng markas komando jenderal kolonel komandan prajurit relawan
penjaga misi pemantau pengamat analis pakar ahli sejarah etnis agama budaya bahasa penduduk
keluarga anak perempuan laki orang jiwa ribu ratus juta miliar persen angka data jumlah
meningkat menurun tetap kembali terus mulai berakhir dimulai dilanjutkan ditunda dibatalkan
ditandatangani disepakati ditolak diterima dilaporkan disebut diduga dikonfirmasi dibantah
menuduh membantah menolak menerima menyerang mempertahankan merebut menguasai membebaskan
mengevakuasi menyelamatkan membangun menghancurkan memperbaiki mengirim menarik menempatkan
jalur koridor transportasi blokade akses terbuka tertutup aman bahaya krisis darurat situasi
kondisi tegang damai stabil rapuh serius penting utama strategis politik diplomatik regional
""".split()  # noqa: SIM905 (a list literal would be 300 lines)

# Syllables for the long tail of pseudo-words, and the affixes that make them look Indonesian.
_ONSETS = ["b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "ny",
           "k", "s"]
_VOWELS = ["a", "a", "i", "u", "e", "o"]
_CODAS = ["", "", "", "n", "ng", "r", "k", "t", "s", "h", "l", "m"]
_PREFIXES = ["", "", "", "me", "mem", "men", "di", "ber", "ter", "pe", "pen", "ke", "se"]
_SUFFIXES = ["", "", "", "", "kan", "an", "nya", "i", "lah"]

# Fixed phrases of the genre; `{a}`/`{b}` are tag names, `{w}` filler words.
TEMPLATES = [
    "{A} {w} {w} {w} dengan {b} {w} {w} {w} {w}.",
    "Menurut {w} {w}, {a} {w} {w} {w} {w} {w} {w}.",
    "{W} {w} {w} {w} {w} {w} di {a} {w} {w} {w}.",
    "Pihak {a} {w} {w} {w} {w}, sementara {b} {w} {w} {w}.",
    "{W} {w} {w} {w} {w} {w} {w} {w} {w} {w} {w}.",
    "{W} {w} {w} {w}, {w} {w} {w} {w} {w} {w}.",
    "\"{W} {w} {w} {w} {w} {w},\" kata {w} {w} {a}.",
    "{W} {w} {w} {w} {w} {w} {w} {w} (23/10).",
]


def pseudo_words(count: int, seed: int = 7) -> list[str]:
    """Distinct Indonesian-looking pseudo-words, deterministic for a seed."""
    rng = random.Random(seed)
    seen: set[str] = set(COMMON)
    out: list[str] = []
    while len(out) < count:
        root = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        word = rng.choice(_PREFIXES) + root + rng.choice(_SUFFIXES)
        if word not in seen and len(word) >= 4:
            seen.add(word)
            out.append(word)
    return out


class ZipfSampler:
    """Draw items with probability ∝ 1 / rank**exponent (ranks from 1, list order)."""

    def __init__(self, items: Sequence[str], exponent: float = 1.0) -> None:
        self.items = list(items)
        weights = (1.0 / (rank**exponent) for rank in range(1, len(self.items) + 1))
        self._cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect(self._cumulative, rng.random() * self._cumulative[-1])]

    def draw_distinct(self, rng: random.Random, k: int) -> list[str]:
        """k distinct items (k must not exceed the number of items)."""
        chosen: dict[str, None] = {}
        while len(chosen) < k:
            chosen[self.draw(rng)] = None
        return list(chosen)


class TextMaker:
    """Sentences and paragraphs of news-like Indonesian-looking prose."""

    def __init__(self, tail_size: int = 150_000, seed: int = 7) -> None:
        # Real words first (frequent), then the long tail; exponent ~1 is Zipf's law for text.
        self.words = ZipfSampler(COMMON + pseudo_words(tail_size, seed), exponent=1.1)

    def sentence(self, rng: random.Random, names: Sequence[str]) -> str:
        a, b = rng.choice(names), rng.choice(names)
        template = rng.choice(TEMPLATES)
        text = template.replace("{A}", a).replace("{a}", a).replace("{b}", b)
        while "{W}" in text or "{w}" in text:
            word = self.words.draw(rng)
            if "{W}" in text:
                text = text.replace("{W}", word.capitalize(), 1)
            else:
                text = text.replace("{w}", word, 1)
        return text

    def paragraphs(self, rng: random.Random, words: int, names: Sequence[str]) -> list[str]:
        """Paragraphs of 2–5 sentences until about `words` words are written."""
        out: list[str] = []
        total = 0
        while total < words:
            para = " ".join(self.sentence(rng, names) for _ in range(rng.randint(2, 5)))
            out.append(para)
            total += len(para.split())
        return out

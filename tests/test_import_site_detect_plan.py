"""Site detection's cheaper gate tests (a text all of a gate's literals share, the head's ASCII
letters lowercased for case-insensitive gates) pick the site the plain gated search picks."""

from __future__ import annotations

import random

from tools import rules
from tools.read import read_input
from tools.rules import _common_part, detect_site, load_sites

from conftest import ROOT, SHARED

ODD = ["ı", "İ", "ſ", "\u212a", "©", "“", "é", "DETIK", "DetİkNews", "detiknews", "detıkcom",
       "OKEZONE", "okezone", "\nMonday, 02 May, 2022 | 10:00 WIB\n",
       "Senin, 02 Mei 2022 | 10:00 WIB",
       "\nSabtu, 12 Juni 2021 | 09:15 WIB\n", "TEMPO.CO, Jakarta - ", "KOMPAS.com - ",
       "(ANTARA News) ", "Kapanlagi.com - ", "\nLancangKuning - ", "Liputan6.com, Jakarta",
       "VIVA.co.id - ", "REPUBLIKA.CO.ID, JAKARTA -- ", "today", "Sunday", "day"]


def plain(sites: tuple[rules.SiteProfile, ...], head: str) -> rules.SiteProfile | None:
    """Each detect pattern behind its gate's may_match, as before the plan."""
    best = [(min(starts), s.name, s) for s in sites
            if (starts := [m.start() for p in s.detect
                           if ((gate := rules.gate_for(p)) is None or gate.may_match(head))
                           and (m := p.search(head))])]
    return min(best)[2] if best else None


def heads() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    real = [read_input(path).text[:20000] for path in paths]
    rnd = random.Random(13)
    made = []
    for _ in range(3000):
        text = rnd.choice(real)
        start = rnd.randrange(len(text))
        text = text[start: start + rnd.randint(0, 3000)]
        for _ in range(rnd.randint(0, 4)):
            pos = rnd.randint(0, len(text))
            text = text[:pos] + rnd.choice(ODD) + text[pos:]
        made.append(text)
    return real + made


def test_the_plan_picks_the_plain_searchs_site() -> None:
    sites = load_sites()
    picked = set()
    for head in heads():
        rules._DETECTED.clear()
        found = detect_site(sites, head)
        assert found is plain(sites, head), head[:200]
        picked.add(found.name if found else None)
    assert len(picked) >= 8 and "Tempo English" in picked, picked


def test_common_part() -> None:
    assert _common_part(("Monday", "Sunday", "Friday")) == "day"
    assert _common_part(("abc", "xyz")) == ""
    assert _common_part(("detik", "detik.com")) == "detik"

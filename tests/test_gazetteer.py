"""Gazetteer: name keys, the GeoNames dump loader on a small file written here, lookups."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.resolve.gazetteer import Gazetteer, key, load_dumps
from sitrep.resolve.gazetteer.normalize import usable_name


def geonames_line(gid, name, alts, lat, lon, fclass, fcode, cc, admin1, pop):
    ascii_name = name.encode("ascii", "ignore").decode() or name
    cols = [str(gid), name, ascii_name, ",".join(alts), str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(pop), "", "100", "Europe/Moscow", "2024-01-01"]
    return "\t".join(cols) + "\n"


PLACES = [
    (543229, "Kozinka", ["Kazinka", "Козинка"], 50.4613, 35.6026, "P", "PPL", "RU", "09", 1097),
    (559034, "Grayvoron", ["Graiworon", "Grajvoron", "Грайворон"], 50.47893, 35.68087, "P", "PPLA2", "RU", "09", 6212),
    (578072, "Belgorod", ["Белгород", "Bilhorod"], 50.61074, 36.58015, "P", "PPLA", "RU", "09", 345289),
    (571476, "Bryansk", ["Брянск", "Briansk"], 53.27096, 34.32143, "P", "PPLA", "RU", "10", 427236),
    (706483, "Kharkiv", ["Kharkov", "Харків", "Харьков", "Charkiw"], 49.98081, 36.25272, "P", "PPLA", "UA", "07", 1430885),
    (690791, "Ukraine", ["Ucraina", "Україна"], 49.0, 32.0, "A", "PCLI", "UA", "00", 44622516),
    (2017370, "Russia", ["Rusia", "Россия"], 60.0, 100.0, "A", "PCLI", "RU", "00", 144478050),
    (578071, "Belgorod Oblast", ["Belgorodskaya Oblast'"], 50.75, 37.25, "A", "ADM1", "RU", "09", 1540486),
    # a far-away namesake the resolver must not pick when the document is about Belgorod
    (9999001, "Kozinka", [], 56.0, 60.0, "P", "PPL", "RU", "71", 2500),
    # a road (class R) is skipped
    (9999002, "Some Road", [], 50.0, 35.0, "R", "RD", "RU", "09", 0),
]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("geonames")
    txt = root / "RU.txt"
    txt.write_text("".join(geonames_line(*p) for p in PLACES), encoding="utf-8")
    zipped = root / "RU.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(txt, "RU.txt")
    admin = root / "admin1CodesASCII.txt"
    admin.write_text("RU.09\tBelgorod Oblast\tBelgorod Oblast\t578071\nRU.10\tBryansk Oblast\tBryansk Oblast\t571473\n"
                     "UA.07\tKharkiv Oblast\tKharkiv Oblast\t706482\n", encoding="utf-8")
    alternates = root / "alternateNamesV2.txt"
    alternates.write_text("1\t543229\tro\tCazinca\t\t\t\t\t\t\n2\t543229\tlink\thttps://example.invalid\t\t\t\t\t\t\n",
                          encoding="utf-8")
    db = root / "gaz.sqlite"
    counts = load_dumps(db, [zipped, admin, alternates])
    assert counts["places"] == len(PLACES) - 1
    assert counts["admin1"] >= 3
    return db


def test_keys_collapse_transliteration_variants():
    assert key("Grayvoron") == key("Graivoron") == key("Grajworon") == key("Грайворон")
    assert key("Kharkiv") == key("Харків")
    assert key("Kharkov") == key("Харьков")
    assert key("Sentianivka") == key("Сентянівка")
    assert key("Nord-Kivu") == key("Nord Kivu")
    assert key("Ivano-Frankivsk") == key("Ivano Frankivsk")


def test_usable_names_skip_codes_and_other_scripts():
    assert usable_name("Kazinka") and usable_name("Грайворон")
    assert not usable_name("BZK") and not usable_name("ブリャンスク") and not usable_name("A120")


def test_loader_and_lookup(small_db):
    g = Gazetteer(small_db)
    hits = g.lookup("Kazinka")
    assert [p.geonameid for p in hits] == [543229]
    assert {p.geonameid for p in g.lookup("Kozinka")} == {543229, 9999001}
    assert g.lookup("Cazinca")[0].geonameid == 543229  # from the alternate-names file
    assert g.lookup("Grajworon")[0].name == "Grayvoron"
    assert g.lookup("Some Road") == []
    assert g.admin1_name("RU", "09") == "Belgorod Oblast"
    assert g.stats()["places"] == len(PLACES) - 1


def test_missing_or_broken_database_says_what_to_do(tmp_path):
    with pytest.raises(GazetteerError, match="gazetteer build"):
        Gazetteer(tmp_path / "none.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    with pytest.raises(GazetteerError):
        Gazetteer(bad)


def test_loader_rejects_unknown_files(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("a\tb\n")
    with pytest.raises(GazetteerError):
        load_dumps(tmp_path / "g.sqlite", [f])


def test_lookups_per_second(small_db):
    import time

    g = Gazetteer(small_db)
    names = ["Kazinka", "Bryansk", "Kharkov", "Nowhere", "Belgorod"] * 200
    t0 = time.perf_counter()
    for n in names:
        g._keys.clear()
        g.lookup(n)
    rate = len(names) / (time.perf_counter() - t0)
    assert rate > 2000


def test_native_cyrillic_marker_rows():
    from sitrep.resolve.gazetteer.store import looks_ukrainian, native_key, native_rows

    assert looks_ukrainian("Покровськ") and looks_ukrainian("Оленівка") and not looks_ukrainian("Покровск")
    rows = set(native_rows(1, "UA", ["Pokrovsk", "Покровськ", "Покровск"]))
    assert (native_key("Покровськ", "u"), 1, 1) in rows and (native_key("Покровск", "c"), 1, 1) in rows
    assert not list(native_rows(2, "FR", ["Париж"]))  # only where Cyrillic is written
    # GeoNames alternateNames: the language column decides
    assert {k for k, _, _ in native_rows(3, None, ["Бахмут"], ["uk"])} == {native_key("Бахмут", "c"), native_key("Бахмут", "u")}


def test_a_gazetteer_built_from_other_inputs_is_stale(tmp_path):
    import sqlite3

    from sitrep.resolve.gazetteer.build import build_fingerprint, is_current

    db = tmp_path / "g.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('fingerprint', 'from-an-older-build')")
    assert not is_current(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (build_fingerprint(),))
    assert is_current(db)
    assert not is_current(tmp_path / "missing.sqlite")

"""Open data: CSV export and import (round trip, rejected rows) and SKOS JSON-LD."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from competences.models import Alignment, FrameworkItem
from competences.opendata import csv_columns

pytestmark = pytest.mark.django_db


def export(client, code):
    response = client.get(f"/en/framework/{code}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode()


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def write(tmp_path, text, name="items.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def snapshot(framework):
    """Every item of a framework, in every language, without database ids."""
    return sorted(
        FrameworkItem.objects.filter(framework__code=framework).values_list(
            "locale__language_code", "code", "level", "parent__code", "name", "description", "uri", "is_example"
        )
    )


def test_csv_has_one_row_per_item_with_every_language(client):
    data = rows(export(client, "LifeComp"))
    assert list(data[0].keys()) == csv_columns()
    by_code = {row["code"]: row for row in data}
    assert len(data) == 3 + 9 + 27  # areas, competences, descriptors
    assert by_code["S3.2"]["parent_code"] == "S3" and by_code["S3.2"]["level"] == "outcome"
    assert by_code["S3"] == by_code["S3"] | {
        "framework": "LifeComp",
        "level": "competence",
        "parent_code": "S",
        "name_en": "Collaboration",
        "name_fr": "Collaboration",
        "name_nl": "Samenwerking",
        "is_example": "false",
    }
    # Parents always come before their children, so the file can be imported as it is.
    seen = set()
    for row in data:
        assert not row["parent_code"] or row["parent_code"] in seen
        seen.add(row["code"])


def test_round_trip_export_delete_import(client, tmp_path):
    text = export(client, "SPOCC")
    before = snapshot("SPOCC")
    FrameworkItem.objects.filter(framework__code="SPOCC").delete()
    assert snapshot("SPOCC") == []

    call_command("import_framework", write(tmp_path, text), stdout=io.StringIO())

    assert snapshot("SPOCC") == before
    assert export(client, "SPOCC") == text
    # The imported items are real translations: the French page shows French names.
    html = client.get("/fr/framework/SPOCC/").content.decode()
    assert "Se répartir les tâches en équipe" in html and "Sharing tasks in a team" not in html


def test_importing_an_export_again_updates_in_place(client, tmp_path):
    text = export(client, "EntreComp")
    before = snapshot("EntreComp")
    alignments = Alignment.objects.count()
    out = io.StringIO()
    call_command("import_framework", write(tmp_path, text), stdout=out)
    assert "0 items created, 18 updated" in out.getvalue()
    assert snapshot("EntreComp") == before
    assert Alignment.objects.count() == alignments


def test_import_changes_names_in_every_language(client, tmp_path):
    data = rows(export(client, "LifeComp"))
    for row in data:
        if row["code"] == "L1":
            row["name_fr"] = "Mentalité de croissance"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns())
    writer.writeheader()
    writer.writerows(data)
    call_command("import_framework", write(tmp_path, buffer.getvalue()), stdout=io.StringIO())
    assert FrameworkItem.objects.get(locale__language_code="fr", framework__code="LifeComp", code="L1").name == (
        "Mentalité de croissance"
    )


HEADER = ",".join(csv_columns())
THREE = {"en": "Three", "fr": "Trois", "nl": "Drie"}


def line(framework="LifeComp", code="P1.3", level="outcome", parent="P1", names=THREE, descriptions=None, **cells):
    """One CSV row in the export's columns (every configured language; those not given are empty)."""
    values = {"framework": framework, "code": code, "level": level, "parent_code": parent, "is_example": "false"}
    values |= {f"name_{lang}": text for lang, text in names.items()}
    values |= {f"description_{lang}": text for lang, text in (descriptions or {}).items()}
    values |= cells
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=csv_columns(), restval="", lineterminator="").writerow(values)
    return buffer.getvalue()


GOOD = [
    line(
        code="P1.1", names={"en": "Descriptor one", "fr": "Descripteur un", "nl": "Descriptor een"}, is_example="true"
    ),
    line(
        code="P1.2",
        names={"en": "Descriptor two", "fr": "Descripteur deux", "nl": "Descriptor twee"},
        is_example="true",
    ),
]


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        (line(level="skill"), "unknown level 'skill'"),
        (line(code=""), "missing code"),
        (line(names=THREE | {"en": ""}), "missing name_en"),
        (line(names=THREE | {"fr": ""}), "missing name_fr"),
        (line(parent="P9"), "unknown parent 'P9'"),
        (line(framework="NOPE"), "unknown framework 'NOPE'"),
        (line(descriptions={"en": "Text"}), "missing description_fr, description_nl"),
        (line(uri="not a uri"), "invalid uri"),
        (line(code="P1.1", names={"en": "Again", "fr": "Encore", "nl": "Opnieuw"}), "appears twice"),
        (line(code="P1 3"), "invalid code 'P1 3'"),
        (line(is_example="maybe"), "is_example must be true or false"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_imported(tmp_path, bad_row, reason):
    before = snapshot("LifeComp")
    path = write(tmp_path, "\n".join([HEADER, *GOOD, bad_row]) + "\n")
    with pytest.raises(CommandError) as error:
        call_command("import_framework", path, stdout=io.StringIO())
    message = str(error.value)
    assert "Row 4" in message and reason in message, message
    assert "Nothing was imported" in message
    assert snapshot("LifeComp") == before


def test_missing_columns_and_missing_file_are_reported(tmp_path):
    with pytest.raises(CommandError, match="Row 1: missing columns: .*name_nl"):
        call_command("import_framework", write(tmp_path, "framework,code,level\nLifeComp,X,area\n"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_framework", str(tmp_path / "absent.csv"))


def test_good_rows_import_under_an_existing_parent(client, tmp_path):
    path = write(tmp_path, "\n".join([HEADER, *GOOD]) + "\n")
    call_command("import_framework", path, stdout=io.StringIO())
    dutch = FrameworkItem.objects.select_related("parent").get(
        locale__language_code="nl", framework__code="LifeComp", code="P1.2"
    )
    assert dutch.name == "Descriptor twee" and dutch.parent.name == "Zelfregulatie" and dutch.is_example
    assert "Descripteur deux" in client.get("/fr/framework/LifeComp/P1/").content.decode()


def test_skos_json_ld(client):
    from competences.models import Alignment

    # Only links a coordinator confirmed are published as mappings.
    proposed = client.get("/fr/framework/SPOCC.jsonld").content.decode()
    assert "skos:closeMatch" not in proposed and "skos:relatedMatch" not in proposed
    Alignment.objects.update(approved=True)
    response = client.get("/fr/framework/SPOCC.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    graph = {node["@id"]: node for node in document["@graph"]}
    scheme = next(node for node in graph.values() if node["@type"] == "skos:ConceptScheme")
    assert scheme["skos:notation"] == "SPOCC"
    # Stable identifiers: the English item pages, whatever the language of the request.
    cooperative = graph["http://testserver/en/framework/SPOCC/C/"]
    assert cooperative["@type"] == "skos:Concept"
    assert cooperative["skos:notation"] == "C"
    assert {label["@language"]: label["@value"] for label in cooperative["skos:prefLabel"]} == {
        "en": "Co-operative skills",
        "fr": "Compétences coopératives",
        "nl": "Coöperatieve vaardigheden",
    }
    assert {"@id": "http://testserver/en/framework/LifeComp/S3/"} in cooperative["skos:closeMatch"]
    assert {"@id": "http://testserver/en/framework/SPOCC/EX-C1/"} in cooperative["skos:narrower"]
    example = graph["http://testserver/en/framework/SPOCC/EX-C1/"]
    assert example["skos:broader"] == {"@id": cooperative["@id"]}
    assert "skos:editorialNote" in example

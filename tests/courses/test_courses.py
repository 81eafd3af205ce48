"""Courses: ordered modules with outcomes, methods and films, the badge they lead to, a printable
programme and Course JSON-LD in every language; trainers record completions and award the badge."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.html import escape
from jsonschema import validate

from badges.models import Award
from courses.completions import record_completion, setup_trainers
from courses.models import CourseCompletion, CourseIndexPage, CoursePage
from privacy import personal_data
from tests.factories import CoursePageFactory, badge_issuer
from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db
LANGUAGES = WRITTEN  # the languages the test content is written in

# What a schema.org Course needs to be useful to search engines, and what this site promises.
COURSE_SCHEMA = {
    "type": "object",
    "required": ["@context", "@type", "name", "description", "url", "inLanguage", "provider", "syllabusSections"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "Course"},
        "provider": {
            "type": "object",
            "required": ["@type", "name"],
            "properties": {"@type": {"const": "Organization"}},
        },
        "teaches": {"type": "array", "minItems": 1, "items": {"required": ["@type", "name", "termCode"]}},
        "syllabusSections": {
            "type": "array",
            "minItems": 1,
            "items": {"required": ["@type", "name", "position"], "properties": {"@type": {"const": "Syllabus"}}},
        },
        "educationalCredentialAwarded": {
            "type": "object",
            "required": ["@type", "name", "url"],
            "properties": {"@type": {"const": "EducationalOccupationalCredential"}},
        },
        "timeRequired": {"type": "string", "pattern": "^PT(\\d+H)?(\\d+M)?$"},
    },
}


def json_ld(html):
    return [json.loads(script.string) for script in html.select('script[type="application/ld+json"]')]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_section_lists_its_courses_in_its_language(client, lang, course):
    draft = CoursePageFactory(language=lang, title="A course still in preparation", live=False)
    index = CourseIndexPage.objects.live().get(locale__language_code=lang)
    html = client.get(index.url).content.decode()
    courses = CoursePage.objects.live().filter(locale__language_code=lang)
    assert course[lang] in courses
    for page in courses:
        assert escape(page.title) in html
    assert escape(draft.title) not in html
    others = [code for code in LANGUAGES if code != lang]
    assert not any(escape(course[code].title) in html for code in others)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_course_shows_its_modules_outcomes_and_badge_with_valid_course_json_ld(client, lang, course):
    course = course[lang]
    response = client.get(course.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "lxml")
    modules = html.select(".course-module")
    assert len(modules) == len(course.modules) == 2
    for module, data in zip(modules, course.module_list, strict=True):
        assert data["title"] in module.get_text()
        outcome_names = [item.get_text(strip=True) for item in module.select(".course-outcomes li a")]
        assert outcome_names == [item.name for item in data["outcomes"]]
        assert all(item.locale.language_code == lang for item in data["outcomes"])
    badge = html.select_one(".course-badge a")
    assert badge.get_text(strip=True) == course.localized_badge.title
    assert course.localized_badge.locale.language_code == lang
    data = next(item for item in json_ld(html) if item.get("@type") == "Course")
    validate(data, COURSE_SCHEMA)
    assert data["inLanguage"] == lang
    assert data["educationalCredentialAwarded"]["name"] == course.localized_badge.title
    assert [section["name"] for section in data["syllabusSections"]] == [m["title"] for m in course.module_list]


def test_the_methods_and_films_of_a_module_are_shown_in_the_readers_language(client, course):
    course = course["fr"]
    methods = [page for module in course.module_list for page in module["methods"]]
    assert [page.title for page in methods] == ["Le défi de la tour"]
    assert all(page.locale.language_code == "fr" for page in methods)
    html = client.get(course.url + "programme/").content.decode()
    for page in methods:
        assert escape(page.title) in html


def test_a_trainer_records_a_completion_and_awards_the_badge(rf, course, settings, tmp_path):
    course = course["en"]
    badge_issuer(course.partner, settings, tmp_path)
    coordinator = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    completion = record_completion(
        course,
        "Kim Example",
        "kim@example.org",
        date(2026, 11, 30),
        "Led the team in the tower challenge.",
        award_badge=True,
        by=coordinator,
    )
    assert completion.award is not None
    assert completion.award.achievement.translation_key == course.badge.translation_key
    exported = personal_data.export("kim@example.org")
    assert exported["courses.completion"][0]["course"] == course.title
    assert exported["badges.award"]
    personal_data.erase("kim@example.org")
    assert not CourseCompletion.objects.filter(participant_email="kim@example.org").exists()
    assert not Award.objects.filter(recipient_email="kim@example.org").exists()


def test_a_trainer_who_is_not_an_assessor_cannot_award_and_nothing_is_recorded(course, settings, tmp_path):
    course = course["en"]
    badge_issuer(course.partner, settings, tmp_path)
    trainer = get_user_model().objects.create_user("trainer", "t@example.org", "x")
    trainer.groups.add(setup_trainers())
    with pytest.raises(PermissionDenied):
        record_completion(course, "Lee Example", "lee@example.org", date(2026, 11, 30), award_badge=True, by=trainer)
    assert not CourseCompletion.objects.filter(participant_email="lee@example.org").exists()
    record_completion(course, "Lee Example", "lee@example.org", date(2026, 11, 30), by=trainer)
    assert CourseCompletion.objects.filter(participant_email="lee@example.org").count() == 1


def test_the_admin_form_records_a_completion(client):
    admin = get_user_model().objects.create_superuser("admin2", "a2@example.org", "x")
    client.force_login(admin)
    course = CoursePageFactory()
    assert client.get("/admin/courses/completions/new/").status_code == 200
    response = client.post(
        "/admin/courses/completions/new/",
        {
            "course": course.pk,
            "participant_name": "Ali Example",
            "participant_email": "ali@example.org",
            "completed_on": "2026-12-01",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert CourseCompletion.objects.get(participant_email="ali@example.org").consent_version
    assert "Ali Example" in client.get("/admin/courses/completions/").content.decode()

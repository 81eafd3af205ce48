"""JSON-LD of a questionnaire: a schema.org Quiz about the competences it asks about."""

from core.structured_data import page_url


def quiz(page, request):
    from core.translated import in_locale

    items, seen = [], set()
    for block in page.statements:
        item = block.value.get("competence")
        if item is not None and item.translation_key not in seen:
            seen.add(item.translation_key)
            items.append(item)
    data = {
        "@context": "https://schema.org",
        "@type": "Quiz",
        "name": page.seo_title or page.title,
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
        "educationalUse": "self-assessment",
        "isAccessibleForFree": True,
        "timeRequired": f"PT{page.minutes}M",
        "about": [
            {
                "@type": "DefinedTerm",
                "name": item.name,
                "termCode": item.code,
                "url": request.build_absolute_uri(item.get_absolute_url()),
                "inDefinedTermSet": item.framework.name,
            }
            for item in in_locale(items, page.locale, select_related=["framework"])
        ],
    }
    if page.description:
        data["description"] = page.description
    if page.audience:
        data["audience"] = {"@type": "Audience", "audienceType": page.audience}
    return data

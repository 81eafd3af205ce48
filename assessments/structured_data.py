"""JSON-LD of a questionnaire: a schema.org Quiz about the competences it asks about."""

from core.structured_data import page_url


def quiz(page, request):
    from .answers import statements

    items, seen = [], set()
    for statement in statements(page):
        if statement.item.translation_key not in seen:
            seen.add(statement.item.translation_key)
            items.append(statement.item)
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
            for item in items
        ],
    }
    if page.description:
        data["description"] = page.description
    if page.audience:
        data["audience"] = {"@type": "Audience", "audienceType": page.audience}
    return data

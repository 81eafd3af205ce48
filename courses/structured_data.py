"""JSON-LD of a course: a schema.org Course with its syllabus, what it teaches and its credential."""

from core.structured_data import page_url


def iso_duration(minutes):
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"PT{rest}M"
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


def _term(item, request):
    return {
        "@type": "DefinedTerm",
        "name": item.name,
        "termCode": item.code,
        "inDefinedTermSet": item.framework.name,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def course(page, request):
    modules = page.module_list
    teaches, seen = [], set()
    for module in modules:
        for item in module["outcomes"]:
            if item.translation_key not in seen:
                seen.add(item.translation_key)
                teaches.append(_term(item, request))
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": page.seo_title or page.title,
        "description": page.description or page.summary,
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
        "audience": {"@type": "EducationalAudience", "audienceType": page.audience},
        "timeRequired": iso_duration(page.total_minutes),
        "teaches": teaches,
        "syllabusSections": [
            {
                "@type": "Syllabus",
                "name": module["title"],
                "position": module["number"],
                "timeRequired": iso_duration(module["duration_minutes"]),
                **({"description": module["description"]} if module["description"] else {}),
            }
            for module in modules
        ],
        "isAccessibleForFree": True,
    }
    if page.partner_id:
        data["provider"] = page.partner.localized.as_structured_data()
    badge = page.localized_badge
    if badge is not None:
        data["educationalCredentialAwarded"] = {
            "@type": "EducationalOccupationalCredential",
            "name": badge.title,
            "credentialCategory": "badge",
            "url": page_url(badge, request),
        }
    return data

"""JSON-LD for a training method: a schema.org LearningResource."""

from core.structured_data import page_url


def iso_duration(minutes):
    """ISO 8601 duration of a number of minutes: 90 -> PT1H30M."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"PT{rest}M"
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


def alignment(item, request):
    """An AlignmentObject: the method teaches this competence (named in the page's language)."""
    data = {
        "@type": "AlignmentObject",
        "alignmentType": "teaches",
        "targetName": item.name,
        "educationalFramework": item.framework.name,
    }
    get_url = getattr(item, "get_absolute_url", None)
    if get_url is not None:
        data["targetUrl"] = request.build_absolute_uri(get_url())
    return data


def learning_resource(page, request, competences=None):
    competences = page.competences_here if competences is None else competences
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
        "learningResourceType": "training method",
        "timeRequired": iso_duration(page.duration_minutes),
        "educationalAlignment": [alignment(item, request) for item in competences],
    }
    if page.description:
        data["description"] = page.description
    if page.licence_url:
        data["license"] = page.licence_url
    audiences = [{"@type": "Audience", "audienceType": str(label)} for label in page.target_group_labels]
    if audiences:
        data["audience"] = audiences
    if page.partner_id:
        partner = page.partner
        data["provider"] = partner.as_structured_data()
    return data

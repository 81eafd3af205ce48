"""schema.org JSON-LD for the framework pages (DefinedTermSet and DefinedTerm)."""


def defined_term_set(framework, request, items=()):
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": request.build_absolute_uri(framework.get_absolute_url()),
        "name": framework.name,
        "identifier": framework.code,
        "url": request.build_absolute_uri(framework.get_absolute_url()),
        "inLanguage": framework.locale.language_code,
    }
    if framework.description:
        data["description"] = framework.description
    if framework.licence:
        data["license"] = framework.licence
    if framework.website:
        data["sameAs"] = framework.website
    if items:
        data["hasDefinedTerm"] = [
            {"@type": "DefinedTerm", "name": item.name, "termCode": item.code, "url": _url(request, item)}
            for item in items
        ]
    return data


def defined_term(item, request):
    framework_url = request.build_absolute_uri(item.framework.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": _url(request, item),
        "name": item.name,
        "termCode": item.code,
        "url": _url(request, item),
        "inLanguage": item.locale.language_code,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": framework_url,
            "name": item.framework.name,
            "url": framework_url,
        },
    }
    if item.description:
        data["description"] = item.description
    if item.uri:
        data["sameAs"] = item.uri
    return data


def _url(request, item):
    return request.build_absolute_uri(item.get_absolute_url())

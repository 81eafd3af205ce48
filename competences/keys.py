"""How a competence is written in an address, and the order competences are listed in.

- In an address (a filter's `?competence=`, the open data): `LifeComp:S1`, the
  framework's code and the item's code. Both read the same in every language, so
  a filtered address can be shared across languages, and they are readable.
- In a list: by framework (its sort order, then code), then down the item's
  lineage, each level by its sort order then code, so an area comes just before
  its competences. Items need `framework` and `parent__parent` loaded
  (`select_related`; a framework has three levels) to be sorted without a query each.
"""

SEPARATOR = ":"


def competence_value(framework_code, item_code):
    """A competence in a URL: language-neutral, readable and shareable, e.g. LifeComp:S1."""
    return f"{framework_code}{SEPARATOR}{item_code}"


def item_value(item):
    return competence_value(item.framework.code, item.code)


def parse_competence_value(value):
    """(framework code, item code) of a value written by competence_value(), else None."""
    framework_code, separator, item_code = str(value).partition(SEPARATOR)
    if not separator or not framework_code or not item_code:
        return None
    return framework_code, item_code


def framework_order(item):
    """The sort key of a framework item: framework, then each level of its lineage."""
    lineage = []
    node = item
    while node is not None:
        lineage.append((node.sort_order, node.code))
        node = node.parent if node.parent_id else None
    return (item.framework.sort_order, item.framework.code, *reversed(lineage))

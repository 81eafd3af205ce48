from django import template

from core.visibility import visible

register = template.Library()


@register.simple_tag
def related_badges(obj):
    """The live badges, in the current language, aligned to a framework item or to the
    competences a page develops (one query)."""
    from competences.models import FrameworkItem

    from ..models import AchievementPage

    badges = visible(AchievementPage.objects.all())
    if isinstance(obj, FrameworkItem):
        badges = badges.filter(competences__translation_key=obj.translation_key)
    elif hasattr(obj, "competences") and obj.pk:
        if isinstance(obj, AchievementPage):
            return []
        badges = badges.filter(competences__in=obj.competences.all().values("pk"))
    else:
        return []
    return list(badges.distinct().order_by("title").only("title", "url_path", "path", "depth", "locale_id"))

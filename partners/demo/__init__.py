"""Demo content: the source projects and the nine STEPS partners."""

from demo.context import language_keys, load_yaml
from partners.models import Partner, Project


def build_projects(ctx):
    for entry in load_yaml("partners", "projects.yaml"):
        synced = {key: value for key, value in entry.items() if key not in language_keys(entry) | {"acronym"}}
        project = ctx.snippet_in_all_languages(
            f"project:{entry['acronym']}", Project, {"acronym": entry["acronym"]}, entry, **synced
        )
        ctx.objects[f"project:{entry['acronym']}"] = project
    ctx.log(f"  {Project.objects.filter(locale=ctx.default_locale).count()} projects in every language")


def build_partners(ctx):
    for entry in load_yaml("partners", "partners.yaml"):
        synced = {key: value for key, value in entry.items() if key not in language_keys(entry) | {"name", "project"}}
        synced["project"] = ctx.objects[f"project:{entry['project']}"]
        ctx.snippet_in_all_languages(f"partner:{entry['name']}", Partner, {"name": entry["name"]}, entry, **synced)
    ctx.log(f"  {Partner.objects.filter(locale=ctx.default_locale).count()} partners in every language")


STEPS = [(10, build_projects), (11, build_partners)]

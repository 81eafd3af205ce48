"""The DOI a repository gave to a deposited item."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from publications.doi import validate_doi


class Deposit(models.Model):
    """One deposited item: the publication, a film or the toolkit, by its source page.

    Keyed to the page in the language it was written in (each translation is the
    same item); deleting the page deletes the record.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        validators=[validate_doi],
        help_text=_("The DOI the repository gave, e.g. 10.5281/zenodo.1234567."),
    )
    record_url = models.URLField(_("record in the repository"), blank=True)
    deposited_on = models.DateField(_("deposited on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("deposit")
        verbose_name_plural = _("deposits")

    def __str__(self):
        return self.doi or str(self.page_id)

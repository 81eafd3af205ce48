"""The editors' forms for print requests and stocks: they keep the allocation right."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import printing


class PrintRequestAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        status = cleaned.get("status", instance.status)
        copies = cleaned.get("copies", instance.copies)
        stock = cleaned.get("stock") or (instance.stock if instance.stock_id else None)
        if stock is None or copies is None or status is None:
            return cleaned
        held_before = 0
        if instance.pk:
            previous = type(instance).objects.filter(pk=instance.pk).first()
            if previous is not None and previous.stock_id == stock.pk and previous.status in previous.ALLOCATING:
                held_before = previous.copies
        needed = (copies if status in instance.ALLOCATING else 0) - held_before
        stock.refresh_from_db()
        if needed > stock.left:
            self.add_error(
                "status",
                _("Only %(left)s copies are left: this request cannot hold %(copies)s. Keep it on the waiting list.")
                % {"left": stock.left, "copies": copies},
            )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            # Re-checked under the stock's lock; a request that lost a race waits.
            printing.save_request(instance, strict=False)
        return instance

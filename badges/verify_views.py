"""The verification page of the badge catalogue, in the visitor's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import baking
from .verification import MAX_CREDENTIAL_CHARS, verify


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("Credential"),
        required=False,
        max_length=MAX_CREDENTIAL_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_("Paste the credential (a long text in three parts separated by dots)."),
    )
    image = forms.FileField(
        label=_("Or a badge image"), required=False, help_text=_("A PNG or SVG badge with the credential inside.")
    )
    email = forms.EmailField(
        label=_("E-mail address of the person (optional)"),
        required=False,
        help_text=_("Checks that the badge was awarded to this address. The address is not stored."),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("credential") and not data.get("image"):
            raise forms.ValidationError(_("Paste a credential or choose a badge image."))
        return data


def verify_page(page, request):
    result = None
    problem = ""
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            token = form.cleaned_data["credential"]
            upload = form.cleaned_data["image"]
            if upload is not None:
                try:
                    if upload.size > baking.MAX_UPLOAD_BYTES:
                        raise baking.NotBaked("too large")
                    token = baking.extract(upload.read())
                except baking.NotBaked:
                    problem = _("No credential was found in this image: is it a baked badge (PNG or SVG)?")
            if not problem:
                result = verify(token, form.cleaned_data["email"])
    else:
        form = VerifyForm()
    response = page.render(
        request,
        template="badges/verify.html",
        context_overrides={"form": form, "result": result, "problem": problem},
    )
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response

"""The reader's account page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from posts.forms import ProfileForm
from posts.models import Profile, display_name
from posts.services import save_profile


@login_required
def account_profile(request):
    """The reader's account page: the name shown with comments, the e-mail language (and
    an author's bio)."""
    profile = Profile.objects.filter(user=request.user).first()
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            save_profile(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                bio=form.cleaned_data["bio"],
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("Your profile has been saved."))
            return redirect("account_profile")
    else:
        form = ProfileForm(
            initial={
                "display_name": display_name(request.user),
                "bio": profile and profile.bio,
                "language": profile and profile.language,
            }
        )
    return render(request, "account/profile.html", {"form": form})

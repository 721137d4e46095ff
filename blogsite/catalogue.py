"""Words other apps show in our pages that our catalogue translates, or translates better.

`make messages` keeps in locale/ only the strings it finds in our sources; these are
written here so that it finds them. Catalogues in LOCALE_PATHS take precedence over every
app's own, so the translations in locale/<language>/ win over Django's and allauth's.

- NEUTRAL: the Django admin's messages put a model's verbose name into a sentence ("The
  {name} “{obj}” was added successfully."), and Django's Italian gives every noun the
  masculine article ("Il articolo", "Il immagine", "Visualizza il utente"). No context can
  tell the admin which noun comes: the sentences are rephrased in our catalogue so that no
  article or agreement depends on the noun ("Elemento aggiunto: immagine “...”"), which
  reads right for every model, third-party ones included.
- MISSING: strings of Django 5.2, allauth and django-tasks that their Italian catalogues
  do not have yet (or have half in English).
- WORDING: allauth's words for the account's three actions, which are ours in both
  languages: "Log in", "Sign up", "Log out" ("Accedi", "Registrati", "Esci"), never
  allauth's "Sign In", "Sign Up", "Signup", "Sign Out" ("Disconnetti", "Registrazione").
  The English catalogue translates these English strings into ours, so allauth's templates
  stay as they are (tests/accounts/test_account_wording.py reads the pages).
- ACCOUNT_PAGES: the rest of allauth's headings, buttons and labels, in the sentence case
  and the "e-mail" of the rest of the site, and named as the account menu names the pages
  ("Connected accounts", not "Account Connections"), in both languages.

Nothing imports this module at run time except the test that checks every entry is
translated (tests/languages/test_admin_italian.py).
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

NEUTRAL = (
    # django/contrib/admin/options.py: after saving or deleting one object.
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of '
        "the following related items will be deleted:"
    ),
    # django/contrib/admin/models.py: the history of an object.
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    # django/contrib/admin/templates/admin/widgets/related_widget_wrapper.html
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    # django/db/models/base.py: a unique field or constraint refused.
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
)
NEUTRAL_PLURAL = (
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.",
        "%(count)s %(name)s were changed successfully.",
        "count",
    ),
)

MISSING = (
    # Django 5.2's admin and auth.
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    gettext_noop("Reset password"),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If "
        "disabled, they may still be able to authenticate using other backends, such as "
        "Single Sign-On or LDAP."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("Enter a valid domain name."),
    # allauth (then what its Italian gets wrong: an English "or", two apps both "Account")
    gettext_noop("Menu:"),
    gettext_noop("API secret, client secret, or consumer secret"),
    gettext_noop("Accounts"),
    gettext_noop("Social Accounts"),
    # django-tasks and its database backend (blogsite/admin/third_party.py names its columns).
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
)

WORDING = (
    # account/login.html, mfa/authenticate.html
    gettext_noop("Sign In"),
    # account/logout.html
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    # account/signup.html, socialaccount/signup.html
    gettext_noop("Signup"),
    gettext_noop("Sign Up"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Sign Up Closed"),
    # account/verification_sent.html
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, "
        "check your spam folder. Please contact us if you do not receive the verification "
        "email within a few minutes."
    ),
    # account/snippets/already_logged_in.html
    gettext_noop("You are already logged in as %(user_display)s."),
    # account/messages/logged_in.txt, logged_out.txt
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    # account/email/account_already_exists_message.txt
    gettext_noop(
        "You are receiving this email because you or someone else tried to signup for an\n"
        "account using email address:\n\n%(email)s\n\nHowever, an account using that email "
        "address already exists.  In case you have\nforgotten about this, please use the "
        "password forgotten procedure to recover\nyour account:\n\n%(password_reset_url)s"
    ),
    # mfa/trust.html
    gettext_noop(
        "If you choose to trust this browser, you will not be asked for a verification code "
        "the next time you sign in."
    ),
    # socialaccount: its pages, and its adapter's refusal
    gettext_noop("Sign In Via %(provider)s"),
    gettext_noop("You are about to sign in using a third-party account from %(provider)s."),
    gettext_noop(
        "You can sign in to your account using any of the following third-party accounts:"
    ),
    gettext_noop(
        "An account already exists with this email address. Please sign in to that account "
        "first, then connect your %s account."
    ),
    gettext_noop("An error occurred while attempting to login via your third-party account."),
    gettext_noop(
        "You decided to cancel logging in to our site using one of your existing accounts. If "
        'this was a mistake, please proceed to <a href="%(login_url)s">sign in</a>.'
    ),
    gettext_noop(
        "You are about to use your %(provider_name)s account to login to\n%(site_name)s. As a "
        "final step, please complete the following form:"
    ),
)

ACCOUNT_PAGES = (
    gettext_noop("Password Reset"),
    gettext_noop("Reset My Password"),
    gettext_noop("Change Password"),
    gettext_noop("Set Password"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Remember Me"),
    pgettext_lazy("field label", "Login"),
    gettext_noop("Username or email"),
    gettext_noop("Email address"),
    gettext_noop("Email"),
    gettext_noop("Email Addresses"),
    gettext_noop("The following email addresses are associated with your account:"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("Authenticator App"),
    gettext_noop("Recovery Codes"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Confirm Access"),
    gettext_noop("Please reauthenticate to safeguard your account."),
    gettext_noop("Account Connections"),
    gettext_noop("Add a Third-Party Account"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email "
        "allowing you to reset it."
    ),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
)

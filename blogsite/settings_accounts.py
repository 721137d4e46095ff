"""Accounts settings (django-allauth and allauth.mfa), star-imported by blogsite.settings.

Constants only: the two that depend on the site (ACCOUNT_DEFAULT_HTTP_PROTOCOL from
SITE_URL, MFA_TOTP_ISSUER from SITE_NAME) stay in blogsite/settings.py.
"""

# Accounts (django-allauth).
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# Readers choose the name shown with their comments at sign-up (posts.models.Profile).
ACCOUNT_SIGNUP_FORM_CLASS = "posts.forms.SignupForm"
# Sign-up spam: no throwaway addresses (SIGNUP_BLOCKED_EMAIL_DOMAINS, posts.accounts), a
# honeypot field in the form above, and the "signup" rate below.
# The header and allauth's messages name the reader as everything else does.
ACCOUNT_USER_DISPLAY = "posts.models.display_name"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address in the browser that signed up signs the reader in and takes them
# back to where they signed up from (the `next` of the sign-up link, e.g. an article).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A changed or newly set password, a changed e-mail address: the page says so, and so does an
# e-mail to the account (whoever made the change, the owner hears of it).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Links in allauth's e-mails on SITE_URL, and the e-mails anyone can trigger capped per
# address and per client (ACCOUNTS_MAILS_*, blogsite/accounts/), which posts' adapter extends.
ACCOUNT_ADAPTER = "posts.accounts.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "blogsite.accounts.forms.LoginForm",
    "reset_password": "blogsite.accounts.forms.ResetPasswordForm",
}
ACCOUNT_RATE_LIMITS = {
    # Every sign-in attempt per client, and failed ones per client and per account: five
    # wrong passwords (or two-factor codes) lock the account for five minutes.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    # A person who mistypes needs a few tries; a robot making accounts in bulk is cut off.
    "signup": "8/10m/ip,40/d/ip",
    # One confirmation e-mail per address every 3 minutes at most (the earlier link still
    # works); the daily cap is ACCOUNTS_MAILS_PER_ADDRESS.
    "confirm_email": "1/3m/key",
    # A burst guard only: ACCOUNTS_MAILS_* cap the e-mails and say when to try again.
    "reset_password": "20/m/ip",
}
# Two factors (allauth.mfa): an authenticator app (TOTP) and recovery codes.
MFA_ADAPTER = "blogsite.accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# A code of the 30 seconds before or after is accepted too: a phone's clock drifts, and a
# code typed as it changes is not refused (RFC 6238's advice). Each is accepted once.
MFA_TOTP_TOLERANCE = 1

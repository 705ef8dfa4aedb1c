"""Set the account's SECURITY alternate contact from the workload file."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer, FixImpossible, NeedsInput

REQUIRED = ("name", "email", "phone")
"""What PutAlternateContact needs besides a title (which defaults to "Security")."""
SOURCE = "set security_contact (name, email, phone, title) in the workload file and pass it with --workload"


class SecurityContact(Fixer):
    """put_alternate_contact SECURITY."""

    rule = "account_security_contact"
    collectors = ("account", "contacts")
    title = "Set the SECURITY alternate contact"
    permissions = ("account:PutAlternateContact",)
    risk = "None: AWS sends security notices to this contact as well as to the root email."

    def needs(self, resource: Resource, ctx: FixContext) -> NeedsInput | None:
        """The contact's name, email and phone, from the workload file's security_contact."""
        if self._is_set(resource):
            return None
        contact = ctx.security_contact or {}
        missing = [k for k in REQUIRED if not str(contact.get(k) or "").strip()]
        if not missing:
            return None
        what = (
            "a security contact (name, email, phone)"
            if len(missing) == len(REQUIRED)
            else f"the security contact's {' and '.join(missing)} (security_contact lacks it)"
        )
        return NeedsInput(what, SOURCE)

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when a SECURITY contact with an email is set; else put the workload file's contact."""
        if self._is_set(resource):
            return []
        need = self.needs(resource, ctx)
        if need or ctx.security_contact is None:
            raise FixImpossible(str(need))
        c = ctx.security_contact
        return [
            Call(
                "account",
                "put_alternate_contact",
                {
                    "AlternateContactType": "SECURITY",
                    "Name": c["name"],
                    "Title": c.get("title") or "Security",
                    "EmailAddress": c["email"],
                    "PhoneNumber": c["phone"],
                },
            )
        ]

    @staticmethod
    def _is_set(resource: Resource) -> bool:
        current = (resource.properties.get("AlternateContacts") or {}).get("SECURITY")
        return isinstance(current, dict) and bool(current.get("EmailAddress"))


FIXER = SecurityContact()

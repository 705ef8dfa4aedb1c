"""Set the account's SECURITY alternate contact from the workload file."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer, FixImpossible


class SecurityContact(Fixer):
    """put_alternate_contact SECURITY."""

    rule = "account_security_contact"
    collectors = ("account", "contacts")
    title = "Set the SECURITY alternate contact"
    permissions = ("account:PutAlternateContact",)
    risk = "None: AWS sends security notices to this contact as well as to the root email."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Needs security_contact (name, email, phone, title) in the workload file."""
        current = (resource.properties.get("AlternateContacts") or {}).get("SECURITY")
        if isinstance(current, dict) and current.get("EmailAddress"):
            return []
        c = ctx.security_contact
        if not c:
            if ctx.inventory is None:
                return [
                    Call(
                        "account",
                        "put_alternate_contact",
                        {"AlternateContactType": "SECURITY", "EmailAddress": "(from the workload file)"},
                    )
                ]
            raise FixImpossible("no security_contact in the workload file (name, email, phone, title)")
        return [
            Call(
                "account",
                "put_alternate_contact",
                {
                    "AlternateContactType": "SECURITY",
                    "Name": c["name"],
                    "Title": c.get("title", "Security"),
                    "EmailAddress": c["email"],
                    "PhoneNumber": c["phone"],
                },
            )
        ]


FIXER = SecurityContact()

"""Which municipalities a staff member works on: all of them, or only those assigned (Kommune).

Superusers and roles with the permission "all_municipalities" (Redaktion, Anfragen) work on every
municipality; everyone else on staff only on the municipalities whose editors they are. The admin
(see admin_scoping.py) and the public preview both ask here.
"""

ALL_MUNICIPALITIES = "municipalities.all_municipalities"


def sees_all_municipalities(user):
    return user.has_perm(ALL_MUNICIPALITIES)


def assigned_municipalities(user):
    """The user's municipalities as a subquery (no query of its own)."""
    from municipalities.models import Municipality

    if not user.is_authenticated:
        return Municipality.objects.none().values("pk")
    return Municipality.objects.filter(editors=user).values("pk")

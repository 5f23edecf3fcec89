"""Personal API tokens of the current user (django-rest-knox: stored hashed, shown once).

A token is identified by its first characters (`id`, knox's token_key); the full value is only
in the answer to its creation. Revoking deletes it: the next request with it answers 401.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from knox.models import AuthToken
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from .base import ApiViewSet


class TokenSerializer(serializers.ModelSerializer):
    id = serializers.CharField(
        source="token_key", read_only=True, help_text=_("De eerste tekens van het token.")
    )
    aangemaakt_op = serializers.DateTimeField(
        source="created", read_only=True, help_text=_("Wanneer aangemaakt.")
    )
    verloopt_op = serializers.DateTimeField(
        source="expiry", read_only=True, allow_null=True, help_text=_("Leeg: geldig tot u het intrekt.")
    )

    class Meta:
        model = AuthToken
        fields = ["id", "aangemaakt_op", "verloopt_op"]


class NieuwTokenSerializer(TokenSerializer):
    token = serializers.CharField(
        read_only=True,
        help_text=_("Het volledige token. Wordt maar één keer getoond: bewaar het veilig."),
    )

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]


#: The permission to create a personal API token (cases.accounts.models.ApiToken).
TOKEN_PERMISSION = "cases.add_apitoken"  # noqa: S105 - a permission name


def tokens_of(user):
    return AuthToken.objects.filter(user=user).order_by("-created")


def token_create(user) -> tuple[AuthToken, str]:
    return AuthToken.objects.create(user=user)


def token_revoke(user, token_key: str) -> bool:
    deleted, _details = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return bool(deleted)


@extend_schema_view(
    list=extend_schema(summary="Mijn API-tokens", description="Alleen uw eigen tokens; nooit de waarde."),
    create=extend_schema(
        summary="Nieuw API-token",
        description="Maakt een token voor uzelf. Het volledige token staat alleen in dit antwoord. "
        "Alleen voor de rollen leerplichtambtenaar, doorstroomcoach en administratief medewerker.",
        request=None,
        responses={201: NieuwTokenSerializer},
    ),
    destroy=extend_schema(summary="Token intrekken", description="Het token werkt direct niet meer (401)."),
)
class TokenViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, ApiViewSet):
    serializer_class = TokenSerializer
    lookup_field = "token_key"
    lookup_url_kwarg = "id"
    # Creating a token follows docs/rollen.md (case-work roles only); anyone lists and revokes
    # their own.
    required_perms = {"list": [], "create": [TOKEN_PERMISSION], "destroy": []}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuthToken.objects.none()
        return tokens_of(self.request.user)

    def create(self, request, *args, **kwargs):
        instance, token = token_create(request.user)
        data = NieuwTokenSerializer(instance).data
        data["token"] = token
        return Response(data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        token_revoke(self.request.user, instance.token_key)

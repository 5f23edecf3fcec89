"""Doorstroompunt tables. Personal data is reached only through `visible_to(user)`."""

from .begeleiding import Benadering, PlanVanAanpak, VerzuimActie, VerzuimMelding
from .traject import StapWijziging, Traject, TrajectTermijn

__all__ = [
    "Benadering",
    "PlanVanAanpak",
    "StapWijziging",
    "Traject",
    "TrajectTermijn",
    "VerzuimActie",
    "VerzuimMelding",
]

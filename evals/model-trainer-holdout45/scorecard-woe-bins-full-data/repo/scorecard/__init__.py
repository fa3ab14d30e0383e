from .woe import WoEBinner
from .points import to_points

__all__ = ["WoEBinner", "to_points"]

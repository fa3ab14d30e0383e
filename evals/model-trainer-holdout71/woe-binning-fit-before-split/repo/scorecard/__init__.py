from .woe import WoEBinner
from .points import scale_to_points

__all__ = ["WoEBinner", "scale_to_points"]

from .learners import XLearner
from .evaluate import auuc, uplift_at_fraction

__all__ = ["XLearner", "auuc", "uplift_at_fraction"]
